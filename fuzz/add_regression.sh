#!/usr/bin/env bash
# fuzz/add_regression.sh ARTIFACT NAME: keeps a crashing input found by fuzz/run.sh as a
# regression fixture, Tests/XLSXTests/Hostile/regressions/NAME, which HostileFilesTests
# runs through `tonghop inspect` (for the zip and workbook targets, the input is a file;
# for the sheet target, the input minus its first byte is wrapped as sheet1.xml of the
# hostile corpus's base workbook).
set -euo pipefail
cd "$(dirname "$0")/.."
artifact=${1:?usage: fuzz/add_regression.sh ARTIFACT NAME [zip|sheet|workbook]}
name=${2:?usage: fuzz/add_regression.sh ARTIFACT NAME [zip|sheet|workbook]}
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
else
  cp "$artifact" "$dest/$name"
fi
echo "added $dest/$name"
