#!/usr/bin/env bash
# Builds the SDK benchmarks in Release (build/bench) and runs them: decoding a realistic ledger v2
# listTransactions page (1,000 expanded transactions, ~1.2 MB) into typed models, and paging 20 such
# pages over loopback from a local server through the full client. Prints transactions/s (tx/s).
# Extra arguments go to Google Benchmark, e.g. --benchmark_filter=Paging --benchmark_repetitions=5.
# --export instead runs desk-bench-export: 1,000,000 transactions to CSV and to JSON Lines, streamed
# (transactions/s and peak memory of each); the arguments after it go to desk-bench-export.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

"$root/scripts/setup.sh"
export CCACHE_BASEDIR="$root"
cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DFORMANCE_BUILD_APP=OFF \
    -DFORMANCE_BUILD_TESTS=ON -DFORMANCE_BUILD_BENCH=ON >/dev/null
cmake --build build/bench -j2 --target sdk-bench sdk-bench-paging desk-bench-export

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ "${1:-}" == "--export" ]]; then
    shift
    build/bench/bench/desk-bench-export "$@"
else
    build/bench/bench/sdk-bench --benchmark_counters_tabular=true "$@"
fi
