#!/usr/bin/env bash
# The job benchmark (issue 6): `tonghop run` on N generated unit submissions, release build.
# Not a test. Usage (from the repository root):
#
#   Benchmarks/bench_run.sh [N] [WORK] [ROUNDS]     # defaults: 1000 /tmp/tonghop-scale 3
#   BINS="/tmp/tonghop-old .build/release/tonghop" Benchmarks/bench_run.sh   # builds in turn
#
# Each round, for each binary: a first run (everything new) into a new output folder, a
# rerun with nothing changed (hashes only, outputs kept) and a --force rerun (all the work
# again), each with wall, user and sys time and files/s.
#
# Why a new output folder each round, deleted only at the end: this machine's root ext4 has
# no journal, and without one ext4 skips every inode deleted in the last minutes when it
# allocates a new one (`recently_deleted()` in fs/ext4/ialloc.c). Creating the 4,000 output
# files right after deleting the previous 4,000 then costs 1-3 s of system time that a
# nightly run (whose last deletions are a day old) never pays. docs/PERFORMANCE.md has the
# measurements.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-1000}"
WORK="${2:-/tmp/tonghop-scale}"
ROUNDS="${3:-3}"

if [ -z "${BINS:-}" ]; then
    swift build -c release --product tonghop 2>&1 | tail -1
    BINS="$(swift build -c release --show-bin-path)/tonghop"
fi

if [ ! -f "$WORK/job.yaml" ] || [ "$(ls "$WORK"/inbox/NQ04_*.xlsx 2>/dev/null | wc -l)" -ne "$N" ]; then
    python3 Benchmarks/make_units.py "$WORK" -n "$N"
fi
RUNS="$WORK/bench-runs"
mkdir -p "$RUNS"

timed() {  # label, binary, job, args...
    local label="$1" bin="$2" job="$3"; shift 3
    local code=0
    /usr/bin/time -f "%e %U %S %M" -o "$RUNS/time" "$bin" run "$job" --quiet "$@" >/dev/null 2>"$RUNS/stderr" || code=$?
    read -r wall user sys rss <"$RUNS/time"
    awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v n="$N" -v c="$code" \
        'BEGIN { printf "%-34s %6.2f s  %7.1f files/s  user %6.2f  sys %5.2f  rss %4d MB  exit %s\n", l, w, n / w, u, s, r / 1024, c }'
}

echo "tonghop run on $N units ($(nproc) cores), $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$ROUNDS"); do
    i=0
    for bin in $BINS; do
        i=$((i + 1))
        out="$RUNS/$(date +%s%N)-$round-$i"
        sed -e "s|^output: .*|output: $out|; s|^rejected: .*|rejected: $out/rejected|; s|^ledger: .*|ledger: $out/ledger.sqlite|" \
            "$WORK/job.yaml" >"$WORK/job-bench.yaml"
        timed "round $round, build $i: first" "$bin" "$WORK/job-bench.yaml"
        timed "round $round, build $i: unchanged" "$bin" "$WORK/job-bench.yaml"
        timed "round $round, build $i: --force" "$bin" "$WORK/job-bench.yaml" --force
    done
done
echo "load $(cut -d' ' -f1-3 /proc/loadavg); builds: $BINS"
rm -rf "$RUNS" "$WORK/job-bench.yaml"
