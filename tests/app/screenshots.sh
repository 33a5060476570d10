#!/usr/bin/env bash
# Renders every page of formance-desk (ledger, wallets, webhooks) on the demo stack, light and dark, at 1280x800,
# and checks each PNG holds a real picture (not a blank or failed render).
# usage: screenshots.sh FORMANCE_DESK OUTPUT_DIR
set -euo pipefail
app="$1"
out="$2"
mkdir -p "$out"
status=0
for page in connections ledgers transactions transaction accounts account balances logs new-transaction wallets wallet webhooks webhook; do
    for theme in light dark; do
        png="$out/$page-$theme.png"
        rm -f "$png"
        if ! QT_QPA_PLATFORM=offscreen timeout 120 "$app" --demo --page "$page" --theme "$theme" --size 1280x800 \
            --screenshot "$png"; then
            echo "FAIL: $page ($theme): formance-desk failed"
            status=1
            continue
        fi
        size=$(identify -format '%wx%h' "$png")
        colours=$(identify -format '%k' "$png")
        if [[ "$size" != "1280x800" || "$colours" -lt 40 ]]; then
            echo "FAIL: $page ($theme): $size with $colours colours"
            status=1
        else
            echo "ok: $png ($colours colours)"
        fi
    done
done
exit $status
