-- wrk script for bench/clickstream.sh: POSTs valid clicks to the clickstream service.
--   wrk -s bench/clickstream-post.lua http://HOST:PORT                 one click per request  (POST /api/clicks)
--   wrk -s bench/clickstream-post.lua http://HOST:PORT -- batch 50     50 clicks per request  (POST /api/clicks/batch)
-- Customers vary (cust-000001 .. cust-001000, the simulators' customers), so the clicks spread over the partitions.
-- Bodies are built once per thread in init(), so that wrk spends the shared CPU on sending, not on Lua.
-- done() prints one machine-readable RESULT line that the benchmark script parses.

local actions = {"VIEWED_PAGE", "ACTIVATED_COUPON", "PRINTED_COUPON"}
local bodies = {}
local next_body = 1
local path = "/api/clicks"
local clicks_per_request = 1

local function click(n)
  local customer = string.format("cust-%06d", (n % 1000) + 1)
  local action = actions[(n % #actions) + 1]
  local coupon = action == "VIEWED_PAGE" and "" or ',"couponCode":"ZMART15"'
  return string.format(
    '{"campaignId":"spring-sale","customerId":"%s","sessionId":"bench-%s","action":"%s",' ..
    '"url":"https://coupons.zmart.example/spring-sale"%s}', customer, customer, action, coupon)
end

function init(args)
  if args[1] == "batch" then
    clicks_per_request = tonumber(args[2] or "50")
    path = "/api/clicks/batch"
  end
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
  local n = math.random(0, 999)
  for i = 1, 200 do
    if clicks_per_request == 1 then
      bodies[i] = click(n)
      n = n + 1
    else
      local batch = {}
      for j = 1, clicks_per_request do
        batch[j] = click(n)
        n = n + 7
      end
      bodies[i] = "[" .. table.concat(batch, ",") .. "]"
    end
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  local body = bodies[next_body]
  next_body = next_body % #bodies + 1
  return wrk.format("POST", path, nil, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d status_errors=%d connect_errors=%d " ..
    "read_errors=%d write_errors=%d timeouts=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    e.status, e.connect, e.read, e.write, e.timeout))
end
