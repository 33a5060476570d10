#!/usr/bin/env bash
# Renders every page of formance-desk on the demo stack, light and dark, at SIZE, and fails when
# a page printed a QML warning while it loaded (exit 3), when its layout has overlapping controls
# or a text cut without an ellipsis (--check-layout, exit 4), or when a PNG is not a real picture.
# Four renders run at a time: each mostly waits for its demo stack and its first answers.
# usage: screenshots.sh FORMANCE_DESK OUTPUT_DIR [SIZE]   (SIZE: 1280x800 by default)
set -uo pipefail
app="$1"
out="$2"
size="${3:-1280x800}"
mkdir -p "$out"
suffix=""
[[ "$size" != "1280x800" ]] && suffix="-$size"

# One render: prints "ok: …" or "FAIL: …" (with the QML/layout lines of its log).
render() {
    local page="$1" theme="$2"
    local png="$out/$page-$theme$suffix.png" log="$out/$page-$theme$suffix.log"
    rm -f "$png"
    QT_QPA_PLATFORM=offscreen timeout 120 "$app" --demo --page "$page" --theme "$theme" --size "$size" \
        --check-layout --screenshot "$png" >"$log" 2>&1
    local rc=$?
    if [[ $rc -ne 0 ]]; then
        echo "FAIL: $page ($theme, $size): exit $rc"
        grep -E "qml|QML|layout:|warning" "$log" | head -20
        return
    fi
    local got colours
    got=$(identify -format '%wx%h' "$png")
    colours=$(identify -format '%k' "$png")
    if [[ "$got" != "$size" || "$colours" -lt 40 ]]; then
        echo "FAIL: $page ($theme): $got with $colours colours"
    else
        echo "ok: $png ($colours colours)"
    fi
}
export -f render
export app out size suffix

# The pages: tests/app/pages.list, one per line, by feature.
pages=$(sed -e 's/#.*//' -e '/^ *$/d' "$(dirname "$0")/pages.list")
results=$(for page in $pages; do printf '%s light\n%s dark\n' "$page" "$page"; done |
    xargs -P 4 -L 1 bash -c 'render "$0" "$1"')
echo "$results"
status=0
grep -q "^FAIL" <<<"$results" && status=1
# Every page is a distinct picture (a page that rendered another page's content would repeat it).
dupes=$(md5sum "$out"/*-light$suffix.png | awk '{print $1}' | sort | uniq -d | wc -l)
if [[ "$dupes" -ne 0 ]]; then
    echo "FAIL: some pages rendered the same picture:"
    md5sum "$out"/*-light$suffix.png | sort | awk '{print $1, $2}' | uniq -w32 -D
    status=1
fi
exit $status
