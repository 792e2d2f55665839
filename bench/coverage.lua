-- wrk script: /api/coverage at the Kreis level for one of six radii (each computed once per snapshot, then cached),
-- and now and then the Gemeinde level, as the coverage page asks.
dofile("bench/seed.lua")
request = function()
  local radius = 5 * math.random(6)
  local level = (math.random(4) == 1) and "gemeinde" or "kreis"
  return wrk.format("GET", string.format("/api/coverage?level=%s&radiusKm=%d", level, radius))
end
