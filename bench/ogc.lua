-- wrk script: OGC API items of the family managers in a 10 km box around a random municipality, 10 per page, as a
-- GIS client pans the map.
dofile("bench/seed.lua")
local points = dofile("bench/nrw-random-points.lua")
request = function()
  local p = points[math.random(#points)]
  return wrk.format("GET", string.format("/ogc/collections/familienmanager/items?bbox=%.4f,%.4f,%.4f,%.4f&limit=10",
    p[2] - 0.07, p[1] - 0.045, p[2] + 0.07, p[1] + 0.045))
end
