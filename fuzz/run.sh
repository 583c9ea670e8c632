#!/usr/bin/env bash
# fuzz/run.sh TARGET SECONDS: runs one libFuzzer target (zip, sheet, workbook, package, or all) for
# SECONDS each, with address sanitizer, on one core.
#
#   fuzz/run.sh sheet 600          # ten minutes on the sheet parser
#   FUZZ_OPT=-Onone fuzz/run.sh all 20    # what CI runs (compiles faster)
#
# The growing corpus lives in fuzz/work/corpus/TARGET (gitignored), seeded each run from
# the committed fixtures (Tests/XLSXTests/Fixtures, the hostile corpus; for `sheet`, the
# worksheet parts inside them). A crash, leak or hang is written to
# fuzz/work/artifacts/TARGET/ and the script exits non-zero; turn it into a regression
# fixture with fuzz/add_regression.sh ARTIFACT NAME and fix the bug.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: fuzz/run.sh zip|sheet|workbook|package|all SECONDS}
seconds=${2:-60}
if [[ $target == all ]]; then
  status=0
  for t in zip sheet workbook package; do "$0" "$t" "$seconds" || status=1; done
  exit $status
fi
case $target in zip | sheet | workbook | package) ;; *) echo "unknown target: $target" >&2; exit 64 ;; esac

fuzz/build.sh
work=fuzz/work
seeds=$work/seeds/$target
mkdir -p "$seeds" "$work/corpus/$target" "$work/artifacts/$target"
python3 - "$target" "$seeds" <<'PY'
import glob, hashlib, os, sys, zipfile
target, out = sys.argv[1], sys.argv[2]
files = sorted(glob.glob("Tests/XLSXTests/Fixtures/**/*.xls[xm]", recursive=True)
               + glob.glob("Tests/XLSXTests/Hostile/corpus/*.xlsx")
               + glob.glob("Tests/XLSXTests/Hostile/regressions/*"))
def put(data):
    with open(os.path.join(out, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)
for path in files:
    data = open(path, "rb").read()
    if target in ("zip", "workbook"):
        if len(data) <= 64 * 1024:
            put(data)
        continue
    if target == "package":
        names = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                 "xl/sharedStrings.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]
        try:
            with zipfile.ZipFile(path) as z:
                have = {n.lower(): n for n in z.namelist()}
                parts = [z.read(have[n.lower()]) if n.lower() in have else b"" for n in names]
        except Exception:
            continue
        joined = b"\n--part--\n".join(parts)
        if len(joined) <= 64 * 1024:
            put(joined)
        continue
    try:
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if name.lower().startswith("xl/worksheets/") and name.endswith(".xml"):
                    part = z.read(name)
                    if len(part) <= 64 * 1024:
                        put(b"\x00" + part)
    except Exception:
        pass
PY
flags=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=3072 -max_len=65536 -print_final_stats=1
       -artifact_prefix="$work/artifacts/$target/")
[[ $target == sheet || $target == package ]] && flags+=(-dict=fuzz/sheet.dict)
echo "fuzz/run.sh: $target for ${seconds}s ($(ls "$seeds" | wc -l) seeds, $(ls "$work/corpus/$target" | wc -l) in corpus)" >&2
SWIFT_BACKTRACE=enable=no TONGHOP_FUZZ_TARGET=$target \
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1} \
  "$work/bin/xlsx-fuzz${FUZZ_OPT:--O}" "${flags[@]}" "$work/corpus/$target" "$seeds"
