-- Shared by the wrk scripts: each thread gets a seed of its own, so that a run asks the same questions every time.
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end
function init(args)
  math.randomseed(seed * 7919)
end
