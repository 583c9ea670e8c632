#!/usr/bin/env bash
# The reader benchmark (issue 2): `tonghop inspect FILE --stats` on the shared harness's
# workloads, against the floor of libxml2's SAX2 parser alone. Not a test. Usage, from the
# repository root, with a copy of ../shared/bench whose workloads are made
# (`./setup.sh && .venv/bin/python make_workloads.py [--1m]`):
#
#   Benchmarks/bench_read.sh /tmp/bench-reader [RUNS]      # default 5 runs per file
#
# Prints, per workload, the best wall and CPU time of RUNS runs, the peak RSS, and the
# throughput in MB of sheet XML per second; then the bare libxml2 figures on the roster
# sheet (Benchmarks/sax_floor.c). The peers (calamine, fastexcel, openpyxl) are timed by the
# harness itself: see docs/PERFORMANCE.md for the command.
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH="${1:?usage: bench_read.sh BENCH_DIR [RUNS]}"
RUNS="${2:-5}"

swift build -c release --product tonghop --static-swift-stdlib 2>&1 | tail -1
BIN="$(swift build -c release --show-bin-path)/tonghop"

sheet_bytes() {  # uncompressed size of the worksheet parts
    unzip -l "$1" 'xl/worksheets/*.xml' | awk 'END { print $1 }'
}

printf '%-16s %10s %8s %8s %8s %9s\n' workload "sheet MB" "wall s" "cpu s" "RSS MB" "MB/s"
for wl in wide roster roster-1m; do
    f="$BENCH/data/$wl.xlsx"
    [ -f "$f" ] || continue
    best_wall=999999; best_cpu=999999; rss=0
    for _ in $(seq "$RUNS"); do
        read -r wall cpu kb < <(/usr/bin/time -f "%e %U %S %M" "$BIN" inspect "$f" --stats 2>&1 >/dev/null |
            awk '{ print $1, $2 + $3, $4 }')
        best_wall=$(awk -v a="$wall" -v b="$best_wall" 'BEGIN { print (a < b ? a : b) }')
        best_cpu=$(awk -v a="$cpu" -v b="$best_cpu" 'BEGIN { print (a < b ? a : b) }')
        rss=$(( kb > rss ? kb : rss ))
    done
    bytes=$(sheet_bytes "$f")
    awk -v w="$wl" -v b="$bytes" -v t="$best_wall" -v c="$best_cpu" -v r="$rss" \
        'BEGIN { printf "%-16s %10.1f %8.2f %8.2f %8.0f %9.1f\n", w, b / 1e6, t, c, r / 1024, b / 1e6 / t }'
done
"$BIN" inspect "$BENCH/data/roster.xlsx" --stats

if [ -d "$BENCH/data/districts" ] && command -v hyperfine >/dev/null; then
    f=$(ls "$BENCH"/data/districts/*.xlsx | head -1)
    hyperfine -N --warmup 3 --runs 40 --style basic "$BIN inspect $f --stats" 2>&1 | grep -E 'Time|Range'
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gcc -O2 Benchmarks/sax_floor.c -o "$tmp/sax_floor" $(xml2-config --cflags --libs)
unzip -p "$BENCH/data/roster.xlsx" xl/worksheets/sheet1.xml > "$tmp/sheet1.xml"
"$tmp/sax_floor" "$tmp/sheet1.xml"
