import { toLatLng } from './geo.js';
import { t, formatMonth, withLanguage } from './i18n.js';
import { addLabels } from './labels.js';

const municipalityStyle = { color: '#5b6b78', weight: 0.7, fillColor: '#d8e8dc', fillOpacity: 0.75 };
const hoverStyle = { weight: 2, color: '#005f73' };
const districtStyle = { color: '#1d3557', weight: 2.2, fill: false, interactive: false };
const selectedStyle = { color: '#b3261e', weight: 3, fill: false, interactive: false };

// The overview map: simplified municipalities, Kreis borders drawn stronger on top, the family managers as markers
// (clustered where they crowd), the selection with its full boundary. The base layer is our own data; a tile layer
// is added only when the service is configured with one.
export function createMap(element, config, municipalities, districts, managers, handlers) {
  const map = L.map(element, { zoomSnap: 0.25, minZoom: 6, maxZoom: 16 });
  // Leaflet measures its container once; the page layout may still change it (fonts, panels, window).
  new ResizeObserver(() => map.invalidateSize()).observe(element);
  map.attributionControl.addAttribution(t('map.attribution'));
  // A scale bar: how far the search radius reaches is read against it.
  L.control.scale({ imperial: false, maxWidth: 150 }).addTo(map);
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
        click: () => handlers.onSelectMunicipality(key),
      });
    },
  }).addTo(map);
  L.geoJSON(districts, { style: districtStyle, interactive: false }).addTo(map);
  map.fitBounds(municipalityLayer.getBounds());
  addLabels(map, districts, municipalities);

  const markers = new Map();
  const clusters = L.markerClusterGroup({
    showCoverageOnHover: false,
    maxClusterRadius: 40,
    iconCreateFunction: (cluster) => clusterIcon(cluster.getChildCount()),
  });
  for (const manager of managers) {
    const marker = managerMarker(manager);
    marker.on('mouseover', () => handlers.onHighlightManager(manager.id, true));
    marker.on('mouseout', () => handlers.onHighlightManager(manager.id, false));
    // Keyboard users reach markers with Tab: focus highlights the list entry as hover does.
    marker.on('add', () => {
      const element = marker.getElement();
      element?.addEventListener('focus', () => handlers.onHighlightManager(manager.id, true));
      element?.addEventListener('blur', () => handlers.onHighlightManager(manager.id, false));
    });
    markers.set(manager.id, marker);
    clusters.addLayer(marker);
  }
  clusters.addTo(map);

  let selectedLayer = null;
  let originMarker = null;
  let radiusCircle = null;
  return {
    showSelection(boundary) {
      selectedLayer?.remove();
      selectedLayer = L.geoJSON(boundary, { style: selectedStyle, interactive: false }).addTo(map);
      const bounds = selectedLayer.getBounds();
      if (!map.getBounds().contains(bounds)) {
        map.flyToBounds(bounds, { maxZoom: 11, duration: 0.5 });
      }
    },
    // The origin, marked and named, and the search radius as a circle exactly as large as the radius applied; the
    // map fits the circle (and the nearest entries when none lies inside it).
    showSearch(answer) {
      originMarker?.remove();
      radiusCircle?.remove();
      const origin = toLatLng([answer.origin.lon, answer.origin.lat]);
      radiusCircle = L.circle(origin, { radius: answer.radiusKm * 1000, color: '#003049', weight: 1.5, dashArray: '6 4', fill: false, interactive: false, className: 'search-radius' })
        .addTo(map);
      originMarker = L.circleMarker(origin, { radius: 8, color: '#003049', weight: 3, fillColor: '#fff', fillOpacity: 1, interactive: false })
        .bindTooltip(t('map.searchOrigin', { name: answer.origin.name }), { permanent: true, direction: 'top', offset: [0, -8], className: 'origin-label' })
        .addTo(map);
      const points = answer.outsideRadius ? answer.results.map(({ manager }) => toLatLng([manager.location.lon, manager.location.lat])) : [];
      map.flyToBounds(radiusCircle.getBounds().extend(L.latLngBounds([origin, ...points])).pad(0.05), { duration: 0.5 });
    },
    // An area (a GeoJSON feature) drawn as the selection and filling the map: the embedded view's region.
    fitTo(feature) {
      selectedLayer?.remove();
      selectedLayer = L.geoJSON(feature, { style: selectedStyle, interactive: false }).addTo(map);
      map.fitBounds(selectedLayer.getBounds(), { padding: [8, 8] });
    },
    // A result's entry on the map: zoomed to, its card opened.
    showManager(id) {
      const marker = markers.get(id);
      if (marker) clusters.zoomToShowLayer(marker, () => marker.openPopup());
    },
    highlight(id, on) {
      markers.get(id)?.getElement()?.classList.toggle('highlighted', on);
    },
  };
}

