#!/usr/bin/env python3
"""Generate N Resolution 04 unit submissions for the scale benchmark (issue 6).

Usage (from the repository root):

    python3 Benchmarks/make_units.py OUT [-n 1000] [--seed S] [--scale F] [--workers W] [--two-periods]

    python3 Benchmarks/make_units.py /tmp/scale                 # 1,000 units
    swift build -c release
    time .build/release/tonghop run /tmp/scale/job.yaml         # the benchmark

OUT receives (an existing OUT/inbox is emptied of NQ04_*.xlsx first):

    OUT/inbox/NQ04_<CODE>_<PERIOD>.xlsx   one valid submission per unit (4 sheets, the layout of
                                          docs/ARCHITECTURE.md), written by XlsxWriter
    OUT/nq04/template.yaml                a copy of Jobs/nq04/template.yaml
    OUT/nq04/units.csv                    code,name,kind       (N units: D0001 ... )
    OUT/nq04/communes.csv                 unit,commune         (8-20 communes a unit, unique names)
    OUT/nq04/dan_toc.csv                  name
    OUT/job.yaml                          the job: inbox OUT/inbox, output OUT/out, units: all
    OUT/expected.json                     the province totals the run must show

Every file is meant to be accepted: the form adds up, the lists agree with it
(TB rows, TB_CO cells with >= 3 members, TB_TRANG villages with 0 members, KN
admissions, all >= 18 and inside the period), communes and villages are unique
across units and no person (name + birth date) is admitted in two units. The
content comes from the same generator as Samples/ (Samples/nq04_data.py and
Samples/nq04_layout.py), with per-unit figures drawn from a seeded
random.Random: the same command gives the same content. A unit has about
60-260 villages and 40-400 admissions (files of 15-60 KB, 28 MB for 1,000), the
size of a real district report; 1,000 units hold about 14,000 communes, 170,000
villages and 190,000 admissions, more than a national roll-up (about 700
districts, 10,000 communes). --scale multiplies the villages and admissions per
unit (--scale 0.25: small files, to measure per-file overhead; --scale 4: big
ones), keeping every file valid.

Speed: the unit data are drawn in one process (names and villages must be unique
across units), the files are written by --workers processes (default: the number
of cores). About 20-40 s for 1,000 units on 2 cores.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import os
import random
import shutil
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "Samples"))

import nq04_data as data  # noqa: E402
from nq04_layout import Office, workbook_spec, write_xlsxwriter  # noqa: E402

FONTS = [("Times New Roman", 12), ("Times New Roman", 13), ("Arial", 10), ("Calibri", 11)]
FILLS = ["D9E1F2", "DDEBF7", "E2EFDA", "FFF2CC", "EDEDED", "FCE4D6"]
SYL1 = ["Mường", "Nậm", "Na", "Pá", "Huổi", "Sín", "Tả", "Phìn", "Chiềng", "Thanh", "Xuân", "Hồng",
        "Tân", "Quảng", "Bình", "Phú", "Long", "An", "Yên", "Hòa", "Lũng", "Bản", "Ngọc", "Kim"]
SYL2 = ["Lay", "Tè", "Nhé", "Chà", "Pồn", "Lói", "Thàng", "Chải", "Hồ", "Sơn", "Hà", "Lâm", "Phong",
        "Thịnh", "Lợi", "Hưng", "Tiến", "Mỹ", "Lạc", "Đông", "Tây", "Nam", "Bắc", "Trung", "Khê", "Sáng"]


def unit_figures(rng: random.Random, code: str, name: str, tb: int, scale: float) -> data.UnitFigures:
    tb_chua = round(tb * rng.uniform(0.05, 0.35))
    trang = round(tb_chua * rng.uniform(0.0, 0.3))
    cleared = rng.randint(0, min(5, tb_chua - trang))
    new_cells = rng.randint(0, 3)
    dv = rng.randint(30, 130)
    dv_chua = round(dv * rng.uniform(0.1, 0.3))
    dv_chua_base = min(dv, dv_chua + rng.randint(0, 2))
    kn_ct = max(5, round(rng.randint(40, 400) * scale))
    kn = max(round(kn_ct * rng.uniform(0.7, 1.05)), 2 * cleared + 2 * new_cells + 1)
    return data.UnitFigures(code, name, "huyện", kn_ct, kn, dv, dv_chua_base, dv_chua, tb,
                            tb_chua + new_cells, tb_chua, trang + cleared, trang)


def plan_units(n: int, seed: str, scale: float = 1.0):
    """Figures, communes and content of every unit (one process: uniqueness across units)."""
    rng = random.Random(f"{seed}:units")
    mixes = list(data.ETHNIC_MIX.values())
    used_communes: set[str] = set()
    used_names: set[str] = set()
    used_people: set = set()
    units = []
    for i in range(1, n + 1):
        code = f"D{i:04d}"
        base = f"{rng.choice(SYL1)} {rng.choice(SYL2)}"
        name = f"Huyện ủy {base}" if base not in used_names else f"Huyện ủy {base} {i}"
        used_names.add(base)
        tb = max(12, round(rng.randint(60, 260) * scale))
        communes = []
        for k in range(min(rng.randint(8, 20), tb // 6)):
            prefix = "Thị trấn" if k == 0 and rng.random() < 0.7 else "Xã"
            c = f"{prefix} {rng.choice(SYL1)} {rng.choice(SYL2)}"
            if c in used_communes:
                c = f"{c} {code[1:]}-{k + 1}"
            used_communes.add(c)
            communes.append(c)
        data.COMMUNES[code] = communes
        data.ETHNIC_MIX[code] = rng.choice(mixes)
        fig = unit_figures(rng, code, name, tb, scale)
        # Village names repeat across units (communes are unique, so (commune, village) is not).
        unit = data.build_unit(fig, set(), used_people, seed=seed)
        office = Office(font=rng.choice(FONTS)[0], size=rng.choice(FONTS)[1], header_fill=rng.choice(FILLS),
                        period_as_text=rng.random() < 0.5, group_rows=rng.random() < 0.3,
                        formulas=rng.choice(["", "", "sums"]), author=f"Ban Tổ chức {name}")
        units.append((unit, office))
    return units


def write_one(args):
    unit, office, path = args
    write_xlsxwriter(workbook_spec(unit, office), office, path, f"NQ04 {unit.fig.code} {office.year}")
    return path


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", help="output folder (created)")
    ap.add_argument("-n", type=int, default=1000, help="number of units (default 1000)")
    ap.add_argument("--seed", default="tonghop-scale", help="random seed (a string)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="writer processes")
    ap.add_argument("--scale", type=float, default=1.0,
                    help="multiply villages and admissions per unit (default 1.0: a real district's size)")
    ap.add_argument("--two-periods", action="store_true",
                    help="also write 2015 (OUT/inbox-2015, OUT/job-2015.yaml) sharing the ledger with 2016")
    a = ap.parse_args()
    if a.n < 1 or a.n > 9999:
        sys.exit("make_units: -n must be 1..9999")
    try:
        import xlsxwriter  # noqa: F401
    except ImportError:
        sys.exit("make_units: XlsxWriter is needed (pip install xlsxwriter)")

    t0 = time.time()
    out = os.path.abspath(a.out)
    inbox = os.path.join(out, "inbox")
    ref = os.path.join(out, "nq04")
    os.makedirs(inbox, exist_ok=True)
    os.makedirs(ref, exist_ok=True)
    for f in os.listdir(inbox):
        if f.startswith("NQ04_") and f.endswith(".xlsx"):
            os.remove(os.path.join(inbox, f))

    if not 0.05 <= a.scale <= 20:
        sys.exit("make_units: --scale must be 0.05..20")
    units = plan_units(a.n, a.seed, a.scale)
    t1 = time.time()

    shutil.copyfile(os.path.join(ROOT, "Jobs", "nq04", "template.yaml"), os.path.join(ref, "template.yaml"))
    with open(os.path.join(ref, "units.csv"), "w", encoding="utf-8") as fh:
        fh.write("code,name,kind\n")
        for u, _ in units:
            fh.write(f"{u.fig.code},{u.fig.name},{u.fig.kind}\n")
    with open(os.path.join(ref, "communes.csv"), "w", encoding="utf-8") as fh:
        fh.write("unit,commune\n")
        for u, _ in units:
            for c in data.COMMUNES[u.fig.code]:
                fh.write(f"{u.fig.code},{c}\n")
    with open(os.path.join(ref, "dan_toc.csv"), "w", encoding="utf-8") as fh:
        fh.write("name\n" + "".join(f"{n}\n" for n in data.DAN_TOC))
    with open(os.path.join(out, "job.yaml"), "w", encoding="utf-8") as fh:
        fh.write(f"""# Scale benchmark: {a.n} generated units (Benchmarks/make_units.py, seed {a.seed!r}).
