#!/usr/bin/env bash
# The load matrix of the README: run-wrk.sh at 1, 8, 32 and 128 connections, each for a bounded
# time on a fresh in-memory sandbox. Usage: sandbox/load/run-wrk-matrix.sh [binary] [seconds]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin="${1:-$here/../../build/dev/sandbox/formance-sandbox}"
seconds="${2:-10}"
for c in 1 8 32 128; do
  echo "== $c connection(s), ${seconds} s"
  CONNECTIONS=$c "$here/run-wrk.sh" "$bin" "$seconds"
done
