// German texts of the page, in one place.
export const texts = {
  loading: 'Die Karte wird geladen …',
  loadFailed: 'Die Karte konnte nicht geladen werden. Bitte laden Sie die Seite neu.',
  regionFailed: 'Die Angaben zu dieser Gemeinde konnten nicht geladen werden.',
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
  enterPlace: 'Bitte geben Sie einen Ort oder eine Postleitzahl ein.',
  searching: 'Suche läuft …',
  searchFailed: 'Die Suche ist fehlgeschlagen. Bitte versuchen Sie es noch einmal.',
  geolocationUnsupported: 'Ihr Browser kann den Standort nicht ermitteln. Bitte geben Sie einen Ort oder eine Postleitzahl ein.',
  geolocationDenied: 'Der Standort wurde nicht freigegeben. Bitte geben Sie einen Ort oder eine Postleitzahl ein.',
  geolocationFailed: 'Der Standort konnte nicht ermittelt werden. Bitte geben Sie einen Ort oder eine Postleitzahl ein.',
  locating: 'Standort wird ermittelt …',
  resultCount: (count, radius) => `${count} ${count === 1 ? 'Familienmanager:in' : 'Familienmanager:innen'} im Umkreis von ${radius} km`,
  noneInRadius: (radius, count) => `Im Umkreis von ${radius} km gibt es keine Familienmanager:innen. Die ${count} nächsten:`,
  originCovered: (gemeinde) => `In ${gemeinde} arbeitet eine Familienmanagerin oder ein Familienmanager.`,
  originCoveredByKreis: (gemeinde, kreis) => `Für ${gemeinde} ist eine Familienmanagerin oder ein Familienmanager des ganzen Kreises zuständig (${kreis}).`,
  originUncovered: (gemeinde) => `In ${gemeinde} ist noch keine Familienmanagerin und kein Familienmanager eingetragen.`,
  searchFrom: (name) => `Gesucht ab: ${name}.`,
  searchOrigin: (name) => `Suche ab ${name}`,
  routeLink: 'Route planen',
  routeLinkName: (name) => `Route planen zu ${name} (öffnet ein neues Fenster)`,
  showOnMap: 'Auf der Karte zeigen',
  showOnMapName: (name) => `${name} auf der Karte zeigen`,
  distance: (metres) => `${(metres / 1000).toLocaleString('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} km entfernt`,
  clusterName: (count) => `${count} Familienmanager:innen an dieser Stelle – zum Vergrößern Eingabetaste drücken`,
  dataAttribution: 'Grenzen © Land NRW (dl-de/zero-2-0), Einwohner © Destatis',
};

const numberFormat = new Intl.NumberFormat('de-DE');
const areaFormat = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const formatNumber = (value) => numberFormat.format(value);
export const formatArea = (km2) => `${areaFormat.format(km2)} km²`;
