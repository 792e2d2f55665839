import { getJson } from './api.js';
import { t, tn, formatNumber, formatPercent, formatKm, withLanguage, updateLanguageLinks } from './i18n.js';

// The coverage page: one state (level, view, radius, region) kept in the URL, every view drawn from /api/coverage.
const nf = { format: (value) => formatNumber(value) };
const pct = (share) => formatPercent(share);
const km = (value) => (value == null ? '–' : formatKm(value));

const reachClasses = [
  { min: 0.9, label: t('cov.reach.atLeast', { value: pct(0.9) }), className: 'reach-5' },
  { min: 0.75, label: t('cov.reach.between', { from: pct(0.75), to: pct(0.9) }), className: 'reach-4' },
  { min: 0.5, label: t('cov.reach.between', { from: pct(0.5), to: pct(0.75) }), className: 'reach-3' },
  { min: 0.25, label: t('cov.reach.between', { from: pct(0.25), to: pct(0.5) }), className: 'reach-2' },
  { min: 0, label: t('cov.reach.below', { value: pct(0.25) }), className: 'reach-1' },
];
const responsibilityClasses = {
  gemeinde: { label: t('cov.resp.own'), className: 'resp-own' },
  kreis: { label: t('cov.resp.kreis'), className: 'resp-kreis' },
  none: { label: t('cov.resp.none'), className: 'resp-none' },
  partly: { label: t('cov.resp.partly'), className: 'resp-partly' },
};

const state = readUrl();
let map = null;
let layer = null;
let planningLayer = null;
let rows = [];
let sort = { key: 'name', descending: false };

function readUrl() {
  const p = new URLSearchParams(location.search);
  return {
    level: p.get('ebene') === 'gemeinde' ? 'gemeinde' : 'kreis',
    view: p.get('ansicht') === 'erreichbarkeit' ? 'erreichbarkeit' : 'zustaendigkeit',
    radius: Math.min(50, Math.max(1, Math.round(Number(p.get('umkreis'))) || 10)),
    reach: ['auto', 'fuss'].includes(p.get('reichweite')) ? p.get('reichweite') : 'km',
    minutes: Math.min(60, Math.max(1, Math.round(Number(p.get('minuten'))) || 15)),
    region: /^05\d{1,6}$/.test(p.get('gebiet') ?? '') ? p.get('gebiet') : '',
    year: /^20\d\d$/.test(p.get('stand') ?? '') ? p.get('stand') : '',
  };
}

// Reach as the straight line (km) or, where a road network is imported, as minutes by car or on foot.
let travelTimes = false;
const inMinutes = () => travelTimes && state.reach !== 'km';
const reachQuery = () => (inMinutes() ? `minutes=${state.minutes}&mode=${state.reach === 'auto' ? 'car' : 'foot'}` : `radiusKm=${state.radius}`);
const reachText = () => (inMinutes()
  ? t(state.reach === 'auto' ? 'unit.minutesCar' : 'unit.minutesFoot', { value: nf.format(state.minutes) })
  : formatKm(state.radius, 0));

// The date of a chosen year ("Stand: 2018" = the end of 2018); empty for today.
const dateParam = () => (state.year ? `&date=${state.year}-12-31` : '');

function writeUrl() {
  const p = new URLSearchParams({ ebene: state.level, ansicht: state.view, umkreis: state.radius });
  if (inMinutes()) {
    p.set('reichweite', state.reach);
    p.set('minuten', state.minutes);
  }
  if (state.region) p.set('gebiet', state.region);
  if (state.year) p.set('stand', state.year);
  history.replaceState(null, '', `?${withLanguage(p)}`);
  updateLanguageLinks();
}

function classOf(row) {
  if (state.view === 'erreichbarkeit') return reachClasses.find((c) => row.shareWithinReach >= c.min);
  if (row.level === 'gemeinde') return responsibilityClasses[row.coveredBy ?? 'none'];
  return row.municipalitiesCovered === row.municipalities ? responsibilityClasses.gemeinde
    : row.municipalitiesCovered === 0 ? responsibilityClasses.none : responsibilityClasses.partly;
}