job: 1
name: nq04-scale
template: nq04/template.yaml
period: "2016"
inbox: inbox
output: out
rejected: out/rejected
ledger: out/ledger.sqlite
reports: {{ formats: [html, json], languages: [vi, en] }}
limits: {{ max_file_size_mb: 50, max_entry_size_mb: 256, max_entries: 1000, workers: 0 }}
units: all
""")
    totals: dict[str, list[int]] = {}
    from nq04_layout import indicator_values
    for u, _ in units:
        for code, (b, c) in indicator_values(u).items():
            t = totals.setdefault(code, [0, 0])
            t[0] += b or 0
            t[1] += c
    with open(os.path.join(out, "expected.json"), "w", encoding="utf-8") as fh:
        json.dump({"units": a.n, "seed": a.seed,
                   "communes": sum(len(data.COMMUNES[u.fig.code]) for u, _ in units),
                   "members": sum(len(u.members) for u, _ in units),
                   "villages": sum(len(u.villages) for u, _ in units),
                   "baseline": {k: v[0] for k, v in totals.items()},
                   "current": {k: v[1] for k, v in totals.items()}}, fh, ensure_ascii=False, indent=2)
        fh.write("\n")

    jobs = [(u, o, os.path.join(inbox, f"NQ04_{u.fig.code}_2016.xlsx")) for u, o in units]
    if a.two_periods:
        # 2015: the same units a year earlier (their 2015 figures are the 2016 baselines),
        # admissions 3-12% fewer than in 2016 (Samples/nq04_data.previous_year).
        inbox15 = os.path.join(out, "inbox-2015")
        os.makedirs(inbox15, exist_ok=True)
        for f in os.listdir(inbox15):
            if f.startswith("NQ04_") and f.endswith(".xlsx"):
                os.remove(os.path.join(inbox15, f))
        used = {(m.name, m.birth) for u, _ in units for m in u.members}
        rng = random.Random(f"{a.seed}:2015")
        for u, o in units:
            kn = (round(u.fig.kn_ct / rng.uniform(1.03, 1.12)), max(1, round(u.fig.kn / rng.uniform(1.03, 1.12))))
            prev = data.previous_year(u, used, seed=a.seed, kn=kn)
            o15 = Office(**{**o.__dict__, "year": 2015, "report_date": data.REPORT_DATE_2015})
            jobs.append((prev, o15, os.path.join(inbox15, f"NQ04_{u.fig.code}_2015.xlsx")))
        with open(os.path.join(out, "job-2015.yaml"), "w", encoding="utf-8") as fh:
            fh.write(f"""# Scale benchmark, the year before: {a.n} generated units (Benchmarks/make_units.py --two-periods).
job: 1
name: nq04-scale
template: nq04/template.yaml
period: "2015"
inbox: inbox-2015
output: out-2015
rejected: out-2015/rejected
ledger: out/ledger.sqlite
reports: {{ formats: [html, json], languages: [vi, en] }}
limits: {{ max_file_size_mb: 50, max_entry_size_mb: 256, max_entries: 1000, workers: 0 }}
units: all
""")
    if a.workers > 1:
        with multiprocessing.get_context("fork").Pool(a.workers) as pool:
            for _ in pool.imap_unordered(write_one, jobs, chunksize=8):
                pass
    else:
        for j in jobs:
            write_one(j)
    t2 = time.time()
    size = sum(os.path.getsize(j[2]) for j in jobs)
    print(f"make_units: {a.n} submissions ({size / 1e6:.1f} MB) in {inbox}; "
          f"planned in {t1 - t0:.1f} s, written in {t2 - t1:.1f} s; job: {os.path.join(out, 'job.yaml')}")


if __name__ == "__main__":
    main()
