#!/usr/bin/env python3
"""The independent check of the reader (issue 14): for every sheet of every .xlsx in a
folder, `tonghop inspect FILE --sheet NAME --format csv` against python-calamine and
openpyxl, cell by cell, typed, by the contract in docs/INSPECT-CSV.md.

    python3 scripts/corpus/check.py CORPUS_DIR [--tonghop .build/debug/tonghop]
        [--judged scripts/corpus/judged.tsv] [--classes] [--quiet]

A cell agrees when our text equals EITHER reference's value written by the contract
(numbers compared as numbers). Each difference prints as
`file sheet!A1: ours | calamine | openpyxl`. Differences that scripts/corpus/judged.tsv
excuses are counted apart. Exit status: 0 when every sheet equals a reference or is
judged; 1 on any unjudged difference, or when inspect refuses a file or a sheet that a
reference reads; 2 when the check itself cannot run.
"""

import argparse
import concurrent.futures
import csv
import datetime
import fnmatch
import io
import math
import os
import re
import subprocess
import sys
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ooxml import col_name  # noqa: E402  (one column-name function for the generator and the checker)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

NUMBER = re.compile(r"^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$|^-?inf$")
DATE = re.compile(r"^\d{4}-\d\d-\d\d$")
DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$")
TIME = re.compile(r"^\d\d:\d\d:\d\d$")
DURATION = re.compile(r"^-?\d{2,}:\d\d:\d\d$")
ERRORS = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!",
          "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#EXTERNAL!", "#PYTHON!"}


# The contract ---------------------------------------------------------------------------
def round_seconds(seconds, micro):
    """Whole seconds, half up."""
    return seconds + (1 if micro >= 500_000 else 0)


def text_of(v):
    """A reference's value written by the contract (docs/INSPECT-CSV.md); numbers stay
    numbers (compared numerically)."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, datetime.datetime):
        if v.microsecond >= 500_000:
            v = v.replace(microsecond=0) + datetime.timedelta(seconds=1)
        if (v.hour, v.minute, v.second) == (0, 0, 0):
            return f"{v.year:04d}-{v.month:02d}-{v.day:02d}"
        return f"{v.year:04d}-{v.month:02d}-{v.day:02d}T{v.hour:02d}:{v.minute:02d}:{v.second:02d}"
    if isinstance(v, datetime.date):
        return f"{v.year:04d}-{v.month:02d}-{v.day:02d}"
    if isinstance(v, datetime.time):
        s = round_seconds(v.hour * 3600 + v.minute * 60 + v.second, v.microsecond)
        return f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}"
    if isinstance(v, datetime.timedelta):
        neg = v < datetime.timedelta(0)
        v = abs(v)
        s = round_seconds(v.days * 86400 + v.seconds, v.microseconds)
        return f"{'-' if neg else ''}{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}"
    return str(v)


def kind_of(text):
    """The kind our CSV text has by the contract."""
    if text == "":
        return "empty"
    if text in ("TRUE", "FALSE"):
        return "bool"
    if text in ERRORS:
        return "error"
    if NUMBER.match(text):
        return "number"
    if DATE.match(text):
        return "date"
    if DATETIME.match(text):
        return "datetime"
    if TIME.match(text):
        return "time"
    if DURATION.match(text):
        return "duration"
    return "text"


def ref_kind(v):
    if isinstance(v, float):
        return "number"
    if v == "":
        return "empty"
    return kind_of(v) if isinstance(v, str) else "?"


def agrees(ours, ref):
    """Our CSV text against one reference's contract text (MISSING when it could not read)."""
    if ref is MISSING:
        return False
    if isinstance(ref, float):
        if not NUMBER.match(ours):
            return False
        x = float(ours)
        return x == ref or (math.isnan(x) and math.isnan(ref))
    return ours == ref


class _Missing:
    def __repr__(self):
        return "<unread>"


MISSING = _Missing()


def show(ref):
    if ref is MISSING:
        return "<unread>"
    if isinstance(ref, float):
        if ref == int(ref) if math.isfinite(ref) else False:
            return repr(ref)
        return repr(ref)
    return repr(ref) if ref == "" or ref != ref.strip() or "\n" in ref else ref


# Readers --------------------------------------------------------------------------------
def read_calamine(path):
    """{sheet name: {(r, c): contract text}} or an error string."""
    import python_calamine as pc
    try:
        wb = pc.CalamineWorkbook.from_path(path)
        meta = {m.name: str(m.typ) for m in wb.sheets_metadata}
        out = {}
        for name in wb.sheet_names:
            if "WorkSheet" not in meta.get(name, "WorkSheet"):
                continue
            try:
                rows = wb.get_sheet_by_name(name).to_python(skip_empty_area=False)
            except Exception as e:  # one unreadable sheet
                out[name] = f"error: {type(e).__name__}: {e}"
                continue
            cells = {}
            for r, row in enumerate(rows):
                for c, v in enumerate(row):
                    t = text_of(v)
                    if t != "":
                        cells[(r, c)] = t
            out[name] = cells
        states = {"Visible": "visible", "Hidden": "hidden", "VeryHidden": "veryHidden"}
        listed = [(m.name, states.get(str(m.visible).split(".")[-1], str(m.visible))) for m in wb.sheets_metadata]
        return out, listed
    except Exception as e:
        return f"error: {type(e).__name__}: {e}", None


