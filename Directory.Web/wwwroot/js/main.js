import { getJson } from './api.js';
import { createMap, managerCard } from './map.js';
import { texts, formatNumber, formatArea } from './texts.de.js';

const status = document.getElementById('map-status');
const select = document.getElementById('municipality-select');
const info = document.getElementById('region-info');

function renderRegion(detail, managers) {
  const region = detail.region;
  const parent = (level) => region.parents.find((p) => p.level === level)?.name ?? '–';
  const heading = document.createElement('h3');
  heading.textContent = region.name;
  const list = document.createElement('dl');
  const rows = [
    [texts.type, region.type],
    [texts.kreis, parent('kreis')],
    [texts.regierungsbezirk, parent('regierungsbezirk')],
    [texts.population, `${formatNumber(region.population)} ${texts.populationNote}`],
    [texts.area, formatArea(region.areaKm2)],
    [texts.key, region.key],
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
  managersHeading.textContent = texts.managersHere;
  const managerList = document.createElement('ul');
  managerList.className = 'manager-list';
  for (const manager of here) {
    const item = document.createElement('li');
    item.append(managerCard(manager));
    if (manager.area.key !== region.key) {
      const scope = document.createElement('div');
      scope.textContent = `${manager.area.name} (${texts.managersForKreis})`;
      item.append(scope);
    }
    managerList.append(item);
  }
  const none = document.createElement('p');
  none.textContent = texts.managersNone;
  info.replaceChildren(heading, list, managersHeading, here.length ? managerList : none);
}

async function start() {
  status.textContent = texts.loading;
  let view;
  try {
    const [config, municipalities, districts, managers] = await Promise.all([
      getJson('/api/map/config'),
      getJson('/api/regions/boundaries?level=gemeinde'),
      getJson('/api/regions/boundaries?level=kreis'),
      getJson('/api/managers'),
    ]);

    const selectRegion = async (key) => {
      select.value = key;
      try {
        const detail = await getJson(`/api/regions/${encodeURIComponent(key)}`);
        renderRegion(detail, managers);
        view.showSelection(detail.boundary);
      } catch (error) {
        info.textContent = texts.regionFailed;
        console.error(error);
      }
    };

    view = createMap(document.getElementById('map'), config, municipalities, districts, managers, selectRegion);

    const byName = [...municipalities.features]
      .map((f) => f.properties)
      .sort((a, b) => a.name.localeCompare(b.name, 'de'));
    for (const { key, name } of byName) {
      select.add(new Option(name, key));
    }
    select.disabled = false;
    select.addEventListener('change', () => { if (select.value) selectRegion(select.value); });
    status.textContent = '';
  } catch (error) {
    status.textContent = texts.loadFailed;
    console.error(error);
  }
}

start();
