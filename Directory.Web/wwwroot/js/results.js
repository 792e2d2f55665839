import { managerCard } from './map.js';
import { texts } from './texts.de.js';

// The result list: sorted by distance as the API sends it, each entry with distance, area, organisation and
// contact links. Text nodes only: names and organisations come from staff lists.
export function renderResults(answer, elements, onHighlight) {
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
    item.append(managerCard(manager, 'h3'), distance);
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
