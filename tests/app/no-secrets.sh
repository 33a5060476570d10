#!/usr/bin/env bash
# A whole demo session with every debug log on leaves no secret behind: formance-desk renders each
# page on the in-process demo stack (token fetches, reads, a revert dialog) with a fresh HOME, then
# every line it logged and every file it wrote (settings, caches, data; PNGs aside) is searched for
# the demo client's secret and for any token the stack issued (the sandbox's tokens start "sbx_").
# The logs must show that the token requests and Authorization headers were there, redacted: a run
# that logged nothing could not fail.
# usage: no-secrets.sh FORMANCE_DESK WORK_DIR
set -uo pipefail
app="$1"
work="$2"
rm -rf "$work"
mkdir -p "$work/home" "$work/config" "$work/data" "$work/cache" "$work/shots"
export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
    XDG_CACHE_HOME="$work/cache" QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES="*.debug=true"
secret="sandbox-secret" # sandbox/src/Options.h: the demo stack's client secret
status=0
for page in connections ledgers transactions transaction revert accounts account balances logs \
    new-transaction wallets wallet webhooks webhook; do
    timeout 120 "$app" --demo --page "$page" --screenshot "$work/shots/$page.png" \
        >"$work/$page.log" 2>&1 || { echo "FAIL: $page exited $?"; status=1; }
done
logs=$(cat "$work"/*.log)
grep -q "oauth/token" <<<"$logs" || { echo "FAIL: no token request was logged"; status=1; }
grep -qi "authorization: \[redacted\]" <<<"$logs" || { echo "FAIL: no redacted Authorization header was logged"; status=1; }
found=$(grep -rIl --exclude='*.png' -e "$secret" -e 'sbx_[A-Za-z0-9_-]\{8,\}' "$work" 2>/dev/null)
if [[ -n "$found" ]]; then
    echo "FAIL: a secret or a token was written to:"
    echo "$found"
    grep -rIn --exclude='*.png' -o -e "$secret" -e 'sbx_[A-Za-z0-9_-]\{8,\}' "$work" | head -5
    status=1
fi
[[ $status -eq 0 ]] && echo "ok: $(wc -l <<<"$logs") log lines and $(find "$work" -type f ! -name '*.png' | wc -l) files, no secret, no token"
exit $status
