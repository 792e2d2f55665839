-- wrk script: /api/locate at random points in NRW (bench/nrw-random-points.lua, 3,960 points drawn inside the
-- municipalities), so that every answer is a real point-in-polygon search.
dofile("bench/seed.lua")
local points = dofile("bench/nrw-random-points.lua")
request = function()
  local p = points[math.random(#points)]
  local lat, lon = p[1], p[2]
  return wrk.format("GET", string.format("/api/locate?lat=%.5f&lon=%.5f", lat, lon))
end