def read_openpyxl(path):
    import openpyxl
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(path, data_only=True)
        out = {}
        for ws in wb.worksheets:
            cells = {}
            for (r, c), cell in ws._cells.items():
                t = text_of(cell.value)
                if t != "":
                    cells[(r - 1, c - 1)] = t
            out[ws.title] = cells
        return out, [(n, wb[n].sheet_state) for n in wb.sheetnames]
    except Exception as e:
        return f"error: {type(e).__name__}: {e}", None


def run(args, timeout=120):
    try:
        r = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
        return r.returncode, r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return -1, "", "timeout"


def ours_sheets(tonghop, path):
    rc, out, err = run([tonghop, "inspect", path, "--sheets"])
    if rc != 0:
        return None, err.strip().splitlines()[-1] if err.strip() else f"exit {rc}"
    rows = [line.split("\t") for line in out.splitlines() if line]
    return rows, None


def ours_sheet(tonghop, path, name):
    rc, out, err = run([tonghop, "inspect", path, "--sheet", name, "--format", "csv"])
    if rc != 0:
        return None, err.strip().splitlines()[-1] if err.strip() else f"exit {rc}"
    # An empty line is one empty field (a one-column sheet's empty row).
    rows = [row or [""] for row in csv.reader(io.StringIO(out, newline=""))]
    return rows, None


# Judged differences ---------------------------------------------------------------------
def load_judged(path):
    out = []
    if not path or not os.path.exists(path):
        return out
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 6:
                raise SystemExit(f"error: {path}:{n}: want 6 tab-separated fields "
                                 "(file, sheet, cell, ours, why, source), got {len(parts)}")
            out.append(parts[:6])
    return out


USED = set()  # indices of the judged lines that excused something (in this process)


def judged(rules, fname, sheet, cell, ours):
    for k, (f, s, c, o, _, _) in enumerate(rules):
        if fnmatch.fnmatchcase(fname, f) and fnmatch.fnmatchcase(sheet, s) and fnmatch.fnmatchcase(cell, c) \
                and fnmatch.fnmatchcase(ours, o):
            USED.add(k)
            return True
    return False


# The check of one file --------------------------------------------------------------------
def check_file(path, tonghop, rules):
    """Returns (sheet results, notes): each result (sheet, status, [difference lines], [classes])."""
    fname = os.path.basename(path)
    cal, cal_names = read_calamine(path)
    opx, opx_names = read_openpyxl(path)
    results = []
    if isinstance(cal, str) and isinstance(opx, str):
        return [("*", "unreadable-by-references", [f"{fname}: calamine {cal}; openpyxl {opx}"], [])]
    listed, err = ours_sheets(tonghop, path)
    if listed is None:
        # Reported once for the file; each sheet is still tried on its own below.
        line = f"{fname} *: ours refuses the file (--sheets): {err} | calamine {'reads' if not isinstance(cal, str) else cal} | openpyxl {'reads' if not isinstance(opx, str) else opx}"
        results.append(("(sheet list)", "differs", [line], ["refused file: " + normalise(err)]))
    # The sheet list: names and states (visible/hidden/veryHidden) in order, as either
    # reference lists them.
    our_names = [(row[1], row[2]) if len(row) > 2 else (row[-1], "?") for row in listed] if listed else None
    fmt = lambda names: "<unread>" if names is None else "[" + ", ".join(
        n if st == "visible" else f"{n} ({st})" for n, st in names) + "]"
    if listed is not None and our_names != cal_names and our_names != opx_names \
            and not judged(rules, fname, "(sheet list)", "*", fmt(our_names)):
        results.append(("(sheet list)", "differs",
                        [f"{fname} (sheet list): {fmt(our_names)} | {fmt(cal_names)} | {fmt(opx_names)}"],
                        ["sheet list"]))
    names = []
    for source in (cal if not isinstance(cal, str) else {}, opx if not isinstance(opx, str) else {}):
        for n in source:
            if n not in names:
                names.append(n)
    for name in names:
        c = cal.get(name, MISSING) if not isinstance(cal, str) else MISSING
        o = opx.get(name, MISSING) if not isinstance(opx, str) else MISSING
        if isinstance(c, str):
            c = MISSING
        if isinstance(o, str):
            o = MISSING
        if c is MISSING and o is MISSING:
            continue
        rows, err = ours_sheet(tonghop, path, name)
        if rows is None:
            results.append((name, "refused", [f"{fname} {name}: ours refuses the sheet: {err}"],
                            ["refused sheet: " + normalise(err)]))
            continue
        diffs, classes, excused = [], [], 0
        ours = {}
        width = len(rows[0]) if rows else 0
        for r, row in enumerate(rows):
            if len(row) != width:
                diffs.append(f"{fname} {name}!row {r + 1}: {len(row)} fields, row 1 has {width} (CSV not rectangular)")
                classes.append("extent: ragged rows")
            for k, v in enumerate(row):
                if v != "":
                    ours[(r, k)] = v
        if rows and (all(v == "" for v in rows[-1]) or all(len(row) < width or row[width - 1] == "" for row in rows)):
            diffs.append(f"{fname} {name}: CSV extent {width}x{len(rows)} is larger than the last non-empty cell")
            classes.append("extent: not tight")
        keys = set(ours)
        for ref in (c, o):
            if ref is not MISSING:
                keys |= set(ref)
        for key in sorted(keys):
            mine = ours.get(key, "")
            cv = c.get(key, "") if c is not MISSING else MISSING
            ov = o.get(key, "") if o is not MISSING else MISSING
            if agrees(mine, cv) or agrees(mine, ov):
                continue
            cell = f"{col_name(key[1])}{key[0] + 1}"
            if judged(rules, fname, name, cell, mine):
                excused += 1
                continue
            diffs.append(f"{fname} {name}!{cell}: {show(mine)} | {show(cv)} | {show(ov)}")
            classes.append(f"{kind_of(mine)} | {ref_kind(cv) if cv is not MISSING else '-'} | "
                           f"{ref_kind(ov) if ov is not MISSING else '-'}")
        status = "differs" if diffs else ("judged" if excused else "equal")
        results.append((name, status, diffs, classes))
    results.append(("(judged used)", "info", [], sorted(USED)))
    return results


