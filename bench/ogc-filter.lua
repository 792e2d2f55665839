-- wrk script: OGC API items of the family managers with a CQL2 filter, as GDAL sends a -where and a map view: the
-- managers working in the Kreis of a random municipality and inside a 10 km box around it, 10 per page.
dofile("bench/seed.lua")
local points = dofile("bench/nrw-random-points.lua")
local function escape(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
request = function()
  local p = points[math.random(#points)]
  local filter = string.format("S_INTERSECTS(geometry, BBOX(%.4f,%.4f,%.4f,%.4f)) AND lage_ungefaehr = false",
    p[2] - 0.07, p[1] - 0.045, p[2] + 0.07, p[1] + 0.045)
  return wrk.format("GET", "/ogc/collections/familienmanager/items?limit=10&filter=" .. escape(filter))
end
