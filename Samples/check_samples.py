#!/usr/bin/env python3
"""Recompute the published Resolution 04 figures from the sample files, independently.

    python3 Samples/check_samples.py [-q]

Reads every Samples/2015/ and Samples/2016/ NQ04_*.xlsx (top level only: the jobs'
inboxes) with openpyxl, applies the Resolution 04 rules to each file, checks each file's
receipt (its bytes, on time or not), takes each unit's latest file as the job does, checks
the cross-unit rules and that 2016's baselines are 2015's figures, adds the 2016 units up
and compares with the figures the province published on 17 Nov 2016
(../shared/seed/FIGURES.md). Then checks that every file in Samples/invalid/ breaks
the rule(s) Samples/invalid/expected.json says it breaks, and no other error rule.

Independent of TongHop's Swift code and of the generator (make_samples.py): it
knows only the workbook layout of docs/ARCHITECTURE.md and the published counts.
Exit 0 when everything holds; 1 with one line per problem otherwise; 2 when it
cannot run (openpyxl missing).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import os
import sys
import zipfile

try:
    import openpyxl
except ImportError:  # pragma: no cover
    print("check_samples: openpyxl is not installed", file=sys.stderr)
    sys.exit(2)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
JOBS = os.path.join(ROOT, "Jobs", "nq04")

# Published (Điện Biên TV, 17/11/2016). Baselines as chosen in docs/ARCHITECTURE.md.
PUBLISHED_CURRENT = {"KN_CT": 2000, "KN": 1873, "DV": 821, "DV_CO": 638, "DV_CHUA": 183,
                     "TB": 1813, "TB_CO": 1417, "TB_CHUA": 396, "TB_TRANG": 71}
PUBLISHED_BASELINE = {"DV": 821, "DV_CO": 630, "DV_CHUA": 191, "TB": 1813, "TB_CO": 1405,
                      "TB_CHUA": 408, "TB_TRANG": 95}
PUBLISHED_MNH = {"KN_CT": (None, 154), "KN": (None, 112), "TB_TRANG": (38, 18)}
PUBLISHED_PERCENT = {("KN", "KN_CT"): "93.65", ("DV_CO", "DV"): "77.71", ("TB_CHUA", "TB"): "21.84"}
CODES = ["KN_CT", "KN", "DV", "DV_CO", "DV_CHUA", "TB", "TB_CO", "TB_CHUA", "TB_TRANG", "TCCS_TSVM"]
# The job files' deadlines (Jobs/nq04-<year>.yaml), in the province's time zone (+07:00).
ICT = dt.timezone(dt.timedelta(hours=7))
DEADLINES = {2015: dt.datetime(2015, 12, 15, 17, 0, tzinfo=ICT), 2016: dt.datetime(2016, 11, 15, 17, 0, tzinfo=ICT)}
# What the 2016 samples show besides the published figures (issue 16): the late unit, the
# unit whose corrected file replaces its first one, and the unit with the outlier.
LATE_2016 = {"TGI"}
RESUBMITTED_2016 = {"MCH": ("NQ04_MCH_2016.xlsx", "NQ04_MCH_2016_v2.xlsx")}
OUTLIER_2016 = {"DBD"}
# Figures whose baseline a 2016 form takes from the unit's accepted 2015 figure.
FROM_HISTORY = ["DV", "DV_CO", "DV_CHUA", "TB", "TB_CO", "TB_CHUA", "TB_TRANG", "TCCS_TSVM"]
SHEETS = ["Thông tin", "Chỉ tiêu", "Thôn bản", "Kết nạp"]


def read_csv(name):
    with open(os.path.join(JOBS, name), encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def as_date(v):
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    return None


def add_years(d: dt.date, n: int) -> dt.date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:
        return d.replace(year=d.year + n, day=28)


class Found:
    """Issues found in one file: (code, 'Sheet!Cell' or 'Sheet' or '')."""

    def __init__(self):
        self.items: list[tuple[str, str]] = []

    def add(self, code, where=""):
        self.items.append((code, where))

    def codes(self):
        return {c for c, _ in self.items}


def number(v, found: Found, where: str):
    """A cell's number; a number typed as text counts, with a number-as-text warning."""
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return v
    if isinstance(v, str) and v.strip():
        t = v.strip().replace(" ", "")
        if t.count(".") >= 1 and all(len(p) == 3 for p in t.split(".")[1:]):
            t = t.replace(".", "")  # Vietnamese thousands separator: "1.873"
        t = t.replace(",", ".")
        try:
            x = float(t)
        except ValueError:
            found.add("wrong-type", where)
            return None
        found.add("number-as-text", where)
        return int(x) if x.is_integer() else x
    return None