function legend() {
  const classes = state.view === 'erreichbarkeit' ? reachClasses
    : state.level === 'gemeinde' ? [responsibilityClasses.gemeinde, responsibilityClasses.kreis, responsibilityClasses.none]
    : [{ ...responsibilityClasses.gemeinde, label: t('cov.resp.allCovered') }, responsibilityClasses.partly, { ...responsibilityClasses.none, label: t('cov.resp.noneCovered') }];
  const title = document.createElement('h3');
  title.textContent = state.view === 'erreichbarkeit' ? t('cov.legend.reach', { radius: reachText() }) : t('cov.legend.responsibility');
  const list = document.createElement('ul');
  for (const c of classes) {
    const item = document.createElement('li');
    const swatch = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    swatch.setAttribute('width', '22');
    swatch.setAttribute('height', '16');
    swatch.setAttribute('aria-hidden', 'true');
    const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    rect.setAttribute('width', '22');
    rect.setAttribute('height', '16');
    rect.setAttribute('class', `swatch ${c.className}`);
    swatch.append(rect);
    item.append(swatch, document.createTextNode(` ${c.label}`));
    list.append(item);
  }
  document.getElementById('legend').replaceChildren(title, list);
}

const columns = [
  { key: 'name', label: t('cov.col.region'), value: (r) => r.name, text: (r) => r.name },
  { key: 'managers', label: t('cov.col.managers'), value: (r) => r.managers, text: (r) => nf.format(r.managers) },
  { key: 'covered', label: t('cov.col.responsibility'), value: (r) => r.shareMunicipalitiesCovered,
    text: (r) => (r.level === 'gemeinde' ? classOfResponsibility(r)
      : t('cov.municipalitiesCovered', { covered: nf.format(r.municipalitiesCovered), total: nf.format(r.municipalities) })) },
  { key: 'population', label: t('cov.col.population'), value: (r) => r.population, text: (r) => nf.format(r.population) },
  { key: 'reach', label: t('cov.col.reach'), value: (r) => r.shareWithinReach, text: (r) => pct(r.shareWithinReach) },
  { key: 'children', label: t('cov.col.children'), value: (r) => r.shareChildrenWithinReach, text: (r) => pct(r.shareChildrenWithinReach) },
  { key: 'distance', label: t('cov.col.distance'), value: (r) => r.meanDistanceKm ?? Infinity, text: (r) => km(r.meanDistanceKm) },
];

function classOfResponsibility(r) {
  return t(`cov.coveredBy.${r.coveredBy ?? 'none'}`);
}

function renderTable() {
  const table = document.getElementById('coverage-table');
  document.getElementById('table-caption').textContent =
    t(state.level === 'kreis' ? 'cov.caption.kreise' : 'cov.caption.gemeinden',
      { region: state.region ? regionName(state.region) : 'NRW', radius: reachText() }) + standText();
  const headRow = table.querySelector('thead tr');
  headRow.replaceChildren(...columns.map((column) => {
    const th = document.createElement('th');
    th.scope = 'col';
    th.setAttribute('aria-sort', sort.key === column.key ? (sort.descending ? 'descending' : 'ascending') : 'none');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    button.textContent = column.label;
    button.addEventListener('click', () => {
      sort = { key: column.key, descending: sort.key === column.key ? !sort.descending : column.key !== 'name' };
      renderTable();
      table.querySelector(`th[aria-sort]:not([aria-sort="none"]) button`)?.focus();
    });
    th.append(button);
    return th;
  }));
  const column = columns.find((c) => c.key === sort.key);
  const sorted = [...rows].sort((a, b) => {
    const x = column.value(a);
    const y = column.value(b);
    const order = typeof x === 'string' ? x.localeCompare(y, 'de') : x - y; // names are German: German order
    return sort.descending ? -order : order;
  });
  table.querySelector('tbody').replaceChildren(...sorted.map((row) => {
    const tr = document.createElement('tr');
    columns.forEach((c, i) => {
      const cell = document.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) {
        cell.scope = 'row';
        const link = document.createElement('a');
        link.href = `?${withLanguage(new URLSearchParams({ ebene: state.level, ansicht: state.view, umkreis: state.radius, gebiet: row.key }))}`;
        link.textContent = row.name;
        link.addEventListener('click', (event) => { event.preventDefault(); select(row.key); });
        cell.append(link);
      } else {
        cell.textContent = c.text(row);
      }
      tr.append(cell);
    });
    return tr;
  }));
}

