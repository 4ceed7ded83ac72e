-- wrk: POST /api/referrals as a GP practice system, each request a different person (a valid NHS number of the 999
-- test range, modulus 11 checked), with the token in the environment (TOKEN). Optional PACE_MS: each connection
-- waits that long between requests (for a run at a chosen fraction of the saturated rate).
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("id", thread_id)
  thread_id = thread_id + 1
end

function init(args)
  -- seeded per run: unseeded, every run would send the same people again, each new referral then flagged as a
  -- possible duplicate of all the open ones before it (a cost that grows run after run)
  math.randomseed(os.time() + (id or 0) * 7919)
  counter = (id or 0) * 500000 + math.random(0, 499999)
end

-- the check digit as reference-data's NhsNumber.checkDigit computes it (wrk runs Lua, so the rule is written here again)
local function nhs_number()
  while true do
    counter = counter + 1
    local digits = string.format("999%06d", counter % 1000000)
    local sum = 0
    for i = 1, 9 do
      sum = sum + tonumber(digits:sub(i, i)) * (11 - i)
    end
    local check = (11 - sum % 11) % 11
    if check ~= 10 then
      return digits .. check
    end
  end
end

local token = os.getenv("TOKEN")
local pace = tonumber(os.getenv("PACE_MS") or "0")

function request()
  local body = '{"person":{"nhsNumber":"' .. nhs_number() .. '","givenName":"Richard","familyName":"Smith","dateOfBirth":"1948-03-12"},'
    .. '"referrer":{"name":"Dr Asha Patel","role":"GP"},"reasons":[{"code":"loneliness-or-isolation"}],'
    .. '"whatMatters":"Widowed last year, rarely goes out; would like to join a walking group",'
    .. '"consent":{"referral":true,"shareOutcomeWithReferrer":true}}'
  return wrk.format("POST", "/api/referrals", {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json"
  }, body)
end

function delay()
  return pace
end

local failures = 0
function response(status, headers, body)
  if status ~= 201 then
    failures = failures + 1
    if failures <= 3 then
      io.stderr:write("unexpected " .. status .. ": " .. body .. "\n")
    end
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local bad = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d rate=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f errors=%d\n",
    summary.requests, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, bad))
end
