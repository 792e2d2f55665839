import { getJson } from './api.js';

// The one-page profile of a Kreis or Gemeinde (/abdeckung/steckbrief?gebiet=KEY), drawn from the public API only.
const nf = new Intl.NumberFormat('de-DE');
const pct = (share) => `${(share * 100).toLocaleString('de-DE', { maximumFractionDigits: 1 })} %`;
const params = new URLSearchParams(location.search);
const key = params.get('gebiet') ?? '';
const radius = Math.min(50, Math.max(1, Math.round(Number(params.get('umkreis'))) || 10));

function cells(tr, values, header = false) {
  values.forEach((value, i) => {
    const cell = document.createElement(header || i === 0 ? 'th' : 'td');
    if (header) cell.scope = 'col';
    else if (i === 0) cell.scope = 'row';
    cell.textContent = value;
    tr.append(cell);
  });
  return tr;
}

function figures(own, parent, land) {
  const table = document.getElementById('profile-figures');
  document.getElementById('profile-figures-caption').textContent = `Umkreis ${radius} km, im Vergleich`;
  const columns = [own, parent, land].filter(Boolean);
  table.querySelector('thead').replaceChildren(cells(document.createElement('tr'), ['', ...columns.map((c) => c.name)], true));
  const rows = [
    ['Familienmanager:innen', (c) => nf.format(c.managers)],
    ['Gemeinden abgedeckt', (c) => `${c.municipalitiesCovered} von ${c.municipalities}`],
    ['Einwohner', (c) => nf.format(c.population)],
    ['davon im Umkreis', (c) => pct(c.shareWithinReach)],
    ['Kinder unter 15', (c) => nf.format(c.children)],
    ['davon im Umkreis', (c) => pct(c.shareChildrenWithinReach)],
    ['Mittlere Entfernung', (c) => (c.meanDistanceKm == null ? '–' : `${c.meanDistanceKm.toLocaleString('de-DE', { maximumFractionDigits: 1 })} km`)],
  ];
  table.querySelector('tbody').replaceChildren(...rows.map(([label, value]) => cells(document.createElement('tr'), [label, ...columns.map(value)])));
}

function trend(years) {
  const table = document.getElementById('profile-trend');
  document.getElementById('profile-trend-caption').textContent = `Je Jahr (Stand 31.12., im laufenden Jahr heute), Umkreis ${radius} km`;
  table.querySelector('thead').replaceChildren(cells(document.createElement('tr'), ['Jahr', ...years.map((y) => String(y.year))], true));
  table.querySelector('tbody').replaceChildren(
    cells(document.createElement('tr'), ['Einträge', ...years.map((y) => nf.format(y.entries))]),
    cells(document.createElement('tr'), ['Einwohner im Umkreis', ...years.map((y) => pct(y.shareWithinReach))]),
    cells(document.createElement('tr'), ['Kinder im Umkreis', ...years.map((y) => pct(y.shareChildrenWithinReach))]));
}

async function start() {
  if (!/^05\d{3}(\d{3})?$/.test(key)) {
    throw new Error('Bitte wählen Sie einen Kreis oder eine Gemeinde (gebiet=5 oder 8 Ziffern).');
  }
  const level = key.length === 8 ? 'gemeinde' : 'kreis';
  const parentKey = level === 'gemeinde' ? key.slice(0, 5) : key.slice(0, 3);
  const [region, own, parent, land, managers, planning, history] = await Promise.all([
    getJson(`/api/regions/${key}`),
    getJson(`/api/coverage?level=${level}&within=${key}&radiusKm=${radius}`),
    getJson(`/api/coverage?level=${level === 'gemeinde' ? 'kreis' : 'regierungsbezirk'}&within=${parentKey}&radiusKm=${radius}`),
    getJson(`/api/coverage?level=land&radiusKm=${radius}`),
    getJson(`/api/regions/${key}/managers`),
    getJson(`/api/planning/suggestions?within=${key}&radiusKm=${radius}&count=3`),
    getJson(`/api/coverage/history?level=${level}&within=${key}&radiusKm=${radius}`),
  ]);
  const name = own.total.name;
  document.title = `Steckbrief ${name} – Familienmanager NRW`;
  document.getElementById('profile-title').textContent = `Steckbrief: ${name}`;
  const parents = (region.region.parents ?? []).map((p) => p.name).join(', ');
  document.getElementById('profile-subtitle').textContent = `${region.region.type}${parents ? `, ${parents}` : ''} · Gebietsschlüssel ${key}`;
  document.getElementById('back-link').href = `abdeckung?gebiet=${key}&umkreis=${radius}`;
  figures(own.total, parent.total, land.total);

  const list = document.getElementById('profile-managers');
  list.replaceChildren(...(managers.length ? managers : [null]).map((m) => {
    const li = document.createElement('li');
    li.textContent = m ? [m.name, m.organisation, m.area?.name].filter(Boolean).join(' – ') : 'Keine veröffentlichten Einträge.';
    return li;
  }));

  document.getElementById('profile-planning-caption').textContent = `Bis zu drei Vorschläge, Umkreis ${radius} km, alle Einwohner; heute im Umkreis: ${pct(planning.shareWithinReachBefore)}`;
  document.querySelector('#profile-planning tbody').replaceChildren(...planning.suggestions.map((s) =>
    cells(document.createElement('tr'), [String(s.rank), s.municipality.name, nf.format(s.newlyWithinReach), pct(s.shareWithinReachAfter)])));
  trend(history.regions.find((r) => r.key === key)?.years ?? []);
  document.getElementById('profile-printed').textContent = `Stand: ${new Date().toLocaleDateString('de-DE')}. Quelle: Familienmanager NRW, ${location.origin}${location.pathname}${location.search}`;

  // The view first: Leaflet cannot draw a path on a map without one.
  const map = L.map('profile-map', { zoomControl: false, attributionControl: false, zoomSnap: 0.25 });
  const outline = L.geoJSON(region.boundary, { style: { color: '#1d3557', weight: 2, fillOpacity: 0.08 } });
  map.fitBounds(outline.getBounds(), { padding: [8, 8] });
  outline.addTo(map);
  for (const m of managers) {
    L.circleMarker([m.location.lat, m.location.lon], { radius: 6, color: '#7a2e00', fillColor: '#e07a1f', fillOpacity: 1, weight: 2 }).addTo(map);
  }
  for (const s of planning.suggestions) {
    L.marker([s.lat, s.lon], { icon: L.divIcon({ className: 'suggestion-marker', html: `<span>${s.rank}</span>`, iconSize: [24, 24] }), keyboard: false }).addTo(map);
  }
  document.body.dataset.ready = 'true';
}

document.getElementById('print-button').addEventListener('click', () => window.print());
start().catch((error) => {
  document.getElementById('profile-subtitle').textContent = `Der Steckbrief konnte nicht geladen werden: ${error.message}`;
  console.error(error);
});