function renderChart(kreise, land) {
  const width = 640;
  const barHeight = 14;
  const left = 200;
  const height = kreise.length * (barHeight + 4) + 30;
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', t('cov.chart.label', { radius: reachText(), share: pct(land.shareWithinReach) }));
  const scale = (share) => left + share * (width - left - 50);
  const text = (x, y, value, anchor = 'start') => {
    const t = document.createElementNS('http://www.w3.org/2000/svg', 'text');
    t.setAttribute('x', x);
    t.setAttribute('y', y);
    t.setAttribute('text-anchor', anchor);
    t.textContent = value;
    return t;
  };
  [...kreise].sort((a, b) => b.shareWithinReach - a.shareWithinReach).forEach((k, i) => {
    const y = 20 + i * (barHeight + 4);
    svg.append(text(left - 6, y + barHeight - 3, k.name, 'end'));
    const bar = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    bar.setAttribute('x', left);
    bar.setAttribute('y', y);
    bar.setAttribute('width', Math.max(1, scale(k.shareWithinReach) - left));
    bar.setAttribute('height', barHeight);
    bar.setAttribute('class', k.key === state.region ? 'bar selected' : 'bar');
    svg.append(bar, text(scale(k.shareWithinReach) + 4, y + barHeight - 3, pct(k.shareWithinReach)));
  });
  const line = document.createElementNS('http://www.w3.org/2000/svg', 'line');
  line.setAttribute('x1', scale(land.shareWithinReach));
  line.setAttribute('x2', scale(land.shareWithinReach));
  line.setAttribute('y1', 12);
  line.setAttribute('y2', height - 4);
  line.setAttribute('class', 'reference');
  svg.append(line, text(scale(land.shareWithinReach), 10, `NRW ${pct(land.shareWithinReach)}`, 'middle'));
  document.getElementById('chart').replaceChildren(svg);
}

function renderGaps(gaps) {
  const block = (title, items, describe) => {
    const h = document.createElement('h3');
    h.textContent = title;
    const list = document.createElement('ol');
    for (const gap of items.slice(0, 10)) {
      const li = document.createElement('li');
      li.textContent = `${gap.name} (${gap.kreis}): ${describe(gap)}`;
      list.append(li);
    }
    const empty = document.createElement('p');
    empty.textContent = t('cov.gaps.none');
    return [h, items.length ? list : empty];
  };
  document.getElementById('gaps').replaceChildren(
    ...block(t('cov.gaps.withoutManager'), gaps.withoutManager, (g) => t('cov.gaps.residents', { count: nf.format(g.population) })),
    ...block(t('cov.gaps.mostOutOfReach', { radius: reachText() }), gaps.mostOutOfReach,
      (g) => t('cov.gaps.outside', { count: nf.format(g.residentsOutOfReach), share: pct(1 - g.shareWithinReach) })));
}

const standText = () => (state.year ? t('cov.asOf', { year: state.year }) : '');

let regionNames = new Map();
const regionName = (key) => regionNames.get(key) ?? key;

