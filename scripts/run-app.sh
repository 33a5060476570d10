#!/usr/bin/env bash
# Builds Formance Desk and starts it. With no arguments it opens the built-in demo stack;
# otherwise the arguments go to the app (try --help, or --profile NAME).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

"$root/scripts/setup.sh"
cmake --preset dev -DFORMANCE_BUILD_APP=ON -DFORMANCE_BUILD_TESTS=ON -DFORMANCE_BUILD_BENCH=ON >/dev/null
cmake --build --preset dev --target formance-desk

if (($# == 0)); then
    set -- --demo
fi

if [[ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" ]]; then
    echo "run-app: no display found; starting under Xvfb (set DISPLAY to use your own)" >&2
    exec xvfb-run -a -s '-screen 0 1280x800x24' build/dev/app/formance-desk "$@"
fi
exec build/dev/app/formance-desk "$@"
