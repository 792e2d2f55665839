-- wrk script: /api/locate from random points in a box around NRW (about a quarter fall outside: 404 problems, as in use).
dofile("bench/seed.lua")
request = function()
  local lat = 50.5 + math.random() * 1.8
  local lon = 6.1 + math.random() * 3.1
  return wrk.format("GET", string.format("/api/locate?lat=%.5f&lon=%.5f", lat, lon))
end