async function renderDetail() {
  const content = document.getElementById('detail-content');
  if (!state.region) {
    const p = document.createElement('p');
    p.textContent = t('coverage.detail.hint');
    content.replaceChildren(p);
    return;
  }
  const level = state.region.length === 8 ? 'gemeinde' : state.region.length === 5 ? 'kreis' : 'regierungsbezirk';
  const parents = [state.region.slice(0, 5), state.region.slice(0, 3)].filter((k) => k.length < state.region.length);
  const [own, ...others] = await Promise.all([
    getJson(`/api/coverage?level=${level}&within=${state.region}&${reachQuery()}${dateParam()}`),
    ...parents.map((k) => getJson(`/api/coverage?level=${k.length === 5 ? 'kreis' : 'regierungsbezirk'}&within=${k}&${reachQuery()}${dateParam()}`)),
    getJson(`/api/coverage?level=land&${reachQuery()}${dateParam()}`),
  ]);
  const managers = await getJson(`/api/regions/${state.region}/managers`);
  const compare = [own.total, ...others.map((o) => o.total)];
  const heading = document.createElement('h3');
  heading.textContent = own.total.name;
  const table = document.createElement('table');
  const caption = document.createElement('caption');
  caption.textContent = t('cov.detail.caption', { name: own.total.name, radius: reachText() }) + standText();
  const head = document.createElement('tr');
  for (const label of ['cov.col.region', 'cov.detail.covered', 'cov.col.reach', 'cov.detail.children', 'cov.col.distance'].map((key) => t(key))) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = label;
    head.append(th);
  }
  const thead = document.createElement('thead');
  thead.append(head);
  const tbody = document.createElement('tbody');
  for (const r of compare) {
    const tr = document.createElement('tr');
    const name = document.createElement('th');
    name.scope = 'row';
    name.textContent = r.name;
    tr.append(name);
    for (const value of [t('cov.detail.coveredValue', { covered: nf.format(r.municipalitiesCovered), total: nf.format(r.municipalities) }), pct(r.shareWithinReach), pct(r.shareChildrenWithinReach), km(r.meanDistanceKm)]) {
      const td = document.createElement('td');
      td.textContent = value;
      tr.append(td);
    }
    tbody.append(tr);
  }
  table.append(caption, thead, tbody);
  const list = document.createElement('ul');
  for (const m of managers) {
    const li = document.createElement('li');
    li.textContent = [m.name, m.organisation, m.area.name].filter(Boolean).join(' – ');
    list.append(li);
  }
  const managersHeading = document.createElement('h4');
  managersHeading.textContent = t('cov.detail.managers', { count: nf.format(managers.length) });
  const parts = [heading, table, managersHeading, list];
  if (level !== 'regierungsbezirk') {
    const profile = document.createElement('p');
    const link = document.createElement('a');
    link.href = `abdeckung/steckbrief?gebiet=${state.region}`;
    link.textContent = t('cov.detail.profile', { name: own.total.name });
    profile.append(link);
    parts.push(profile);
  }
  content.replaceChildren(...parts);
}

async function refresh() {
  writeUrl();
  document.getElementById('radius-output').textContent = reachText();
  const within = state.region && state.region.length < (state.level === 'kreis' ? 5 : 8) ? `&within=${state.region.length === 8 ? state.region.slice(0, 5) : state.region}` : '';
  const query = `level=${state.level}&${reachQuery()}`;
  document.getElementById('csv-link').href = `api/coverage?${query}${within}${dateParam()}&format=csv`;
  const [answer, kreise, gaps] = await Promise.all([
    getJson(`/api/coverage?${query}${within}${dateParam()}`),
    getJson(`/api/coverage?level=kreis&${reachQuery()}${dateParam()}`),
    getJson(`/api/coverage/gaps?${reachQuery()}${state.region && state.region.length <= 5 ? `&within=${state.region}` : ''}${dateParam()}`),
  ]);
  rows = answer.regions;
  const total = answer.total;
  document.getElementById('coverage-summary').textContent =
    (state.year ? `${t('cov.summary.asOf', { year: state.year })} ` : '')
    + t(inMinutes() ? 'cov.summary.minutes' : 'cov.summary', {
      name: total.name, covered: nf.format(total.municipalitiesCovered), total: nf.format(total.municipalities),
      residents: pct(total.shareWithinReach), children: pct(total.shareChildrenWithinReach), radius: inMinutes() ? reachText() : nf.format(state.radius),
    });
  const byKey = new Map(rows.map((r) => [r.key, r]));
  // Leaflet applies `className` only when it creates a path, so the class of each area is set on its element.
  const allClasses = [...reachClasses, ...Object.values(responsibilityClasses)].map((c) => c.className).concat('outside');
  layer?.setStyle({ color: '#3d4a55', weight: state.level === 'kreis' ? 1.5 : 0.6, fillOpacity: 0.85 });
  layer?.eachLayer((l) => {
    const row = byKey.get(l.feature.properties.key);
    const element = l.getElement();
    element?.classList.remove(...allClasses);
    element?.classList.add(row ? classOf(row).className : 'outside');
    l.setTooltipContent(row ? `${row.name}: ${classOf(row).label}` : l.feature.properties.name);
  });
  legend();
  renderTable();
  renderChart(kreise.regions, kreise.total);
  renderGaps(gaps);
  await Promise.all([renderDetail(), renderPlanning(), renderHistory()]);
}