def check_file(path, units, communes, dan_toc, job_period=2016):
    """(unit code, figures {code: (baseline, current)}, villages, members, Found)."""
    found = Found()
    if not zipfile.is_zipfile(path):
        found.add("unreadable-file")
        return None, None, [], [], found
    try:
        wb = openpyxl.load_workbook(path, data_only=True)
    except Exception:  # noqa: BLE001 - any failure to open is an unreadable file
        found.add("unreadable-file")
        return None, None, [], [], found
    for s in SHEETS:
        if s not in wb.sheetnames:
            found.add("missing-sheet", s)
    info = wb["Thông tin"] if "Thông tin" in wb.sheetnames else None
    unit = None
    if info is not None:
        unit = info["B4"].value
        if unit not in units:
            found.add("unknown-unit", "Thông tin!B4")
        period = info["B6"].value
        if str(period).strip().removesuffix(".0") != str(job_period):
            found.add("wrong-period", "Thông tin!B6")
        if as_date(info["B7"].value) is None:
            found.add("wrong-type", "Thông tin!B7")
        if info["B3"].value != "NQ04":
            found.add("value-not-allowed", "Thông tin!B3")
        base = os.path.basename(path)
        if unit and not base.startswith(f"NQ04_{unit}_"):
            found.add("file-name-mismatch", "Thông tin!B4")
    report_date = as_date(info["B7"].value) if info is not None else None
    # Admission dates are checked against the period the file declares (a wrong period is
    # its own issue); fall back to the job's period.
    try:
        year = int(float(str(info["B6"].value).strip())) if info is not None else job_period
    except ValueError:
        year = job_period

    fig: dict[str, tuple] = {}
    ct_rows: dict[str, int] = {}
    if "Chỉ tiêu" in wb.sheetnames:
        ct = wb["Chỉ tiêu"]
        for row in ct.iter_rows(min_row=5):
            code = row[0].value
            if code in CODES:
                r = row[0].row
                ct_rows[code] = r
                fig[code] = (number(row[4].value, found, f"Chỉ tiêu!E{r}"),
                             number(row[5].value, found, f"Chỉ tiêu!F{r}"))
        for code in CODES:
            if code not in fig:
                found.add("missing-indicator", f"Chỉ tiêu!A:{code}")
        if len(fig) == len(CODES):
            g = lambda c, i: fig[c][i]  # noqa: E731
            for i, col in ((0, "E"), (1, "F")):
                if g("DV_CO", i) + g("DV_CHUA", i) != g("DV", i):
                    found.add("nq04-dv-tong", f"Chỉ tiêu!{col}{ct_rows['DV']}")
                if g("TB_CO", i) + g("TB_CHUA", i) != g("TB", i):
                    found.add("nq04-tb-tong", f"Chỉ tiêu!{col}{ct_rows['TB']}")
                if g("TB_TRANG", i) > g("TB_CHUA", i):
                    found.add("nq04-trang-le-chua", f"Chỉ tiêu!{col}{ct_rows['TB_TRANG']}")
                if g("TCCS_TSVM", i) > g("DV_CO", i):
                    found.add("nq04-tsvm-le-dvco", f"Chỉ tiêu!{col}{ct_rows['TCCS_TSVM']}")
            if g("KN", 1) < g("KN_CT", 1):
                found.add("nq04-kn-chi-tieu", f"Chỉ tiêu!F{ct_rows['KN']}")  # info

    my_communes = communes.get(unit, set())
    villages = []
    if "Thôn bản" in wb.sheetnames:
        ws = wb["Thôn bản"]
        for row in ws.iter_rows(min_row=4):
            if row[2].value is None and row[1].value is None:
                continue
            r = row[0].row
            commune, name, kind, cell = (row[i].value for i in (1, 2, 3, 4))
            members = number(row[5].value, found, f"Thôn bản!F{r}")
            if commune not in my_communes:
                found.add("value-not-allowed", f"Thôn bản!B{r}")
            if kind not in ("Thôn", "Bản", "Tổ dân phố"):
                found.add("value-not-allowed", f"Thôn bản!D{r}")
            if cell not in ("Có", "Không"):
                found.add("value-not-allowed", f"Thôn bản!E{r}")
            if not isinstance(members, int) or members < 0:
                found.add("out-of-range", f"Thôn bản!F{r}")
                members = 0
            if cell == "Có" and members < 3:
                found.add("nq04-chibo-3dv", f"Thôn bản!F{r}")  # warning
            villages.append((commune, name, kind, cell, members, r))
        keys = [(c, n) for c, n, *_ in villages]
        if len(set(keys)) != len(keys):
            found.add("duplicate-key", "Thôn bản")
        if "TB" in fig:
            if len(villages) != fig["TB"][1]:
                found.add("nq04-ds-thon-tong", f"Chỉ tiêu!F{ct_rows['TB']}")
            if sum(v[3] == "Có" for v in villages) != fig["TB_CO"][1]:
                found.add("nq04-ds-thon-chibo", f"Chỉ tiêu!F{ct_rows['TB_CO']}")
            if sum(v[4] == 0 for v in villages) != fig["TB_TRANG"][1]:
                found.add("nq04-ds-thon-trang", f"Chỉ tiêu!F{ct_rows['TB_TRANG']}")

    members = []
    if "Kết nạp" in wb.sheetnames:
        ws = wb["Kết nạp"]
        start = dt.date(year, 1, 1)
        village_keys = {(c, n) for c, n, *_ in villages}
        for row in ws.iter_rows(min_row=4):
            if row[1].value is None:
                continue
            r = row[0].row
            name, birth, sex, ethnic, commune, village, admitted, decision = (row[i].value for i in range(1, 9))
            birth, admitted = as_date(birth), as_date(admitted)
            if birth is None:
                found.add("wrong-type", f"Kết nạp!C{r}")
            if admitted is None:
                found.add("wrong-type", f"Kết nạp!H{r}")
            if sex not in ("Nam", "Nữ"):
                found.add("value-not-allowed", f"Kết nạp!D{r}")
            if ethnic not in dan_toc:
                found.add("value-not-allowed", f"Kết nạp!E{r}")
            if commune not in my_communes:
                found.add("value-not-allowed", f"Kết nạp!F{r}")
            if villages and (commune, village) not in village_keys:
                found.add("unknown-code", f"Kết nạp!G{r}")
            if not (isinstance(decision, str) and "-QĐ/" in decision):
                found.add("pattern-mismatch", f"Kết nạp!I{r}")
            if birth and admitted:
                if admitted < add_years(birth, 18):
                    found.add("nq04-ketnap-18", f"Kết nạp!H{r}")
                if not (start <= admitted <= (report_date or dt.date(job_period, 12, 31))) or admitted.year != year:
                    found.add("nq04-ketnap-trong-ky", f"Kết nạp!H{r}")
            members.append((name, birth, commune, village, r))
        if "KN" in fig and len(members) != fig["KN"][1]:
            found.add("nq04-ds-ketnap-tong", f"Chỉ tiêu!F{ct_rows['KN']}")
    return unit, fig, villages, members, found


