// The page's texts in the language the server chose (<html lang>), from i18n/{lang}.json: the same file the server
// fills the page's static texts from. Numbers, percentages and dates follow the language's conventions.
export { withLanguage, updateLanguageLinks } from './language.js';

export const language = document.documentElement.lang || 'de';
export const locale = { de: 'de-DE', en: 'en-GB', tr: 'tr-TR', ar: 'ar', uk: 'uk-UA' }[language] ?? 'de-DE';

const texts = await fetch(`i18n/${language}.json`).then((response) => response.json()).catch(() => ({}));
const plurals = new Intl.PluralRules(locale);

/** The text of `key` with `{name}` placeholders filled from `values`. */
export function t(key, values = {}) {
  const text = texts[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in values ? String(values[name]) : match));
}

/** A text that depends on a count: `key.one`, `key.few`, … as the language's plural rules choose, else `key.other`. */
export function tn(key, count, values = {}) {
  const form = `${key}.${plurals.select(count)}`;
  return t(form in texts ? form : `${key}.other`, { count: formatNumber(count), ...values });
}

/** A text for a value from the data (a region's type, say), or the value itself where the language has none. */
export function tValue(prefix, value) {
  return texts[`${prefix}.${value}`] ?? value;
}

export const formatNumber = (value, options) => new Intl.NumberFormat(locale, options).format(value);
export const formatPercent = (share, digits = 1) =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(share);
export const formatKm = (km, digits = 1) => t('unit.km', { value: formatNumber(km, { maximumFractionDigits: digits }) });
export const formatArea = (km2) => t('unit.km2', { value: formatNumber(km2, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) });
/** "März 2026" from "2026-03-14" (a day of the API, read as that calendar day wherever the reader is). */
export const formatMonth = (isoDay) =>
  new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDay}T00:00:00Z`));
