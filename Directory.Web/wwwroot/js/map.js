import { toLatLng } from './geo.js';
import { texts } from './texts.de.js';

const municipalityStyle = { color: '#5b6b78', weight: 0.7, fillColor: '#d8e8dc', fillOpacity: 0.75 };
const hoverStyle = { weight: 2, color: '#005f73' };
const districtStyle = { color: '#1d3557', weight: 2.2, fill: false, interactive: false };
const selectedStyle = { color: '#b3261e', weight: 3, fill: false, interactive: false };

// The overview map: simplified municipalities, Kreis borders drawn stronger on top, the selection with its full
// boundary. The base layer is our own data; a tile layer is added only when the service is configured with one.
export function createMap(element, config, municipalities, districts, managers, onSelect) {
  const map = L.map(element, { zoomSnap: 0.25, minZoom: 6, maxZoom: 16 });
  // Leaflet measures its container once; the page layout may still change it (fonts, panels, window).
  new ResizeObserver(() => map.invalidateSize()).observe(element);
  map.attributionControl.addAttribution(texts.dataAttribution);
  if (config.tileLayer) {
    L.tileLayer(config.tileLayer.url, { attribution: config.tileLayer.attribution, maxZoom: 19 }).addTo(map);
  }

  const municipalityLayer = L.geoJSON(municipalities, {
    style: municipalityStyle,
    onEachFeature: (feature, layer) => {
      const { key, name } = feature.properties;
      layer.bindTooltip(name, { sticky: true, className: 'municipality-tooltip' });
      layer.on({
        add: () => layer.getElement()?.setAttribute('data-ags', key),
        mouseover: () => layer.setStyle(hoverStyle),
        mouseout: () => municipalityLayer.resetStyle(layer),
        click: () => onSelect(key),
      });
    },
  }).addTo(map);
  L.geoJSON(districts, { style: districtStyle, interactive: false }).addTo(map);
  const managerLayer = L.layerGroup(managers.map(managerMarker)).addTo(map);
  map.fitBounds(municipalityLayer.getBounds());

  let selectedLayer = null;
  return {
    showSelection(boundary) {
      selectedLayer?.remove();
      selectedLayer = L.geoJSON(boundary, { style: selectedStyle, interactive: false }).addTo(map);
      const bounds = selectedLayer.getBounds();
      if (!map.getBounds().contains(bounds)) {
        map.flyToBounds(bounds, { maxZoom: 11, duration: 0.5 });
      }
    },
    managerLayer,
  };
}

// A marker per family manager; hollow where the location is only approximate. The popup is built from text
// nodes: names and organisations come from staff lists and must never be read as HTML.
function managerMarker(manager) {
  const marker = L.circleMarker(toLatLng([manager.location.lon, manager.location.lat]), {
    radius: 7,
    color: '#7a2e00',
    weight: 2,
    fillColor: '#e07a1f',
    fillOpacity: manager.location.approximate ? 0.15 : 0.9,
  });
  marker.bindPopup(() => managerCard(manager));
  marker.on('add', () => marker.getElement()?.setAttribute('data-manager', manager.id));
  return marker;
}

export function managerCard(manager) {
  const card = document.createElement('div');
  card.className = 'manager-card';
  const name = document.createElement('strong');
  name.textContent = manager.name;
  card.append(name);
  for (const line of [manager.organisation, manager.area.name, [manager.address.street, [manager.address.postcode, manager.address.town].filter(Boolean).join(' ')].filter(Boolean).join(', ')]) {
    if (line) {
      const p = document.createElement('div');
      p.textContent = line;
      card.append(p);
    }
  }
  const links = [
    manager.contact.email && ['mailto:' + manager.contact.email, manager.contact.email],
    manager.contact.phone && ['tel:' + manager.contact.phone.replace(/[^0-9+]/g, ''), manager.contact.phone],
    manager.contact.website && /^https?:\/\//.test(manager.contact.website) && [manager.contact.website, manager.contact.website],
  ].filter(Boolean);
  for (const [href, label] of links) {
    const a = document.createElement('a');
    a.href = href;
    a.textContent = label;
    a.rel = 'noopener';
    const p = document.createElement('div');
    p.append(a);
    card.append(p);
  }
  if (manager.location.approximate) {
    const note = document.createElement('div');
    note.className = 'approximate';
    note.textContent = texts.approximate;
    card.append(note);
  }
  return card;
}