WARNINGS = {"number-as-text", "nq04-chibo-3dv"}
INFOS = {"nq04-kn-chi-tieu"}


def pct(a, b):
    """Percent with two decimals, rounded half up (as a spreadsheet's 0.00% shows it)."""
    q = (a * 10000 * 2 + b) // (2 * b)
    return f"{q // 100}.{q % 100:02d}"


def main():
    quiet = "-q" in sys.argv
    problems: list[str] = []
    units = {r["code"]: r for r in read_csv("units.csv")}
    communes: dict[str, set] = {}
    for r in read_csv("communes.csv"):
        communes.setdefault(r["unit"], set()).add(r["commune"])
    dan_toc = {r["name"] for r in read_csv("dan_toc.csv")}
    if len(units) != 10:
        problems.append(f"units.csv: {len(units)} units, expected 10")
    all_communes = [c for r in read_csv("communes.csv") for c in [r["commune"]]]
    if len(all_communes) != len(set(all_communes)):
        problems.append("communes.csv: a commune is listed under two units")

    tables = {}
    for year in sorted(DEADLINES):
        tables[year] = check_period(year, units, communes, dan_toc, problems)
    table = tables[2016]
    problems += check_across_periods(tables[2015], table)

    # Totals against the published figures.
    total_cur = {c: sum(table[u][c][1] for u in table) for c in CODES}
    total_base = {c: sum(table[u][c][0] or 0 for u in table) for c in CODES}
    if len(table) == 10:
        for c, v in PUBLISHED_CURRENT.items():
            if total_cur[c] != v:
                problems.append(f"province {c}: {total_cur[c]}, published {v}")
        for c, v in PUBLISHED_BASELINE.items():
            if total_base[c] != v:
                problems.append(f"province {c} at the baseline: {total_base[c]}, chosen {v}")
        for (a, b), want in PUBLISHED_PERCENT.items():
            got = pct(total_cur[a], total_cur[b])
            if got != want:
                problems.append(f"province {a}/{b}: {got}%, published {want}%")
        if not (0.45 <= total_cur["TCCS_TSVM"] / total_cur["DV_CO"] <= 0.50):
            problems.append("province TCCS_TSVM is not 45-50% of DV_CO")
        mnh = table.get("MNH", {})
        for c, (b, v) in PUBLISHED_MNH.items():
            if mnh.get(c, (None, None))[1] != v or (b is not None and mnh[c][0] != b):
                problems.append(f"MNH {c}: {mnh.get(c)}, published {(b, v)}")

    problems += check_invalid(units, communes, dan_toc)

    if not quiet:
        print(f"{'unit':5}" + "".join(f"{c:>11}" for c in CODES))
        for u in sorted(table):
            print(f"{u:5}" + "".join(f"{_cell(table[u][c]):>11}" for c in CODES))
        print(f"{'total':5}" + "".join(f"{_cell((total_base[c] if c not in ('KN', 'KN_CT') else None, total_cur[c])):>11}"
                                      for c in CODES))
        if len(table) == 10:
            print(f"KN/KN_CT {pct(total_cur['KN'], total_cur['KN_CT'])}%  DV_CO/DV {pct(total_cur['DV_CO'], total_cur['DV'])}%"
                  f"  TB_CHUA/TB {pct(total_cur['TB_CHUA'], total_cur['TB'])}%"
                  f"  TSVM/DV_CO {pct(total_cur['TCCS_TSVM'], total_cur['DV_CO'])}%")
    for p in problems:
        print(f"error: {p}", file=sys.stderr)
    if problems:
        return 1
    if not quiet:
        print("check_samples: the samples reproduce the published figures")
    return 0


