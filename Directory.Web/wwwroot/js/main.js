import { getJson } from './api.js';
import { createCombobox } from './combobox.js';
import { createMap, managerCard } from './map.js';
import { clearResults, highlightResult, renderResults } from './results.js';
import { t, tValue, formatNumber, formatArea, language, withLanguage, updateLanguageLinks } from './i18n.js';

const status = document.getElementById('map-status');
const select = document.getElementById('municipality-select');
const info = document.getElementById('region-info');
const form = document.getElementById('search-form');
const placeInput = document.getElementById('place-input');
const radiusSelect = document.getElementById('radius-select');
const message = document.getElementById('search-message');
const resultElements = {
  status: document.getElementById('result-status'),
  origin: document.getElementById('origin-info'),
  list: document.getElementById('result-list'),
};
let view = null;
let managers = [];
let mapConfig = null;

function renderRegion(detail) {
  const region = detail.region;
  const parent = (level) => region.parents.find((p) => p.level === level)?.name ?? '–';
  const heading = document.createElement('h3');
  heading.textContent = region.name;
  const list = document.createElement('dl');
  const rows = [
    [t('region.type'), tValue('regionType', region.type)],
    [t('region.kreis'), parent('kreis')],
    [t('region.regierungsbezirk'), parent('regierungsbezirk')],
    [t('region.population'), t('region.populationValue', { value: formatNumber(region.population) })],
    [t('region.area'), formatArea(region.areaKm2)],
    [t('region.key'), region.key],
  ];
  for (const [term, value] of rows) {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    list.append(dt, dd);
  }
  const kreis = region.parents.find((p) => p.level === 'kreis')?.key;
  const here = managers.filter((m) => m.area.key === region.key || m.area.key === kreis);
  const managersHeading = document.createElement('h4');
  managersHeading.textContent = t('region.managersHere');
  const managerList = document.createElement('ul');
  managerList.className = 'manager-list';
  for (const manager of here) {
    const item = document.createElement('li');
    item.append(managerCard(manager));
    if (manager.area.key !== region.key) {
      const scope = document.createElement('div');
      scope.textContent = t('region.managerForKreis', { name: manager.area.name });
      item.append(scope);
    }
    managerList.append(item);
  }
  const none = document.createElement('p');
  none.textContent = t('region.managersNone');
  info.replaceChildren(heading, list, managersHeading, here.length ? managerList : none);
}

async function selectRegion(key) {
  select.value = key;
  try {
    const detail = await getJson(`/api/regions/${encodeURIComponent(key)}`);
    renderRegion(detail);
    view?.showSelection(detail.boundary);
  } catch (error) {
    info.textContent = t('region.failed');
    console.error(error);
  }
}

function highlight(id, on) {
  view?.highlight(id, on);
  highlightResult(resultElements.list, id, on);
}

// The search as the URL holds it: ?ort=Olpe&umkreis=25, or ?lat=..&lon=..&umkreis=25 for "my location".
function searchFromUrl() {
  const params = new URLSearchParams(location.search);
  const radius = params.get('umkreis');
  if (radius && [...radiusSelect.options].some((o) => o.value === radius)) radiusSelect.value = radius;
  if (params.get('ort')) {
    placeInput.value = params.get('ort');
    return { place: params.get('ort') };
  }
  if (params.get('lat') && params.get('lon')) {
    return { lat: params.get('lat'), lon: params.get('lon') };
  }
  return null;
}

async function search(origin, { push = true } = {}) {
  const radius = radiusSelect.value;
  const query = origin.place !== undefined
    ? (/^\d{5}$/.test(origin.place.trim()) ? `plz=${origin.place.trim()}` : `place=${encodeURIComponent(origin.place)}`)
    : `lat=${origin.lat}&lon=${origin.lon}`;
  message.textContent = '';
  resultElements.status.textContent = t('search.searching');
  try {
    const answer = await getJsonOrProblem(`/api/managers/nearby?${query}&radiusKm=${radius}&limit=20`);
    renderResults(answer, resultElements, highlight, { routeUrl: mapConfig?.routeUrl, onShow: (id) => view?.showManager(id) });
    view?.showSearch(answer);
    if (push) {
      const params = origin.place !== undefined ? { ort: origin.place, umkreis: radius } : { lat: origin.lat, lon: origin.lon, umkreis: radius };
      history.pushState(null, '', `?${withLanguage(new URLSearchParams(params))}`);
      updateLanguageLinks();
    }
  } catch (error) {
    clearResults(resultElements);
    message.textContent = error.detail ?? t('search.failed');
  }
}

async function getJsonOrProblem(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json', 'Accept-Language': language } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw Object.assign(new Error(response.statusText), { detail: body.detail });
  return body;
}

function useMyLocation() {
  if (!navigator.geolocation) {
    message.textContent = t('search.geolocationUnsupported');
    return;
  }
  message.textContent = t('search.locating');
  navigator.geolocation.getCurrentPosition(
    (position) => search({ lat: position.coords.latitude.toFixed(5), lon: position.coords.longitude.toFixed(5) }),
    (error) => { message.textContent = error.code === error.PERMISSION_DENIED ? t('search.geolocationDenied') : t('search.geolocationFailed'); },
    { timeout: 10000, maximumAge: 60000 },
  );
}

async function start() {
  createCombobox(placeInput, document.getElementById('place-options'), (place) => search({ place: place.label }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = placeInput.value.trim();
    if (!text) {
      message.textContent = t('search.enterPlace');
      placeInput.focus();
      return;
    }
    search({ place: text });
  });
  document.getElementById('locate-button').addEventListener('click', useMyLocation);
  window.addEventListener('popstate', () => {
    const origin = searchFromUrl();
    if (origin) search(origin, { push: false }); else clearResults(resultElements);
  });

  status.textContent = t('map.loading');
  try {
    const [config, municipalities, districts, publicManagers] = await Promise.all([
      getJson('/api/map/config'),
      getJson('/api/regions/boundaries?level=gemeinde'),
      getJson('/api/regions/boundaries?level=kreis'),
      getJson('/api/managers'),
    ]);
    managers = publicManagers;
    mapConfig = config;
    view = createMap(document.getElementById('map'), config, municipalities, districts, managers, {
      onSelectMunicipality: selectRegion,
      onHighlightManager: highlight,
    });

    const byName = [...municipalities.features].map((f) => f.properties).sort((a, b) => a.name.localeCompare(b.name, 'de')); // German names, German order
    for (const { key, name } of byName) select.add(new Option(name, key));
    select.disabled = false;
    select.addEventListener('change', () => { if (select.value) selectRegion(select.value); });
    status.textContent = '';
  } catch (error) {
    status.textContent = t('map.failed');
    console.error(error);
  }

  const origin = searchFromUrl();
  if (origin) search(origin, { push: false });
}

start();
