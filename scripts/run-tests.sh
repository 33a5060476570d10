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

# The SDK and sandbox suites again under AddressSanitizer + UBSan (clang), and each fuzz target for
# a bounded time from its committed corpus: build/asan, the asan preset. On by default when no CTest
# arguments are given (CI); FORMANCE_SANITIZERS=1 forces it, =0 skips it.
sanitizers="${FORMANCE_SANITIZERS:-$((($# == 0)))}"
if [[ "$sanitizers" == 1 ]]; then
    started=$SECONDS
    cmake --preset asan >/dev/null
    cmake --build --preset asan
    echo "run-tests: asan build took $((SECONDS - started)) s"
fi

# Keep the user's real keyring, config and caches out of the tests.
sandbox="$(mktemp -d)"
trap 'rm -rf "$sandbox"' EXIT
mkdir -p "$sandbox/home" "$sandbox/data" "$sandbox/config" "$sandbox/cache" "$sandbox/runtime"
chmod 700 "$sandbox/runtime"

export HOME="$sandbox/home" XDG_DATA_HOME="$sandbox/data" XDG_CONFIG_HOME="$sandbox/config" \
    XDG_CACHE_HOME="$sandbox/cache" XDG_RUNTIME_DIR="$sandbox/runtime" QT_QPA_PLATFORM=offscreen

export FORMANCE_SANITIZERS="$sanitizers"
exec dbus-run-session -- bash -c '
    echo -n desk-tests | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 || true
    status=0
    if [[ "$FORMANCE_SANITIZERS" == 1 ]]; then
        started=$SECONDS
        echo "run-tests: SDK and sandbox suites under ASan + UBSan, and the fuzz smoke (build/asan)"
        ctest --preset asan --parallel 2 || status=1
        echo "run-tests: sanitizer suites and fuzz smoke took $((SECONDS - started)) s"
    fi
    ctest --test-dir build/dev --output-on-failure --parallel 2 --timeout 900 "$@" || status=1
    exit $status
' bash "$@"
