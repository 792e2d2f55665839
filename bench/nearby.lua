-- wrk script: /api/managers/nearby from random places in NRW: a municipality's inner point (bench/nrw-points.lua)
-- moved by up to about 1.5 km, so every request is a real search.
dofile("bench/seed.lua")
local points = dofile("bench/nrw-points.lua")
request = function()
  local p = points[math.random(#points)]
  local lat = p[1] + (math.random() - 0.5) * 0.02
  local lon = p[2] + (math.random() - 0.5) * 0.03
  return wrk.format("GET", string.format("/api/managers/nearby?lat=%.5f&lon=%.5f&radiusKm=25&limit=10", lat, lon))
end
