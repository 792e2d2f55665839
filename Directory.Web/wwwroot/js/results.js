import { managerCard } from './map.js';
import { texts } from './texts.de.js';

// The result list: sorted by distance as the API sends it, each entry with distance, area, organisation and
// contact links. Text nodes only: names and organisations come from staff lists.
// With a route template (configuration), each entry links to a route from the search's origin; "Auf der Karte zeigen"
// shows it on the map.
export function renderResults(answer, elements, onHighlight, { routeUrl, onShow } = {}) {
  const { status, origin, list } = elements;
  const count = answer.results.length;
  status.textContent = answer.outsideRadius ? texts.noneInRadius(answer.radiusKm, count) : texts.resultCount(count, answer.radiusKm);

  const gemeinde = answer.gemeinde;
  const coverage = gemeinde.coveredBy === 'gemeinde' ? texts.originCovered(gemeinde.name)
    : gemeinde.coveredBy === 'kreis' ? texts.originCoveredByKreis(gemeinde.name, gemeinde.kreis.name)
    : texts.originUncovered(gemeinde.name);
  origin.textContent = `${texts.searchFrom(answer.origin.name)} ${coverage}`;

  list.replaceChildren(...answer.results.map(({ manager, distanceM }) => {
    const item = document.createElement('li');
    item.dataset.managerId = manager.id;
    const distance = document.createElement('div');
    distance.className = 'distance';
    distance.textContent = texts.distance(distanceM);
    const actions = document.createElement('div');
    actions.className = 'result-actions';
    if (routeUrl) {
      const route = document.createElement('a');
      route.href = routeUrl.replaceAll('{fromLat}', answer.origin.lat).replaceAll('{fromLon}', answer.origin.lon)
        .replaceAll('{toLat}', manager.location.lat).replaceAll('{toLon}', manager.location.lon);
      route.target = '_blank';
      route.rel = 'noopener';
      route.textContent = texts.routeLink;
      route.setAttribute('aria-label', texts.routeLinkName(manager.name));
      actions.append(route);
    }
    if (onShow) {
      const show = document.createElement('button');
      show.type = 'button';
      show.className = 'link-button';
      show.textContent = texts.showOnMap;
      show.setAttribute('aria-label', texts.showOnMapName(manager.name));
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
