// German texts of the page, in one place.
export const texts = {
  loading: 'Die Karte wird geladen …',
  loadFailed: 'Die Karte konnte nicht geladen werden. Bitte laden Sie die Seite neu.',
  regionFailed: 'Die Angaben zu dieser Gemeinde konnten nicht geladen werden.',
  choose: '– bitte wählen –',
  kreis: 'Kreis',
  regierungsbezirk: 'Regierungsbezirk',
  type: 'Art',
  population: 'Einwohner',
  populationNote: '(31.12.2024)',
  area: 'Fläche',
  key: 'Gemeindeschlüssel',
  managersHere: 'Familienmanager:innen für diese Gemeinde',
  managersNone: 'Für diese Gemeinde ist keine Familienmanagerin und kein Familienmanager eingetragen.',
  managersForKreis: 'für den ganzen Kreis',
  approximate: 'Lage ungefähr (Postleitzahl oder Gemeinde)',
  managersLegend: (count) => `${count} Familienmanager:innen auf der Karte`,
  dataAttribution: 'Grenzen © Land NRW (dl-de/zero-2-0), Einwohner © Destatis',
};

const numberFormat = new Intl.NumberFormat('de-DE');
const areaFormat = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const formatNumber = (value) => numberFormat.format(value);
export const formatArea = (km2) => `${areaFormat.format(km2)} km²`;
