#!/usr/bin/env bash
# Runs qmllint over the Formance.Desk module (the build's all_qmllint target) and fails on any
# "Unqualified access" or on more than MAX warnings in all. Each warning left is a Qt 6.4 gap,
# named in a comment where it is silenced.
# usage: qmllint.sh BUILD_DIR [MAX]
set -uo pipefail
build="$1"
max="${2:-15}"
out=$(cmake --build "$build" --target all_qmllint 2>&1)
warnings=$(grep -c "^Warning: " <<<"$out")
unqualified=$(grep -c "Unqualified access" <<<"$out")
grep -E "^Warning: |^    " <<<"$out" | head -80
echo "qmllint: $warnings warning(s), $unqualified unqualified access(es); at most $max allowed, no unqualified access"
[[ "$unqualified" -eq 0 && "$warnings" -le "$max" ]]