const planningReach = (answer) => (answer.minutes != null
  ? t(answer.mode === 'car' ? 'unit.minutesCar' : 'unit.minutesFoot', { value: nf.format(answer.minutes) })
  : formatKm(answer.radiusKm, 0));

// The region planning and the history are about: a Kreis or Regierungsbezirk chosen, or the Kreis of a chosen Gemeinde.
const planningRegion = () => (state.region.length === 8 ? state.region.slice(0, 5) : state.region);

async function renderPlanning() {
  const form = document.getElementById('planning-form');
  const region = planningRegion();
  const target = form.target.value;
  const reach = inMinutes()
    ? `minutes=${Math.min(state.minutes, 30)}&mode=${state.reach === 'auto' ? 'car' : 'foot'}` : `radiusKm=${form.radius.value}`;
  form.radius.disabled = inMinutes();
  const who = t(target === 'children' ? 'cov.planning.children' : 'cov.planning.residents');
  const where = region ? regionName(region) : 'NRW';
  // Planning in minutes is one road search per candidate cell: the service answers it for a Kreis (or a Gemeinde)
  // only, so for NRW or a Regierungsbezirk the page says so instead of asking.
  if (inMinutes() && region.length !== 5) {
    const minutes = { minutes: Math.min(state.minutes, 30), mode: state.reach === 'auto' ? 'car' : 'foot' };
    document.getElementById('planning-caption').textContent =
      t('cov.planning.caption', { region: where, radius: planningReach(minutes), target: who }) + standText();
    document.getElementById('planning-summary').textContent = t('cov.planning.needsKreis');
    document.querySelector('#planning-table tbody').replaceChildren();
    planningLayer?.remove();
    return;
  }

  const answer = await getJson(`/api/planning/suggestions?${reach}&count=${form.count.value}&target=${target}`
    + `${region ? `&within=${region}` : ''}${dateParam()}`);
  document.getElementById('planning-caption').textContent =
    t('cov.planning.caption', { region: where, radius: planningReach(answer), target: who }) + standText();
  const values = { target: who, region: where, radius: planningReach(answer) };
  document.getElementById('planning-summary').textContent = answer.suggestions.length
    ? (state.year ? `${t('cov.summary.asOf', { year: state.year })} ` : '')
      + tn('cov.planning.summary', answer.suggestions.length, {
        ...values, before: pct(answer.shareWithinReachBefore), after: pct(answer.suggestions.at(-1).shareWithinReachAfter),
      })
    : t('cov.planning.none', values);
  const rows = answer.suggestions.map((s) => {
    const tr = document.createElement('tr');
    const rank = document.createElement('th');
    rank.scope = 'row';
    rank.textContent = s.rank;
    tr.append(rank);
    const digits = { minimumFractionDigits: 3, maximumFractionDigits: 3 };
    for (const value of [s.municipality.name, t('cov.planning.position', { lat: formatNumber(s.lat, digits), lon: formatNumber(s.lon, digits) }),
      nf.format(s.newlyWithinReach), pct(s.shareWithinReachAfter)]) {
      const td = document.createElement('td');
      td.textContent = value;
      tr.append(td);
    }
    return tr;
  });
  document.querySelector('#planning-table tbody').replaceChildren(...rows);
  planningLayer?.remove();
  planningLayer = L.layerGroup(answer.suggestions.map((s) => L.marker([s.lat, s.lon], {
    icon: L.divIcon({ className: 'suggestion-marker', html: `<span>${s.rank}</span>`, iconSize: [26, 26] }),
    title: t('cov.planning.marker', { rank: nf.format(s.rank), name: s.municipality.name }),
    alt: t('cov.planning.marker', { rank: nf.format(s.rank), name: s.municipality.name }),
    keyboard: false,
  }))).addTo(map);
}

