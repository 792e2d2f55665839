// Names on the map from our own data, offline: the Kreise and kreisfreie Städte at the overview zoom, the Gemeinden
// from a closer zoom. Each name sits at its area's label point (inside the area); where two would overlap, the one
// with more residents is kept, so that the larger places are named first. The names are drawn in their own pane,
// hidden from screen readers (the same names are in the list and the select) and never in the way of the mouse.
// A white halo keeps them readable on our fills and on a tile layer alike.

/** The zoom from which Gemeinde names replace the Kreis names. */
export const municipalityLabelZoom = 9;

const gap = 4; // px kept free around each name

export function addLabels(map, districts, municipalities) {
  const pane = map.createPane('labels');
  pane.classList.add('map-labels');
  pane.setAttribute('aria-hidden', 'true');
  const candidates = (collection, kind) => collection.features
    .filter((feature) => Array.isArray(feature.properties.label))
    .map(({ properties }) => ({
      key: properties.key, name: properties.name, kind, population: properties.population ?? 0,
      latLng: L.latLng(properties.label[1], properties.label[0]),
    }))
    .sort((a, b) => b.population - a.population);
  const levels = { kreis: candidates(districts, 'kreis'), gemeinde: candidates(municipalities, 'gemeinde') };
  const canvas = document.createElement('canvas').getContext('2d');
  const widths = new Map();

  function measure(label) {
    const font = getComputedStyle(pane).font || '600 13px system-ui';
    const id = `${label.kind}:${label.name}:${font}`;
    if (!widths.has(id)) {
      canvas.font = font;
      widths.set(id, Math.ceil(canvas.measureText(label.name).width));
    }
    return widths.get(id);
  }

  function draw() {
    const level = map.getZoom() >= municipalityLabelZoom ? levels.gemeinde : levels.kreis;
    const size = map.getSize();
    const height = parseFloat(getComputedStyle(pane).fontSize || '13') * 1.3;
    const placed = [];
    const elements = [];
    for (const label of level) {
      const point = map.latLngToContainerPoint(label.latLng);
      const width = measure(label) + 6; // the halo
      const box = { left: point.x - width / 2, top: point.y - height / 2, right: point.x + width / 2, bottom: point.y + height / 2 };
      if (box.left < 0 || box.top < 0 || box.right > size.x || box.bottom > size.y) continue;
      if (placed.some((other) => box.left < other.right + gap && other.left < box.right + gap
        && box.top < other.bottom + gap && other.top < box.bottom + gap)) continue;
      placed.push(box);
      const element = document.createElement('span');
      element.className = `map-label map-label-${label.kind}`;
      element.textContent = label.name;
      element.dataset.key = label.key;
      L.DomUtil.setPosition(element, map.containerPointToLayerPoint([box.left, box.top]));
      elements.push(element);
    }
    pane.replaceChildren(...elements);
  }

  // Between zooms the names would stand where the old zoom put them: hidden until the new zoom is drawn.
  map.on('zoomstart', () => { pane.style.visibility = 'hidden'; });
  map.on('zoomend', () => { pane.style.visibility = ''; });
  map.on('zoomend moveend resize', draw);
  draw();
  return { redraw: draw };
}
