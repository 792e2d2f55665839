// The language chosen with ?sprache= stays chosen while navigating: the server writes it into the page's links, and
// addresses the scripts build carry it too. The language switch keeps the page's own query (a search, a region), so
// that switching changes only the language.
const chosen = new URLSearchParams(location.search).get('sprache');

/** Adds the chosen language (if one was chosen) to query parameters the page writes into its address or links. */
export function withLanguage(params) {
  if (chosen) params.set('sprache', chosen);
  return params;
}

/** Points each language of the switch at this page with its current query. */
export function updateLanguageLinks() {
  for (const link of document.querySelectorAll('.language-switch a[data-language]')) {
    const url = new URL(link.href);
    if (url.pathname !== location.pathname) continue; // an untranslated page's switch leads to the start page
    const params = new URLSearchParams(location.search);
    params.set('sprache', link.dataset.language);
    url.search = params.toString();
    link.href = url.toString();
  }
}

updateLanguageLinks();
