-- wrk script: /api/managers/nearby at random points in NRW (bench/nrw-random-points.lua, 3,960 points drawn inside
-- the municipalities), so that every request is a real search.
dofile("bench/seed.lua")
local points = dofile("bench/nrw-random-points.lua")
request = function()
  local p = points[math.random(#points)]
  local lat, lon = p[1], p[2]
  return wrk.format("GET", string.format("/api/managers/nearby?lat=%.5f&lon=%.5f&radiusKm=25&limit=10", lat, lon))
end
