#!/usr/bin/env bash
# Builds everything and runs every test (Qt Test, Qt Quick Test, conformance, drift), headless,
# with a private D-Bus session and an unlocked gnome-keyring for the keychain tests.
# Ends with CTest's summary; exits non-zero on any failure.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

"$root/scripts/setup.sh"
cmake --preset dev -DFORMANCE_BUILD_APP=ON -DFORMANCE_BUILD_TESTS=ON -DFORMANCE_BUILD_BENCH=ON >/dev/null
cmake --build --preset dev

# Keep the user's real keyring, config and caches out of the tests.
sandbox="$(mktemp -d)"
trap 'rm -rf "$sandbox"' EXIT
mkdir -p "$sandbox/home" "$sandbox/data" "$sandbox/config" "$sandbox/cache" "$sandbox/runtime"
chmod 700 "$sandbox/runtime"

export HOME="$sandbox/home" XDG_DATA_HOME="$sandbox/data" XDG_CONFIG_HOME="$sandbox/config" \
    XDG_CACHE_HOME="$sandbox/cache" XDG_RUNTIME_DIR="$sandbox/runtime" QT_QPA_PLATFORM=offscreen

exec dbus-run-session -- bash -c '
    echo -n desk-tests | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 || true
    ctest --test-dir build/dev --output-on-failure --parallel 2 --timeout 900 "$@"
' bash "$@"
