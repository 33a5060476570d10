-- wrk script: create-transaction on ledger "load", two postings and metadata per request.
-- TOKEN comes from the environment (run-wrk.sh fetches it).
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
wrk.headers["Content-Type"] = "application/json"
local counter = 0
request = function()
  counter = counter + 1
  local user = "users:" .. (counter % 500)
  local body = '{"postings":[{"source":"world","destination":"' .. user .. '","asset":"USD/2","amount":' .. counter ..
    '},{"source":"' .. user .. '","destination":"platform:fees","asset":"USD/2","amount":1}],"metadata":{"n":"' .. counter .. '"}}'
  return wrk.format(nil, "/api/ledger/v2/load/transactions", nil, body)
end
done = function(summary, latency, requests)
  io.write(string.format("requests=%d errors(non-2xx)=%d socket-errors=%d\n", summary.requests,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format("tx/s=%.0f p50=%.2fms p99=%.2fms max=%.2fms\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
