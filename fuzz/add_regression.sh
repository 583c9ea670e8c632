#!/usr/bin/env bash
# fuzz/add_regression.sh ARTIFACT NAME: keeps a crashing input found by fuzz/run.sh as a
# regression fixture, Tests/XLSXTests/Hostile/regressions/NAME, which HostileFilesTests
# runs through `tonghop inspect` (for the zip and workbook targets, the input is a file;
# for the sheet target, the input minus its first byte is wrapped as sheet1.xml of the
# hostile corpus's base workbook; for the package target, the parts are packed as a
# stored ZIP, as the target packs them).
set -euo pipefail
cd "$(dirname "$0")/.."
artifact=${1:?usage: fuzz/add_regression.sh ARTIFACT NAME [zip|sheet|workbook|package]}
name=${2:?usage: fuzz/add_regression.sh ARTIFACT NAME [zip|sheet|workbook|package]}
kind=${3:-workbook}
dest=Tests/XLSXTests/Hostile/regressions
mkdir -p "$dest"
if [[ $kind == sheet ]]; then
  python3 - "$artifact" "$dest/$name" <<'PY'
import sys, zipfile
sys.path.insert(0, "Tests/XLSXTests/Hostile")
import make_corpus as m
b = m.Base("Tests/XLSXTests/Hostile/corpus/valid_base.xlsx")
sheet = open(sys.argv[1], "rb").read()[1:]
open(sys.argv[2], "wb").write(b.zip(replace={m.SHEET1: sheet}))
PY
elif [[ $kind == package ]]; then
  python3 - "$artifact" "$dest/$name" <<'PY'
import sys, zipfile
names = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
         "xl/sharedStrings.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]
parts = open(sys.argv[1], "rb").read().split(b"\n--part--\n")
with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_STORED) as z:
    for n, p in zip(names, parts):
        if p:
            z.writestr(zipfile.ZipInfo(n, (1980, 1, 1, 0, 0, 0)), p)
PY
else
  cp "$artifact" "$dest/$name"
fi
echo "added $dest/$name"