// A keyboard-reachable marker (Leaflet gives it role="button" and tabindex), named by its title; hollow where the
// location is only approximate.
function managerMarker(manager) {
  const marker = L.marker(toLatLng([manager.location.lon, manager.location.lat]), {
    title: manager.name,
    icon: L.divIcon({
      className: `manager-pin${manager.location.approximate ? ' approximate' : ''}`,
      html: '<span aria-hidden="true"></span>',
      iconSize: [18, 18],
    }),
  });
  marker.bindPopup(() => managerCard(manager, 'strong'));
  marker.on('add', () => marker.getElement()?.setAttribute('data-manager', manager.id));
  return marker;
}

// Cluster markers carry their count as an accessible name; Enter on a focused cluster zooms in like a click.
function clusterIcon(count) {
  const size = count < 10 ? 'small' : count < 50 ? 'medium' : 'large';
  const html = document.createElement('div');
  const visible = document.createElement('span');
  visible.setAttribute('aria-hidden', 'true');
  visible.textContent = count;
  const name = document.createElement('span');
  name.className = 'visually-hidden';
  name.textContent = t('map.cluster', { count });
  html.append(visible, name);
  return L.divIcon({ html, className: `marker-cluster marker-cluster-${size}`, iconSize: L.point(40, 40) });
}

// A card for a manager: name, organisation, area, address, contact links, when it was last checked, and "Fehler
// melden" (leading to the entry's own page, which has the form). Built from text nodes: names and organisations come
// from staff lists and must never be read as HTML.
export function managerCard(manager, headingTag = 'strong', { report = true } = {}) {
  const card = document.createElement('div');
  card.className = 'manager-card';
  const name = document.createElement(headingTag);
  name.className = 'manager-name';
  name.textContent = manager.name;
  card.append(name);
  const address = [manager.address.street, [manager.address.postcode, manager.address.town].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  for (const line of [manager.organisation, manager.area.name, address]) {
    if (line) {
      const p = document.createElement('div');
      p.textContent = line;
      card.append(p);
    }
  }
  // Whether families may turn to the person, where the list says so: many plan within the administration.
  if (manager.familyContact != null) {
    const role = document.createElement('div');
    role.className = manager.familyContact ? 'family-contact' : 'family-contact no';
    const link = document.createElement('a');
    link.href = `familienmanagerin${location.search.includes('sprache=') ? `?sprache=${document.documentElement.lang}` : ''}`;
    link.textContent = t('manager.familyContact.more');
    role.append(t(manager.familyContact ? 'manager.familyContact.yes' : 'manager.familyContact.no'), ' ', link);
    card.append(role);
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
    note.textContent = t('manager.approximate');
    card.append(note);
  }
  if (manager.lastChecked) {
    const checked = document.createElement('div');
    checked.className = 'last-checked';
    checked.textContent = t('manager.lastChecked', { date: formatMonth(manager.lastChecked) });
    card.append(checked);
  }
  if (report) {
    const link = document.createElement('a');
    link.href = `eintrag?${withLanguage(new URLSearchParams({ id: manager.id }))}#fehler-melden`;
    link.className = 'report-link';
    link.textContent = t('manager.report');
    link.setAttribute('aria-label', t('manager.reportName', { name: manager.name }));
    const line = document.createElement('div');
    line.append(link);
    card.append(line);
  }
  return card;
}
