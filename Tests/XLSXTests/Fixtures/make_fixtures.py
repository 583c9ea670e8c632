#!/usr/bin/env python3
"""Makes the reader's test fixtures with programs that are not ours.

    python3 Tests/XLSXTests/Fixtures/make_fixtures.py      # from the repository root

openpyxl and XlsxWriter write the .xlsx files; LibreOffice headless (soffice) converts
some of them so LibreOffice's own output is covered; edit_fixtures.py rewrites ZIP
containers for cases no writer produces (ZIP64, data descriptors, strict namespaces,
backslash names, relative targets, broken files). Output is deterministic where the
writers allow (fixed document dates).
"""
import datetime
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl
from openpyxl.styles import Font

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED = datetime.datetime(2016, 11, 17, 8, 0, 0)


def out(name):
    return os.path.join(HERE, name)


def save(wb, name):
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.save(out(name))


def basic_values():
    """Every plain value type, written by openpyxl (inline strings)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Values"
    ws.append(["text", "comma, quote \"x\"", 3, 0.5, 1e-07, True, False, -42])
    ws["A2"] = "Điện Biên"
    ws["B3"] = 1234567.25
    ws["C4"] = datetime.date(2016, 11, 17)
    ws["D4"] = datetime.datetime(2016, 5, 23, 14, 30, 15)
    ws["E4"] = datetime.time(8, 30, 0)
    ws["E4"].number_format = "hh:mm:ss"
    save(wb, "basic_values.xlsx")


def main():
    basic_values()
    print("fixtures written to", HERE)


if __name__ == "__main__":
    main()
