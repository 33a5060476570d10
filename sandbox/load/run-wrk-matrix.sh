#!/usr/bin/env bash
# The load matrix of the README: run-wrk.sh at 1, 8, 32 and 128 connections, each for a bounded
# time on a fresh in-memory sandbox.
# Usage: sandbox/load/run-wrk-matrix.sh [binary] [seconds] [--check]
# With --check (CI): exits 1 when any run had a non-2xx answer or a socket error, 77 (skipped)
# when wrk is not installed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin="${1:-$here/../../build/dev/sandbox/formance-sandbox}"
seconds="${2:-10}"
check="${3:-}"
if ! command -v wrk >/dev/null; then
  echo "wrk is not installed (apt-get install wrk)"
  exit 77
fi
failed=0
for c in 1 8 32 128; do
  echo "== $c connection(s), ${seconds} s"
  report="$(CONNECTIONS=$c "$here/run-wrk.sh" "$bin" "$seconds")"
  echo "$report"
  if ! grep -q 'errors(non-2xx)=0 socket-errors=0' <<<"$report"; then
    echo "!! errors at $c connection(s)"
    failed=1
  fi
done
if [ "$check" = "--check" ] && [ "$failed" -ne 0 ]; then
  exit 1
fi
