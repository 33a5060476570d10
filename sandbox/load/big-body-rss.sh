#!/usr/bin/env bash
# RSS of a fresh sandbox before and after a 100 MiB POST body, without a token and with one.
# Usage: sandbox/load/big-body-rss.sh path/to/formance-sandbox
set -euo pipefail
bin="$1"
out="$(mktemp)"; body="$(mktemp)"
"$bin" --port 0 >"$out" 2>&1 & pid=$!
trap 'kill $pid 2>/dev/null || true; rm -f "$out" "$body"' EXIT
for _ in $(seq 100); do grep -q listening "$out" && break; sleep 0.05; done
base="$(sed -n 's/^listening on //p' "$out")"
token="$(curl -sf -d 'grant_type=client_credentials&client_id=sandbox&client_secret=sandbox-secret' "$base/api/auth/oauth/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')"
curl -sf -X POST -H "Authorization: Bearer $token" "$base/api/ledger/v2/main" >/dev/null
head -c 104857600 /dev/zero | tr '\0' ' ' >"$body"
echo "RSS at start: $(ps -o rss= -p $pid | tr -d ' ') KiB"
curl -s -o /dev/null -w 'no token: HTTP %{http_code} in %{time_total} s\n' -H 'Content-Type: application/json' --data-binary "@$body" "$base/api/ledger/v2/main/transactions" || true
echo "RSS after (no token): $(ps -o rss= -p $pid | tr -d ' ') KiB"
curl -s -o /dev/null -w 'token: HTTP %{http_code} in %{time_total} s\n' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data-binary "@$body" "$base/api/ledger/v2/main/transactions" || true
echo "RSS after (token): $(ps -o rss= -p $pid | tr -d ' ') KiB"