def normalise(err):
    err = re.sub(r"^error: [^:]*: ", "", err)
    return re.sub(r"'[^']*'|\d+", "N", err)[:120]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("--tonghop", default=os.path.join(ROOT, ".build/debug/tonghop"))
    ap.add_argument("--judged", default=os.path.join(HERE, "judged.tsv"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--classes", action="store_true", help="print differences grouped by class, one example each")
    ap.add_argument("--quiet", action="store_true", help="print the summary only")
    a = ap.parse_args()
    if not os.access(a.tonghop, os.X_OK):
        print(f"error: {a.tonghop}: not an executable (run swift build)", file=sys.stderr)
        return 2
    try:
        import openpyxl  # noqa: F401
        import python_calamine  # noqa: F401
    except ImportError as e:
        print(f"error: {e} (pip install python-calamine==0.9.1 openpyxl==3.1.5)", file=sys.stderr)
        return 2
    from importlib.metadata import version
    pinned = {"python-calamine": "0.9.1", "openpyxl": "3.1.5"}
    for pkg, want in pinned.items():
        if version(pkg) != want:
            print(f"warning: {pkg} {version(pkg)} is not the pinned {want}: differences may not be the reader's",
                  file=sys.stderr)
    rules = load_judged(a.judged)
    files = sorted(os.path.join(a.corpus, f) for f in os.listdir(a.corpus) if f.endswith((".xlsx", ".xlsm")))
    if not files:
        print(f"error: {a.corpus}: no .xlsx files", file=sys.stderr)
        return 2
    with concurrent.futures.ProcessPoolExecutor(max_workers=max(1, a.jobs)) as pool:
        all_results = list(pool.map(check_file, files, [a.tonghop] * len(files), [rules] * len(files)))
    counts = {"equal": 0, "judged": 0, "differs": 0, "refused": 0, "unreadable-by-references": 0}
    classes = {}
    used = set()
    for path, results in zip(files, all_results):
        for sheet, status, diffs, cls in results:
            if sheet == "(judged used)":
                used |= set(cls)
                continue
            if sheet == "(sheet list)":
                counts["differs"] += 0
            else:
                counts[status] += 1
            for d, k in zip(diffs, cls or [None] * len(diffs)):
                if not a.quiet and not a.classes:
                    print(d)
                if k is not None:
                    classes.setdefault(k, [0, d])[0] += 1
            if status == "unreadable-by-references" and not a.quiet and not a.classes:
                print(diffs[0])
    list_diffs = sum(1 for rs in all_results for s, st, _, _ in rs if s == "(sheet list)")
    for k, rule in enumerate(rules):
        if k not in used:
            print(f"note: judged.tsv line for {rule[0]} {rule[1]}!{rule[2]} = {rule[3]} excused nothing here")
    if a.classes:
        for k, (n, example) in sorted(classes.items(), key=lambda x: -x[1][0]):
            print(f"{n:5d}  {k}\n       e.g. {example}")
    total = counts["equal"] + counts["judged"] + counts["differs"] + counts["refused"]
    ok = counts["equal"] + counts["judged"]
    pct = 100.0 * ok / total if total else 0.0
    print(f"summary: {ok}/{total} sheets equal to a reference or judged ({pct:.1f}%): {counts['equal']} equal, "
          f"{counts['judged']} judged, {counts['differs']} differ, {counts['refused']} refused; "
          f"{list_diffs} files list their sheets differently or refuse to list them; {counts['unreadable-by-references']} files no "
          f"reference reads (skipped); {len(files)} files")
    return 0 if counts["differs"] == 0 and counts["refused"] == 0 and list_diffs == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
