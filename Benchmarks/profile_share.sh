#!/usr/bin/env bash
# A noise-resistant comparison of builds of `tonghop run` (issue 6): the run's CPU in units
# of the work libxml2 and zlib do, which no change of ours touches. Not a test.
#
#   BINS="/tmp/tonghop-old .build/release/tonghop" Benchmarks/profile_share.sh [WORK] [ROUNDS]
#
# Each round, each build in turn: a `--force` run of WORK's job (default the 1,000-unit
# /tmp/tonghop-scale that bench_run.sh makes) under `perf record -e cpu-clock`, then
#   ratio = all samples / samples in libxml2 and libz
# (3.74 means the run costs 3.74 times its XML parsing and inflating). On this shared
# machine the same build's wall and user times vary by a third from run to run, while the
# ratio varies by a few per cent: it compares builds whose outputs are identical, not
# machines. It needs perf (linux-perf) and a first run done (the job's outputs present).
set -euo pipefail
cd "$(dirname "$0")/.."
WORK="${1:-/tmp/tonghop-scale}"
ROUNDS="${2:-3}"
: "${BINS:?set BINS to the builds to compare}"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
for round in $(seq "$ROUNDS"); do
    i=0
    for bin in $BINS; do
        i=$((i + 1))
        perf record -q -o "$data/perf.data" -e cpu-clock -F 400 -g "$bin" run "$WORK/job.yaml" --quiet --force >/dev/null 2>&1 || true
        perf report -i "$data/perf.data" --no-children --sort dso --stdio -g none 2>/dev/null | grep -v '^#' |
            awk -v r="$round" -v b="$i" -v bin="$bin" '/%/ { gsub("%", "", $1); t += $1; if ($2 ~ /libxml2|libz\./) x += $1 }
                END { printf "round %d, build %d (%s): libxml2+zlib %.1f %% of samples, ratio %.2f\n", r, b, bin, x, t / x }'
    done
done
