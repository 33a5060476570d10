#!/usr/bin/env bash
# Pages rendered as a person at another desk would see them, each with --check-layout (no QML
# warning, no overlap, no text cut): a few in French (longer strings; dates and numbers in the
# French way), and every page of pages.list at a device pixel ratio of 2 (QT_SCALE_FACTOR=2: the
# PNG has twice the pixels, the layout the same logical size) with the text 1.5× larger
# (--font-scale, what a larger system font gives) in one render each — both settings at once keep
# the test near 40 s on two cores. Themes alternate. Four renders run at a time.
# usage: scaling.sh FORMANCE_DESK OUTPUT_DIR
set -uo pipefail
app="$1"
out="$2"
mkdir -p "$out"

# One render: "ok: …" or "FAIL: …" with the QML/layout lines of its log.
render() {
    local name="$1" page="$2" theme="$3" size="$4" expect="$5" environment="$6" option="$7"
    local png="$out/$name.png" log="$out/$name.log"
    local args=()
    [[ "$option" != "-" ]] && args=("$option")
    [[ "$environment" == "-" ]] && environment="FORMANCE_DESK_PLAIN=1"
    rm -f "$png"
    env QT_QPA_PLATFORM=offscreen "$environment" timeout 120 "$app" --demo --page "$page" --theme "$theme" \
        --size "$size" --check-layout --screenshot "$png" "${args[@]}" >"$log" 2>&1
    local rc=$?
    if [[ $rc -ne 0 ]]; then
        echo "FAIL: $name: exit $rc"
        grep -E "qml|QML|layout:|warning" "$log" | head -20
        return
    fi
    local got
    got=$(identify -format '%wx%h' "$png")
    if [[ "$got" != "$expect" ]]; then
        echo "FAIL: $name: $got, expected $expect"
    else
        echo "ok: $png"
    fi
}
export -f render
export app out

# name page theme size expected-PNG-size environment option ("-": none)
cases=$(cat <<'LIST'
fr-transactions transactions light 1024x640 1024x640 LANG=fr_FR.UTF-8 --lang=fr
fr-transaction transaction dark 1024x640 1024x640 - --lang=fr
fr-new-transaction new-transaction light 1280x800 1280x800 - --lang=fr
fr-revert revert dark 1280x800 1280x800 - --lang=fr
LIST
)
pages=$(sed -e 's/#.*//' -e '/^ *$/d' "$(dirname "$0")/pages.list")
themes=(light dark)
n=0
for page in $pages; do
    cases+=$'\n'"dpr2-font15-$page $page ${themes[n % 2]} 1280x800 2560x1600 QT_SCALE_FACTOR=2 --font-scale=1.5"
    n=$((n + 1))
done
results=$(xargs -P 4 -L 1 bash -c 'render "$0" "$1" "$2" "$3" "$4" "$5" "$6"' <<<"$cases")
echo "$results"
grep -q "^FAIL" <<<"$results" && exit 1
exit 0
