-- wrk script: /api/managers/nearby by a random NRW postcode (bench/nrw-postcodes.lua).
dofile("bench/seed.lua")
local codes = dofile("bench/nrw-postcodes.lua")
request = function()
  return wrk.format("GET", "/api/managers/nearby?plz=" .. codes[math.random(#codes)] .. "&radiusKm=25&limit=10")
end
