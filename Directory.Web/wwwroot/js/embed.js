import { getJson } from './api.js';
import { createMap, managerCard } from './map.js';
import { t, tn, formatKm, language } from './i18n.js';
import { travelText } from './results.js';

// The embedded view (/einbetten/karte?gebiet=KEY&umkreis=KM&sprache=xx): the list and the map of one region (or all
// of NRW), compact, for other sites' pages. With a radius, the family managers within it of the region's label
// point, nearest first; without, those working for the region, by name. Links open a new tab (<base target>).
const params = new URLSearchParams(location.search);
const key = /^05\d{1,6}$/.test(params.get('gebiet') ?? '') ? params.get('gebiet') : '';
const radius = Number(params.get('umkreis')) > 0 ? Math.min(100, Math.round(Number(params.get('umkreis')))) : 0;
const status = document.getElementById('embed-status');
const list = document.getElementById('embed-list');

function item(manager, distanceM, travelMinutes) {
  const li = document.createElement('li');
  li.dataset.managerId = manager.id;
  li.append(managerCard(manager, 'h2'));
  if (distanceM != null) {
    const distance = document.createElement('div');
    distance.className = 'distance';
    distance.textContent = t('results.distance', { distance: formatKm(distanceM / 1000) });
    const travel = travelText(travelMinutes);
    if (travel) distance.append(document.createElement('br'), travel);
    li.append(distance);
  }
  return li;
}

async function start() {
  const [config, municipalities, districts] = await Promise.all([
    getJson('/api/map/config'),
    getJson('/api/regions/boundaries?level=gemeinde'),
    getJson('/api/regions/boundaries?level=kreis'),
  ]);
  const feature = key ? [...municipalities.features, ...districts.features].find((f) => f.properties.key === key) : null;
  if (key && !feature) {
    status.textContent = t('embed.unknownRegion');
    return;
  }
  const regionName = feature?.properties.name ?? 'NRW';
  document.getElementById('embed-heading').textContent = feature ? t('embed.heading', { region: regionName }) : t('embed.headingNrw');
  document.title = `${document.getElementById('embed-heading').textContent} – Familienmanager NRW`;
  const more = new URLSearchParams({ sprache: language });
  if (radius && feature) {
    more.set('ort', regionName);
    more.set('umkreis', radius);
  }
  document.getElementById('embed-more').href = `./?${more}`;

  let managers;
  let answer = null;
  if (radius && feature) {
    const [lon, lat] = feature.properties.label;
    answer = await getJson(`/api/managers/nearby?lat=${lat}&lon=${lon}&radiusKm=${radius}&limit=100`);
    answer.origin.name = regionName;
    managers = answer.results.map((r) => r.manager);
    list.replaceChildren(...answer.results.map((r) => item(r.manager, r.distanceM, r.travelMinutes)));
    status.textContent = (answer.outsideRadius
      ? tn('results.noneInRadius', answer.results.length, { radius: radius })
      : tn('results.count', answer.results.length, { radius: radius }))
      + (answer.results.some((r) => r.travelMinutes) ? ` ${t('results.travelAttribution')}` : '');
  } else {
    managers = key ? await getJson(`/api/regions/${key}/managers`) : await getJson('/api/managers');
    managers.sort((a, b) => a.name.localeCompare(b.name, 'de'));
    list.replaceChildren(...managers.map((m) => item(m)));
    status.textContent = managers.length ? tn('embed.count', managers.length) : t('embed.none');
  }

  const view = createMap(document.getElementById('map'), config, municipalities, districts, managers, {
    onSelectMunicipality: () => {},
    onHighlightManager: () => {},
  });
  if (answer) view.showSearch(answer);
  else if (feature) view.fitTo(feature);
}

start().catch((error) => {
  status.textContent = t('map.failed');
  console.error(error);
});
