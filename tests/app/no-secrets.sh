#!/usr/bin/env bash
# A whole demo session with every debug log on leaves no secret behind: formance-desk renders each
# page on the in-process demo stack (token fetches, reads, a revert dialog) with a fresh HOME, then
# every line it logged and every file it wrote (settings, caches, data; PNGs aside) is searched for
# the demo client's secret and for any token the stack issued (the sandbox's tokens start "sbx_").
# The logs must show that the token requests and Authorization headers were there, redacted: a run
# that logged nothing could not fail.
# Then the same with a saved profile: a formance-sandbox process with a secret of this run and
# 2-second tokens (so pages renew them), the profile saved through the keychain (a real Secret
# Service: run-tests.sh starts gnome-keyring in its D-Bus session), every feature's pages rendered
# on it with their visible text dumped (--dump-text: what a reader of the PNG would see, password
# fields as dots), a profile with a wrong secret, and the stack gone. The secrets and tokens must
# appear in no log line, no file the app wrote and no text on screen.
# usage: no-secrets.sh FORMANCE_DESK WORK_DIR [FORMANCE_SANDBOX DESK_SAVE_PROFILE]
set -uo pipefail
app="$1"
work="$2"
sandbox_bin="${3:-}"
save_profile="${4:-}"
rm -rf "$work"
mkdir -p "$work/home" "$work/config" "$work/data" "$work/cache" "$work/shots" "$work/texts"
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
[[ -z "$sandbox_bin" ]] && exit $status

# --- a saved profile, through the keychain ---
profile_secret="desk-profile-secret-$RANDOM$RANDOM"
wrong_secret="desk-wrong-secret-$RANDOM$RANDOM"
"$sandbox_bin" --port 0 --seed demo --client-id desk-profile --client-secret "$profile_secret" --token-ttl 2 \
    >"$work/sandbox.out" 2>&1 &
sandbox_pid=$!
trap 'kill $sandbox_pid 2>/dev/null || true' EXIT
for _ in $(seq 300); do grep -q "listening on" "$work/sandbox.out" && break; sleep 0.1; done
url=$(sed -n 's/^listening on //p' "$work/sandbox.out")
[[ -n "$url" ]] || { echo "FAIL: the sandbox did not start"; cat "$work/sandbox.out"; exit 1; }
"$save_profile" secrets-test "Secrets test" "$url" desk-profile <<<"$profile_secret" ||
    { echo "FAIL: the profile could not be saved in the keychain"; exit 1; }
"$save_profile" secrets-wrong "Wrong secret" "$url" desk-profile <<<"$wrong_secret" ||
    { echo "FAIL: the second profile could not be saved in the keychain"; exit 1; }

render() { # NAME PROFILE PAGE
    timeout 120 "$app" --profile "$2" --page "$3" --screenshot "$work/shots/$1.png" \
        --dump-text "$work/texts/$1.txt" >"$work/$1.log" 2>&1 || echo "FAIL: $1 exited $?"
}
pages="connections overview ledgers transactions transaction accounts balances logs new-transaction numscript
       wallets webhooks connectors payments transfers workflows workflow instances reconciliation auth-clients"
results=$(for page in $pages; do echo "$page"; done | {
    export -f render; export app work
    xargs -P 4 -I{} bash -c 'render profile-{} secrets-test {}'
})
render wrong-secret secrets-wrong ledgers
kill $sandbox_pid 2>/dev/null; wait $sandbox_pid 2>/dev/null
render stack-gone secrets-test ledgers
results+=$'\n'$(grep -h "^FAIL" "$work"/wrong-secret.log "$work"/stack-gone.log 2>/dev/null)
grep -q "^FAIL" <<<"$results" && { echo "$results" | grep "^FAIL"; status=1; }

texts=$(cat "$work"/texts/*.txt)
grep -q "demo-retail" <<<"$texts" || { echo "FAIL: the pages' text does not show the demo ledgers"; status=1; }
grep -qi "refused these credentials" "$work/texts/wrong-secret.txt" ||
    { echo "FAIL: the wrong secret's page does not say the credentials were refused"; status=1; }
grep -qi "reach\|listening" "$work/texts/stack-gone.txt" ||
    { echo "FAIL: the page of a stack that is gone does not say so"; status=1; }
fetches=$(grep -c "oauth/token" "$work"/profile-*.log | awk -F: '{ s += $2 } END { print s }')
npages=$(wc -w <<<"$pages")
(( fetches >= npages )) || { echo "FAIL: $fetches token requests logged for $npages pages"; status=1; }
found=$(grep -rIl --exclude='*.png' -e "$profile_secret" -e "$wrong_secret" -e 'sbx_[A-Za-z0-9_-]\{8,\}' \
    "$work" 2>/dev/null | grep -v "/sandbox.out$")
if [[ -n "$found" ]]; then
    echo "FAIL: a profile's secret or a token was written to or shown in:"
    echo "$found"
    status=1
fi
[[ $status -eq 0 ]] && echo "ok: $(ls "$work"/texts | wc -l) pages on a keychain profile ($fetches token requests), a wrong secret, a stack gone: no secret, no token in $(find "$work" -type f ! -name '*.png' | wc -l) files"
exit $status
