#!/usr/bin/env bash
# While one client posts a big bulk (default 20,000 CREATE_TRANSACTION elements, about 2.5 MB),
# another calls GET /api/ledger/v2/_info in a loop: prints the bulk's time and the slowest _info.
# Usage: sandbox/load/bulk-latency.sh [path/to/formance-sandbox] [elements]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin="${1:-$here/../../build/dev/sandbox/formance-sandbox}"
elements="${2:-20000}"
out="$(mktemp)"
body="$(mktemp)"
"$bin" --port 0 >"$out" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -f "$out" "$body" "$body.times"' EXIT
for _ in $(seq 100); do grep -q listening "$out" && break; sleep 0.05; done
base="$(sed -n 's/^listening on //p' "$out")"
token="$(curl -sf -d 'grant_type=client_credentials&client_id=sandbox&client_secret=sandbox-secret' \
  "$base/api/auth/oauth/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')"
curl -sf -X POST -H "Authorization: Bearer $token" "$base/api/ledger/v2/bulk" >/dev/null
python3 - "$elements" >"$body" <<'EOF'
import json, sys
n = int(sys.argv[1])
print(json.dumps([{"action": "CREATE_TRANSACTION", "data": {"postings": [{"source": "world",
    "destination": "users:%d" % (i % 500), "asset": "USD/2", "amount": i + 1}], "metadata": {"n": str(i)}}}
    for i in range(n)]))
EOF
echo "bulk body: $(wc -c <"$body") bytes, $elements elements; RSS before: $(ps -o rss= -p $pid | tr -d ' ') KiB"
start=$(date +%s.%N)
curl -s -o /dev/null -w 'bulk: HTTP %{http_code} in %{time_total} s\n' -X POST -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' --data-binary "@$body" "$base/api/ledger/v2/bulk/_bulk" &
bulk=$!
: >"$body.times"
while kill -0 $bulk 2>/dev/null; do
  curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$base/api/ledger/v2/_info" \
    >>"$body.times"
done
wait $bulk
sort -n "$body.times" | awk '{t[NR]=$1} END {if (NR) printf "_info during the bulk: %d calls, p50 %.1f ms, max %.1f ms\n", NR, t[int((NR+1)/2)]*1000, t[NR]*1000}'
echo "RSS after: $(ps -o rss= -p $pid | tr -d ' ') KiB; wall $(echo "$(date +%s.%N) - $start" | bc) s"
