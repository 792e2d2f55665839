-- wrk script for the soak: a mix as on a busy day, mostly searches; every request is a valid one (zero errors expected).
dofile("bench/seed.lua")
local points = dofile("bench/nrw-random-points.lua")
local codes = dofile("bench/nrw-postcodes.lua")
local names = { "Olpe", "Bielefeld", "Aachen", "Siegen", "Dortmund", "Bonn", "Lemgo", "Kleve", "Essen", "Hagen" }
request = function()
  local r = math.random(100)
  local p = points[math.random(#points)]
  if r <= 40 then
    return wrk.format("GET", string.format("/api/managers/nearby?lat=%.5f&lon=%.5f&radiusKm=25&limit=10", p[1], p[2]))
  elseif r <= 60 then
    return wrk.format("GET", "/api/managers/nearby?plz=" .. codes[math.random(#codes)])
  elseif r <= 70 then
    return wrk.format("GET", "/api/places?q=" .. string.sub(names[math.random(#names)], 1, 3))
  elseif r <= 80 then
    return wrk.format("GET", string.format("/api/locate?lat=%.5f&lon=%.5f", p[1], p[2]))
  elseif r <= 86 then
    return wrk.format("GET", string.format("/api/coverage?radiusKm=%d", 5 * math.random(6)))
  elseif r <= 92 then
    return wrk.format("GET", string.format("/ogc/collections/familienmanager/items?bbox=%.4f,%.4f,%.4f,%.4f&limit=10",
      p[2] - 0.07, p[1] - 0.045, p[2] + 0.07, p[1] + 0.045))
  elseif r <= 96 then
    return wrk.format("GET", "/api/regions/boundaries")
  else
    return wrk.format("GET", "/")
  end
end
