-- wrk's summary as one JSON line (wrk prints p50/p75/p90/p99 only; the load test wants p95).
-- Every request says it came through the TLS proxy, as in production.
wrk.headers["X-Forwarded-Proto"] = "https"

done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "seconds": %f, "p50_ms": %f, "p95_ms": %f, "max_ms": %f, ' ..
    '"errors": %d, "non_2xx": %d}\n',
    summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1e3, latency:percentile(95) / 1e3, latency.max / 1e3,
    errors.connect + errors.read + errors.write + errors.timeout, errors.status))
end