// A region's history, fetched once per region and radius: the start needs NRW's first year as well.
const histories = new Map();
function historyOf(region) {
  const level = !region ? 'land' : region.length === 5 ? 'kreis' : 'regierungsbezirk';
  const url = `/api/coverage/history?level=${level}&radiusKm=${state.radius}${region ? `&within=${region}` : ''}`;
  if (!histories.has(url)) histories.set(url, getJson(url));
  return histories.get(url);
}

async function renderHistory() {
  const region = planningRegion();
  const answer = await historyOf(region);
  const series = answer.regions.find((r) => r.key === (region || '05'))?.years ?? [];
  const name = region ? regionName(region) : 'NRW';
  document.getElementById('history-caption').textContent = t('cov.history.caption', { region: name, radius: formatKm(state.radius, 0) });
  document.querySelector('#history-table tbody').replaceChildren(...series.map((y) => {
    const tr = document.createElement('tr');
    const year = document.createElement('th');
    year.scope = 'row';
    year.textContent = y.year;
    tr.append(year);
    for (const value of [nf.format(y.entries), pct(y.shareWithinReach), pct(y.shareChildrenWithinReach)]) {
      const td = document.createElement('td');
      td.textContent = value;
      tr.append(td);
    }
    return tr;
  }));
  document.getElementById('history-chart').replaceChildren(historyChart(series, name));
}

// Bars: entries per year (left scale); line: share of residents within reach (right scale, 0–100 %).
function historyChart(series, name) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  const width = 640;
  const height = 220;
  const [left, right, top, bottom] = [40, 50, 16, 30];
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('role', 'img');
  const last = series.at(-1);
  svg.setAttribute('aria-label', last
    ? t('cov.history.chart', { region: name, year: last.year, entries: nf.format(last.entries), share: pct(last.shareWithinReach) })
    : t('cov.history.empty', { region: name }));
  if (!series.length) return svg;
  const most = Math.max(1, ...series.map((y) => y.entries));
  const step = (width - left - right) / series.length;
  const y = (value) => top + (1 - value) * (height - top - bottom);
  const add = (tag, attributes, text) => {
    const element = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [k, v] of Object.entries(attributes)) element.setAttribute(k, v);
    if (text != null) element.textContent = text;
    svg.append(element);
    return element;
  };
  series.forEach((year, i) => {
    const x = left + i * step;
    add('rect', { x: x + step * 0.15, y: y(year.entries / most), width: step * 0.7, height: (year.entries / most) * (height - top - bottom), class: 'bar' });
    add('text', { x: x + step / 2, y: height - 10, 'text-anchor': 'middle' }, year.year);
  });
  add('polyline', { points: series.map((year, i) => `${left + (i + 0.5) * step},${y(year.shareWithinReach)}`).join(' '), class: 'reach-line' });
  series.forEach((year, i) => add('circle', { cx: left + (i + 0.5) * step, cy: y(year.shareWithinReach), r: 3.5, class: 'reach-point' }));
  add('text', { x: 4, y: top - 4 }, t('cov.history.axisEntries', { most: nf.format(most) }));
  add('text', { x: width - 4, y: top - 4, 'text-anchor': 'end' }, t('cov.history.axisShare', { from: pct(0), to: pct(1) }));
  return svg;
}

