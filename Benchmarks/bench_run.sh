#!/usr/bin/env bash
# The job benchmark (issue 6): `tonghop run` on N generated unit submissions, release build.
# Not a test. Usage (from the repository root):
#
#   Benchmarks/bench_run.sh [N] [WORK]        # default N=1000, WORK=/tmp/tonghop-scale
#
# Prints three timings: the first run (everything new), the rerun with nothing changed
# (hashes only, outputs kept), and a --force rerun (all the work again), each as files/s.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-1000}"
WORK="${2:-/tmp/tonghop-scale}"

swift build -c release --product tonghop 2>&1 | tail -1
BIN="$(swift build -c release --show-bin-path)/tonghop"

if [ ! -f "$WORK/job.yaml" ] || [ "$(ls "$WORK"/inbox/NQ04_*.xlsx 2>/dev/null | wc -l)" -ne "$N" ]; then
    python3 Benchmarks/make_units.py "$WORK" -n "$N"
fi
rm -rf "$WORK/out"

timed() {  # label, args...
    local label="$1"; shift
    local start end
    start=$(date +%s.%N)
    set +e
    "$BIN" run "$WORK/job.yaml" "$@" >"$WORK/last-stdout" 2>"$WORK/last-stderr"
    local code=$?
    set -e
    end=$(date +%s.%N)
    python3 - "$label" "$start" "$end" "$N" "$code" <<'PY'
import sys
label, start, end, n, code = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
s = end - start
print(f"{label:<10} {s:7.2f} s  {n / s:8.1f} files/s  exit {code}")
PY
    cat "$WORK/last-stdout"
}

echo "tonghop run on $N units ($(nproc) cores)"
timed "first"
timed "unchanged"
timed "force" --force
