#!/usr/bin/env python3
"""Generates the reader corpus: python3 scripts/corpus/generate.py OUTDIR [--seed N]
[--no-libreoffice]. Deterministic for a seed (the LibreOffice files up to the timestamps
LibreOffice writes in docProps). See README.md."""

import argparse
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import hand  # noqa: E402
import libs  # noqa: E402
import lo  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", help="output folder (created; existing .xlsx files in it are replaced)")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--no-libreoffice", action="store_true", help="skip the soffice-converted files")
    a = ap.parse_args()
    try:
        import openpyxl  # noqa: F401
        import xlsxwriter  # noqa: F401
    except ImportError as e:
        print(f"error: {e} (pip install openpyxl==3.1.5 xlsxwriter==3.3.1)", file=sys.stderr)
        return 2
    os.makedirs(a.out, exist_ok=True)
    for f in os.listdir(a.out):
        if f.endswith(".xlsx"):
            os.remove(os.path.join(a.out, f))
    t0 = time.monotonic()
    files = hand.producer_files(a.out, a.seed) + hand.edge_files(a.out, a.seed)
    files += libs.openpyxl_files(a.out, a.seed) + libs.xlsxwriter_files(a.out, a.seed)
    if not a.no_libreoffice:
        src = tempfile.mkdtemp(prefix="corpus-lo-src-")
        try:
            files += lo.convert(lo.sources(src, a.seed), a.out)
        finally:
            shutil.rmtree(src, ignore_errors=True)
    print(f"{len(files)} files in {a.out} ({time.monotonic() - t0:.1f} s)")


if __name__ == "__main__":
    sys.exit(main())