def receipts_of(year):
    """File name -> (received time, sha256) from Samples/<year>/.receipts/."""
    folder = os.path.join(HERE, str(year), ".receipts")
    out = {}
    for n in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        if n.endswith(".json"):
            with open(os.path.join(folder, n), encoding="utf-8") as fh:
                r = json.load(fh)
            out[r["file"]] = (dt.datetime.fromisoformat(r["received_at"]), r["sha256"])
    return out


def check_period(year, units, communes, dan_toc, problems):
    """Checks Samples/<year>/ file by file; returns {unit: figures} of each unit's latest file
    (by its receipt), as the job takes it."""
    folder = os.path.join(HERE, str(year))
    files = sorted(f for f in os.listdir(folder) if f.lower().endswith((".xlsx", ".xlsm")))
    expected_names = sorted([f"NQ04_{c}_{year}.xlsx" for c in units]
                            + ([v2 for _, v2 in RESUBMITTED_2016.values()] if year == 2016 else []))
    if files != expected_names:
        problems.append(f"Samples/{year}/: files {files}, expected {expected_names}")
    receipts = receipts_of(year)
    latest: dict[str, tuple] = {}
    table = {}
    people: dict[tuple, str] = {}
    claimed: dict[tuple, str] = {}
    ban_names: dict[str, str] = {}
    for f in files:
        path = os.path.join(folder, f)
        unit, fig, villages, members, found = check_file(path, units, communes, dan_toc, year)
        bad = [(c, w) for c, w in found.items if c not in INFOS]
        if bad:
            problems.append(f"{year}/{f}: " + "; ".join(f"{c} [{w}]" for c, w in bad[:8]))
        if unit is None or fig is None or len(fig) != len(CODES):
            continue
        if not f.startswith(f"NQ04_{unit}_{year}"):
            problems.append(f"{year}/{f}: unit {unit} does not match the file name")
        with open(path, "rb") as fh:
            sha = hashlib.sha256(fh.read()).hexdigest()
        if f not in receipts:
            problems.append(f"{year}/{f}: no receipt in .receipts/")
            continue
        when, want = receipts[f]
        if want != sha:
            problems.append(f"{year}/{f}: its receipt names other bytes (run make_receipts.py)")
        late = when > DEADLINES[year]
        if late != (year == 2016 and unit in LATE_2016):
            problems.append(f"{year}/{f}: received {when.isoformat()}, {'after' if late else 'before'} the deadline")
        if unit in latest and latest[unit][0] >= when:
            continue
        latest[unit] = (when, f, fig, villages, members)
    for unit, (when, f, fig, villages, members) in sorted(latest.items()):
        table[unit] = fig
        for name, birth, *_ in members:
            key = (name, birth)
            if key in people:
                problems.append(f"{year}/{f}: {name} ({birth}) admitted in {people[key]} too (duplicate-member)")
            people[key] = unit
        for commune, name, kind, *_ in villages:
            if (commune, name) in claimed:
                problems.append(f"{year}/{f}: {name}, {commune} claimed by {claimed[(commune, name)]} too")
            claimed[(commune, name)] = unit
            if kind == "Bản":
                if name in ban_names and ban_names[name] != f"{unit}/{commune}":
                    problems.append(f"{year}/{f}: {name} also in {ban_names[name]}")
                ban_names[name] = f"{unit}/{commune}"
        tsvm_b, tsvm = fig["TCCS_TSVM"]
        if not (0.45 <= tsvm / fig["DV_CO"][1] <= 0.50):
            problems.append(f"{year}/{f}: TCCS_TSVM {tsvm} is not 45-50% of DV_CO {fig['DV_CO'][1]}")
    if year == 2016:
        for unit, (first, second) in RESUBMITTED_2016.items():
            if latest.get(unit, (None, None))[1] != second:
                problems.append(f"2016: {unit}'s latest file is not {second}")
            a = check_file(os.path.join(folder, first), units, communes, dan_toc, year)[1] or {}
            b = check_file(os.path.join(folder, second), units, communes, dan_toc, year)[1] or {}
            changed = sorted(c for c in CODES if a.get(c) != b.get(c))
            if changed != ["KN"]:
                problems.append(f"2016: {first} and {second} differ in {changed}, expected KN alone")
    return table


