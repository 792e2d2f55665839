import { managerCard } from './map.js';
import { t, tn, formatKm, formatNumber } from './i18n.js';

// The result list: sorted by distance as the API sends it, each entry with distance, area, organisation and
// contact links. Text nodes only: names and organisations come from staff lists.
// With a route template (configuration), each entry links to a route from the search's origin; "Auf der Karte zeigen"
// shows it on the map.
// "ca. 14 Min. mit dem Auto · 52 Min. zu Fuß", each marked where it is a straight-line estimate; null without a road network.
export function travelText(travelMinutes) {
  if (!travelMinutes) return null;
  const part = (mode, key) => {
    const text = t(key, { minutes: formatNumber(travelMinutes[mode]) });
    return travelMinutes.straightLine.includes(mode) ? t('results.straightLine', { text }) : text;
  };
  return `${part('car', 'results.travelCar')} · ${part('foot', 'results.travelFoot')}`;
}

export function renderResults(answer, elements, onHighlight, { routeUrl, onShow } = {}) {
  const { status, origin, list } = elements;
  const count = answer.results.length;
  status.textContent = answer.outsideRadius
    ? tn('results.noneInRadius', count, { radius: formatNumber(answer.radiusKm) })
    : tn('results.count', count, { radius: formatNumber(answer.radiusKm) });

  const gemeinde = answer.gemeinde;
  const coverage = gemeinde.coveredBy === 'gemeinde' ? t('results.originCovered', { gemeinde: gemeinde.name })
    : gemeinde.coveredBy === 'kreis' ? t('results.originCoveredByKreis', { gemeinde: gemeinde.name, kreis: gemeinde.kreis.name })
    : t('results.originUncovered', { gemeinde: gemeinde.name });
  const withTravel = answer.results.some((r) => r.travelMinutes);
  origin.textContent = `${t('results.searchFrom', { name: answer.origin.name })} ${coverage}`
    + (withTravel ? ` ${t('results.travelAttribution')}` : '');

  list.replaceChildren(...answer.results.map(({ manager, distanceM, travelMinutes }) => {
    const item = document.createElement('li');
    item.dataset.managerId = manager.id;
    const distance = document.createElement('div');
    distance.className = 'distance';
    distance.textContent = t('results.distance', { distance: formatKm(distanceM / 1000) });
    const travel = travelText(travelMinutes);
    if (travel) {
      const line = document.createElement('div');
      line.className = 'travel';
      line.textContent = travel;
      distance.append(line);
    }
    const actions = document.createElement('div');
    actions.className = 'result-actions';
    if (routeUrl) {
      const route = document.createElement('a');
      route.href = routeUrl.replaceAll('{fromLat}', answer.origin.lat).replaceAll('{fromLon}', answer.origin.lon)
        .replaceAll('{toLat}', manager.location.lat).replaceAll('{toLon}', manager.location.lon);
      route.target = '_blank';
      route.rel = 'noopener';
      route.textContent = t('results.route');
      route.setAttribute('aria-label', t('results.routeName', { name: manager.name }));
      actions.append(route);
    }
    if (onShow) {
      const show = document.createElement('button');
      show.type = 'button';
      show.className = 'link-button';
      show.textContent = t('results.showOnMap');
      show.setAttribute('aria-label', t('results.showOnMapName', { name: manager.name }));
      show.addEventListener('click', () => onShow(manager.id));
      actions.append(show);
    }
    item.append(managerCard(manager, 'h3'), distance, actions);
    for (const type of ['mouseenter', 'focusin']) item.addEventListener(type, () => onHighlight(manager.id, true));
    for (const type of ['mouseleave', 'focusout']) item.addEventListener(type, () => onHighlight(manager.id, false));
    return item;
  }));
}

export function clearResults(elements) {
  elements.status.textContent = '';
  elements.origin.textContent = '';
  elements.list.replaceChildren();
}

export function highlightResult(list, id, on) {
  for (const item of list.querySelectorAll('li')) {
    item.classList.toggle('highlighted', on && item.dataset.managerId === String(id));
  }
}
