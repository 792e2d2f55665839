// GeoJSON orders coordinates [longitude, latitude]; Leaflet wants [latitude, longitude]. The swap lives here only.
export const toLatLng = ([lon, lat]) => [lat, lon];