def check_across_periods(t2015, t2016):
    """2016's baselines are the accepted 2015 figures; KN more than doubles only where the
    samples mean an outlier."""
    problems = []
    for unit in sorted(t2016):
        if unit not in t2015:
            continue
        for c in FROM_HISTORY:
            if t2016[unit][c][0] != t2015[unit][c][1]:
                problems.append(f"{unit} {c}: 2016 baseline {t2016[unit][c][0]}, 2015 figure {t2015[unit][c][1]}")
        doubled = t2016[unit]["KN"][1] > 2 * t2015[unit]["KN"][1]
        if doubled != (unit in OUTLIER_2016):
            problems.append(f"{unit} KN: {t2015[unit]['KN'][1]} in 2015, {t2016[unit]['KN'][1]} in 2016")
    return problems


def _cell(bc):
    b, c = bc
    return f"{c}" if b is None else f"{b}>{c}"


def check_invalid(units, communes, dan_toc):
    problems = []
    inv = os.path.join(HERE, "invalid")
    path = os.path.join(inv, "expected.json")
    if not os.path.exists(path):
        return ["Samples/invalid/expected.json is missing"]
    expected = json.load(open(path, encoding="utf-8"))["files"]
    present = sorted(f for f in os.listdir(inv) if f != "expected.json" and not f.startswith("."))
    if sorted(expected) != present:
        problems.append(f"invalid/: files {present} != expected.json {sorted(expected)}")
    for name, exp in expected.items():
        p = os.path.join(inv, name)
        if not os.path.exists(p):
            continue
        _, _, _, _, found = check_file(p, units, communes, dan_toc)
        errors = {c for c in found.codes() if c not in WARNINGS | INFOS}
        want = {i["code"] for i in exp["issues"]}
        for i in exp["issues"]:
            hits = [w for c, w in found.items if c == i["code"]]
            if not hits:
                problems.append(f"invalid/{name}: {i['code']} expected, not found (found {sorted(found.codes())})")
            elif i["at"] and not any(h in i["at"] or h.split("!")[0] in i["at"] for h in hits):
                problems.append(f"invalid/{name}: {i['code']} at {hits}, expected one of {i['at']}")
        extra = errors - want
        if extra:
            problems.append(f"invalid/{name}: errors {sorted(extra)} beyond the expected {sorted(want)}")
        status = "unreadable" if "unreadable-file" in errors else "rejected" if errors else \
            "accepted-with-warnings" if found.codes() & WARNINGS else "accepted"
        if status != exp["status"]:
            problems.append(f"invalid/{name}: status {status}, expected {exp['status']}")
    return problems


if __name__ == "__main__":
    sys.exit(main())
