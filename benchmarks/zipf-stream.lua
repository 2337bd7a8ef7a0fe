-- wrk replays a query stream written by `ArchiveSearch.Benchmarks zipf-stream`, one /api/search path a line:
--   wrk -t2 -c16 -d600s -s benchmarks/zipf-stream.lua http://127.0.0.1:5187 -- stream.txt 2 2> marks.txt
-- The stream is replayed once (the second argument is wrk's -t): each thread walks its own contiguous share in order
-- and stops once every request of it was answered, writing "replayed" to stderr, so the server sees the file's Zipf
-- frequencies and the cache meets each query as often as the stream asks it, never more. wrk itself runs on to -d,
-- so the caller interrupts it (SIGINT) once every thread has written "replayed": its duration and requests/s are
-- then the pass's (benchmarks/run does this). done() prints name=value lines for benchmarks/run.
local counter = 0

setup = function(thread)
  thread:set("id", counter)
  counter = counter + 1
end

local paths = {}
local first, i, last, answered = 0, 0, 0, 0

init = function(args)
  local file = assert(io.open(args[1] or "stream.txt", "r"), "zipf-stream.lua: cannot open the stream file " .. tostring(args[1]))
  for line in file:lines() do
    if #line > 0 then paths[#paths + 1] = line end
  end
  file:close()
  assert(#paths > 0, "zipf-stream.lua: the stream file is empty")
  local share = math.ceil(#paths / (tonumber(args[2]) or 1))
  first = math.min(#paths, id * share)
  i = first
  last = math.min(#paths, first + share)
end

-- Connections still open when the share runs out repeat its last request (at most one each) until the thread stops.
request = function()
  if i < last then i = i + 1 end
  return wrk.format("GET", paths[math.max(i, 1)])
end

response = function(status, headers, body)
  answered = answered + 1
  if answered == last - first then
    io.stderr:write("replayed\n")
    io.stderr:flush()
    wrk.thread:stop()
  end
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("rps=%.1f\nrequests=%d\np50_ms=%.3f\np99_ms=%.3f\nerrors=%d\nnon2xx=%d\n",
    summary.requests / (summary.duration / 1e6), summary.requests,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.timeout, e.status))
end
