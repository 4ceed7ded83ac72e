-- wrk: GET each of the paths in the environment (PATHS, separated by '|') in turn, with the token in TOKEN (or a
-- browser's session cookie in COOKIE, as name=value); at the end,
-- the rate and the latency percentiles (p50, p95, p99) on one line, the errors wrk counts (4xx/5xx, connection
-- failures, timeouts) and how many answers were not 200.
local paths = {}
for p in string.gmatch(os.getenv("PATHS") or "/", "([^|]+)") do
  table.insert(paths, p)
end
local token = os.getenv("TOKEN")
local cookie = os.getenv("COOKIE")
local i = 0

function request()
  i = i + 1
  local headers = {}
  if token then headers["Authorization"] = "Bearer " .. token end
  if cookie then headers["Cookie"] = cookie end
  return wrk.format("GET", paths[(i % #paths) + 1], headers)
end

-- answers other than 200 (a redirect to sign in is not an error to wrk, but it is not the page), counted per thread
local threads = {}
function setup(thread)
  table.insert(threads, thread)
end
not200 = 0
function response(status, headers, body)
  if status ~= 200 then not200 = not200 + 1 end
end

function done(summary, latency, requests)
  local other = 0
  for _, thread in ipairs(threads) do other = other + (thread:get("not200") or 0) end
  local seconds = summary.duration / 1e6
  local bad = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d rate=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f errors=%d not_200=%d\n",
    summary.requests, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, bad, other))
end
