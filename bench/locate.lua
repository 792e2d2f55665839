-- wrk script: /api/locate from random points in a box around NRW (about a quarter fall outside: 404 problems, as in use).
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end
function init(args)
  math.randomseed(seed * 104729)
end
request = function()
  local lat = 50.5 + math.random() * 1.8
  local lon = 6.1 + math.random() * 3.1
  return wrk.format("GET", string.format("/api/locate?lat=%.5f&lon=%.5f", lat, lon))
end
