// The OGC API's HTML pages: the features of the page (or the one feature) on a map beside their table, from the
// same resource as GeoJSON in CRS84 (whatever crs the page itself was asked in). Our own data only, offline.
const element = document.getElementById('ogc-map');
if (element) {
  const url = new URL(element.dataset.geojson, location.href);
  url.searchParams.delete('crs');
  url.searchParams.set('f', 'json');
  const map = L.map(element, { zoomSnap: 0.25 }).setView([51.45, 7.6], 7);
  L.control.scale({ imperial: false }).addTo(map);
  map.attributionControl.addAttribution('Grenzen © Land NRW (dl-de/zero-2-0)');
  fetch(url, { headers: { Accept: 'application/geo+json' } })
    .then((response) => response.json())
    .then((data) => {
      const layer = L.geoJSON(data, {
        style: { color: '#005f73', weight: 1.5, fillOpacity: 0.25 },
        pointToLayer: (feature, latlng) => L.circleMarker(latlng, { radius: 6, color: '#7a2e00', weight: 2, fillColor: '#e07a1f', fillOpacity: 1 }),
        onEachFeature: (feature, layer) => layer.bindTooltip(String(feature.properties?.name ?? feature.id)),
      }).addTo(map);
      if (layer.getBounds().isValid()) map.fitBounds(layer.getBounds(), { maxZoom: 13, padding: [12, 12] });
    })
    .catch((error) => console.error(error));
}
