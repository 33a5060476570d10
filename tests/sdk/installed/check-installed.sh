#!/usr/bin/env bash
# The SDK as others get it: `cmake --install --component sdk` (and sdk-static) into a fresh prefix, then the example
# of examples/stack-tour built against that prefix only (find_package), and once more with the
# pkg-config file alone, each run against a formance-sandbox: it lists the services and ledgers and
# posts 2^64 + 1 cents, which must come back digit for digit.
# usage: check-installed.sh BUILD_DIR SOURCE_DIR SANDBOX_BINARY WORK_DIR
set -euo pipefail
build="$1" source="$2" sandbox="$3" work="$4"
rm -rf "$work" && mkdir -p "$work"
prefix="$work/prefix"
# A step's output goes to its log, shown when the step fails (set -e alone would end silently).
step() {
    local log="$1"; shift
    "$@" >>"$log" 2>&1 || { echo "FAIL: $* (log $log):"; tail -n 40 "$log"; exit 1; }
}

step "$work/install.log" cmake --install "$build" --prefix "$prefix" --component sdk
step "$work/install.log" cmake --install "$build" --prefix "$prefix" --component sdk-static
for header in Formance/Client.h Formance/Sdk.h Formance/Version.h Formance/ledger/v2/LedgerV2Api.h \
              Formance/models/V2Posting.h Formance/json/JsonCodec.h; do
    [[ -f "$prefix/include/$header" ]] || { echo "FAIL: $header not installed"; exit 1; }
done
# (Outputs are captured before matching: with pipefail, `producer | grep -q` fails at random when grep
# exits before the producer has written everything.)
[[ -z "$(find "$prefix" -name '*.cpp')" ]] || { echo "FAIL: sources installed"; exit 1; }
[[ -n "$(find "$prefix" -name libformance-sdk.a)" ]] || { echo "FAIL: static library not installed"; exit 1; }
[[ -n "$(find "$prefix" -name 'libformance-sdk.so*')" ]] || { echo "FAIL: shared library not installed"; exit 1; }

# 1. CMake: only the install prefix is searched (no package registry, no build tree).
step "$work/configure.log" cmake -S "$source/examples/stack-tour" -B "$work/cmake-build" -G Ninja \
    -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF -DCMAKE_BUILD_TYPE=Release
step "$work/build.log" cmake --build "$work/cmake-build"
if grep -q "$source/sdk" "$work/cmake-build/build.ninja"; then
    echo "FAIL: the example's build refers to the SDK's source tree"; exit 1
fi

# 2. pkg-config, with the static library.
pc="$(dirname "$(find "$prefix" -name formance-sdk.pc)")"
export PKG_CONFIG_PATH="$pc"
g++ -std=c++20 -o "$work/stack-tour-pc" "$source/examples/stack-tour/main.cpp" $(pkg-config --cflags formance-sdk) \
    $(pkg-config --libs --static formance-sdk | sed 's/-lformance-sdk/-l:libformance-sdk.a/') \
    2>"$work/pkg-config-build.log" || { cat "$work/pkg-config-build.log"; exit 1; }
unset PKG_CONFIG_PATH

# A stack to talk to.
"$sandbox" --port 0 --seed demo --client-id tour --client-secret tour-secret >"$work/sandbox.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
# Its demo seed is generated on a first run: up to 2 minutes on a loaded 2-core machine.
for _ in $(seq 1200); do
    grep -q "listening on" "$work/sandbox.log" && break
    kill -0 $pid 2>/dev/null || break
    sleep 0.1
done
url=$(sed -n 's/^listening on //p' "$work/sandbox.log")
[[ -n "$url" ]] || { echo "FAIL: the sandbox did not start"; cat "$work/sandbox.log"; exit 1; }

for program in "$work/cmake-build/stack-tour" "$work/stack-tour-pc"; do
    LD_LIBRARY_PATH="$(dirname "$(find "$prefix" -name libformance-sdk.so | head -1)")" \
        "$program" "$url" tour tour-secret >"$work/out.txt"
    cat "$work/out.txt"
    grep -q "^service ledger " "$work/out.txt" || { echo "FAIL: no ledger service listed"; exit 1; }
    grep -q "^ledger demo-" "$work/out.txt" || { echo "FAIL: the demo ledgers were not listed"; exit 1; }
    grep -qx "balance 18446744073709551617" "$work/out.txt" || { echo "FAIL: the amount did not come back exact"; exit 1; }
done
# The CMake build links the shared library.
needed="$(readelf -d "$work/cmake-build/stack-tour")"
[[ "$needed" == *"[libformance-sdk.so"* ]] || { echo "FAIL: not linked to the shared SDK"; exit 1; }
echo "ok: installed SDK found by find_package and pkg-config, example ran exact"
