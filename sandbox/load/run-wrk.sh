#!/usr/bin/env bash
# Load run: create-transaction at 8 connections (CONNECTIONS=n to change) against a fresh
# in-memory sandbox on loopback, bounded in time.
# Usage: [CONNECTIONS=n] sandbox/load/run-wrk.sh [path/to/formance-sandbox] [seconds] [extra sandbox args]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin="${1:-$here/../../build/dev/sandbox/formance-sandbox}"
seconds="${2:-15}"
shift $(( $# > 2 ? 2 : $# ))
out="$(mktemp)"
"$bin" --port 0 "$@" >"$out" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -f "$out"' EXIT
for _ in $(seq 100); do grep -q listening "$out" && break; sleep 0.05; done
base="$(sed -n 's/^listening on //p' "$out")"
TOKEN="$(curl -sf -d 'grant_type=client_credentials&client_id=sandbox&client_secret=sandbox-secret' \
  "$base/api/auth/oauth/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')"
export TOKEN
curl -sf -X POST -H "Authorization: Bearer $TOKEN" "$base/api/ledger/v2/load" >/dev/null
connections="${CONNECTIONS:-8}"
threads=$(( connections < 2 ? 1 : 2 ))
wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s --latency -s "$here/create-transaction.lua" "$base"
echo "sandbox RSS after the run: $(ps -o rss= -p $pid | tr -d ' ') KiB"
echo "transactions stored: $(curl -sfI -H "Authorization: Bearer $TOKEN" "$base/api/ledger/v2/load/transactions" | sed -n 's/^Count: //Ip' | tr -d '\r')"