async function drawMap() {
  const boundaries = await getJson(`/api/regions/boundaries?level=${state.level}`);
  map ??= L.map('coverage-map', { zoomSnap: 0.25, minZoom: 6, maxZoom: 13 });
  layer?.remove();
  layer = L.geoJSON(boundaries, {
    onEachFeature: (feature, l) => {
      l.bindTooltip(feature.properties.name, { sticky: true });
      l.on('click', () => select(feature.properties.key));
      l.on('add', () => l.getElement()?.setAttribute('data-key', feature.properties.key));
    },
  }).addTo(map);
  map.fitBounds(layer.getBounds());
}

function select(key) {
  state.region = key;
  document.getElementById('region-select').value = regionNames.has(key) ? key : '';
  refresh().then(() => document.getElementById('detail').focus());
}

// The slider is kilometres (1–50) or minutes (1–60), whichever reach is chosen.
function setSlider(form) {
  form.umkreis.max = inMinutes() ? 60 : 50;
  form.umkreis.value = inMinutes() ? state.minutes : state.radius;
  document.getElementById('radius-output').textContent = reachText();
}

async function start() {
  const form = document.getElementById('coverage-form');
  const dates = document.getElementById('date-select');
  const firstYear = (await historyOf('')).regions[0]?.years[0]?.year;
  for (let year = new Date().getFullYear() - 1; firstYear && year >= firstYear; year--) dates.add(new Option(t('cov.endOfYear', { year }), String(year)));
  dates.value = state.year;
  state.year = dates.value;
  form.ebene.value = state.level;
  form.ansicht.value = state.view;
  travelTimes = (await getJson('/api/map/config')).travelTimes;
  document.getElementById('reach-choice').hidden = !travelTimes;
  document.getElementById('method-travel').hidden = !travelTimes;
  form.reichweite.value = inMinutes() ? state.reach : 'km';
  setSlider(form);
  const [kreise, bezirke, gemeinden] = await Promise.all([
    getJson('/api/regions?level=kreis'), getJson('/api/regions?level=regierungsbezirk'), getJson('/api/regions?level=gemeinde'),
  ]);
  regionNames = new Map([...bezirke, ...kreise, ...gemeinden].map((r) => [r.key, r.name]));
  const select = document.getElementById('region-select');
  for (const r of [...bezirke, ...kreise]) select.add(new Option(r.level === 'regierungsbezirk' ? t('cov.regierungsbezirk', { name: r.name }) : r.name, r.key));
  select.value = regionNames.has(state.region) ? state.region : '';
  form.addEventListener('change', async (event) => {
    const levelChanged = event.target.name === 'ebene' && form.ebene.value !== state.level;
    const reachChanged = event.target.name === 'reichweite';
    const value = Number(form.umkreis.value);
    Object.assign(state, { level: form.ebene.value, view: form.ansicht.value, region: form.gebiet.value || (event.target.name === 'gebiet' ? '' : state.region), year: form.stand.value });
    if (!reachChanged) Object.assign(state, inMinutes() ? { minutes: value } : { radius: value });
    state.reach = form.reichweite.value;
    if (reachChanged) setSlider(form);
    if (levelChanged) await drawMap();
    await refresh();
  });
  form.umkreis.addEventListener('input', () => {
    const value = Number(form.umkreis.value);
    document.getElementById('radius-output').textContent = inMinutes()
      ? t(state.reach === 'auto' ? 'unit.minutesCar' : 'unit.minutesFoot', { value: nf.format(value) }) : formatKm(value);
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  const planning = document.getElementById('planning-form');
  planning.addEventListener('change', () => renderPlanning());
  planning.addEventListener('submit', (event) => event.preventDefault());
  await drawMap();
  await refresh();
}

start().catch((error) => {
  document.getElementById('coverage-summary').textContent = t('cov.failed');
  console.error(error);
});
