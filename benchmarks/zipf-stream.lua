-- wrk replays a query stream written by `ArchiveSearch.Benchmarks zipf-stream`, one /api/search path a line:
--   wrk -t2 -c16 -d10s -s benchmarks/zipf-stream.lua http://127.0.0.1:5187 -- stream.txt
-- Each wrk thread starts at its own share of the stream and walks it in order, wrapping round at the end, so the
-- Zipf frequencies of the file are what the server sees. done() prints name=value lines for benchmarks/run.
local threads = {}
local counter = 0

setup = function(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local paths = {}
local i = 0

init = function(args)
  local file = assert(io.open(args[1] or "stream.txt", "r"), "zipf-stream.lua: cannot open the stream file " .. tostring(args[1]))
  for line in file:lines() do
    if #line > 0 then paths[#paths + 1] = line end
  end
  file:close()
  assert(#paths > 0, "zipf-stream.lua: the stream file is empty")
  i = (id * 7919) % #paths
end

request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("rps=%.1f\nrequests=%d\np50_ms=%.3f\np99_ms=%.3f\nerrors=%d\nnon2xx=%d\n",
    summary.requests / (summary.duration / 1e6), summary.requests,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.timeout, e.status))
end
