#!/usr/bin/env python3
"""Make the Resolution 04 sample submissions and the reference lists.

    python3 Samples/make_samples.py            # from the repository root

Writes, deterministically (fixed seed, pinned document properties and ZIP times):
  Samples/2015/NQ04_<UNIT>_2015.xlsx the ten 2015 submissions of Điện Biên's units
  Samples/2016/NQ04_<UNIT>_2016.xlsx the ten 2016 submissions, and MCH's corrected
                                    NQ04_MCH_2016_v2.xlsx (its first file had KN 140)
  Samples/<year>/.receipts/*.json   when each entered the inbox (make_receipts.py):
                                    all on time but TGI's 2016 file, a day late
  Samples/invalid/*.xlsx            broken submissions, and invalid/expected.json
  Jobs/nq04/units.csv               code,name,kind
  Jobs/nq04/communes.csv            unit,commune
  Jobs/nq04/dan_toc.csv             name

Tools (none of them ours): openpyxl for most files; LibreOffice headless
(`soffice --convert-to xlsx`) rewrites three of them with its own XML; XlsxWriter
writes two. Without soffice or xlsxwriter the script stops with a message rather
than silently writing different files. See Samples/README.md.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

from nq04_data import (_add_years, COMMUNES, DAN_TOC, REPORT_DATE, REPORT_DATE_2015, UNITS,  # noqa: E402
                       build_all, build_previous, build_unit)
from nq04_layout import (DELETE_ROW, Office, pin_zip_timestamps, workbook_spec,  # noqa: E402
                         write_openpyxl, write_xlsxwriter)

# How each district office fills in its workbook, and with which program.
OFFICES: dict[str, tuple[str, Office]] = {
    "DBP": ("openpyxl", Office(font="Times New Roman", size=13, header_fill="DDEBF7", validations=True,
                               author="Ban Tổ chức Thành ủy Điện Biên Phủ")),
    "MLA": ("xlsxwriter", Office(font="Times New Roman", size=12, header_fill="FFF2CC", period_as_text=True,
                                 formulas="sums", author="Ban Tổ chức Thị ủy Mường Lay")),
    "DBI": ("openpyxl", Office(font="Arial", size=10, header_fill="E2EFDA", stt_roman=False,
                               author="Ban Tổ chức Huyện ủy Điện Biên")),
    "DBD": ("xlsxwriter", Office(font="Times New Roman", size=12, header_fill="D9D9D9", group_rows=True,
                                 formulas="sums", validations=True, author="Ban Tổ chức Huyện ủy Điện Biên Đông")),
    "MAN": ("openpyxl", Office(font="Times New Roman", size=12, header_fill="FCE4D6", period_as_text=True,
                               author="Ban Tổ chức Huyện ủy Mường Ảng")),
    "MCH": ("libreoffice", Office(font="Arial", size=11, header_fill="DDEBF7",
                                  author="Ban Tổ chức Huyện ủy Mường Chà")),
    "MNH": ("libreoffice", Office(font="Times New Roman", size=12, header_fill="C6E0B4", period_as_text=True,
                                  formulas="counts", validations=True, author="Ban Tổ chức Huyện ủy Mường Nhé")),
    "NPO": ("libreoffice", Office(font="Times New Roman", size=13, header_fill="D9E1F2", group_rows=True,
                                  formulas="sums", author="Ban Tổ chức Huyện ủy Nậm Pồ")),
    "TCH": ("openpyxl", Office(font="Calibri", size=11, header_fill="EDEDED", period_as_text=True,
                               author="Ban Tổ chức Huyện ủy Tủa Chùa")),
    "TGI": ("openpyxl", Office(font="Times New Roman", size=12, header_fill="DDEBF7", group_rows=True,
                               stt_roman=False, author="Ban Tổ chức Huyện ủy Tuần Giáo")),
}

SOFFICE_PROFILE = "file:///tmp/lo-samples"


def soffice_convert(paths: list[str], outdir: str):
    """Round-trip xlsx files through LibreOffice headless (it recomputes formulas and writes
    its own XML), then pin the ZIP entry times of its output."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        sys.exit("make_samples: soffice (LibreOffice) is needed for three of the samples")
    subprocess.run([exe, "--headless", f"-env:UserInstallation={SOFFICE_PROFILE}", "--convert-to", "xlsx",
                    "--outdir", outdir, *paths], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    for p in paths:
        out = os.path.join(outdir, os.path.basename(p))
        if not os.path.exists(out):
            sys.exit(f"make_samples: LibreOffice did not write {out}")
        pin_zip_timestamps(out)


def title_of(unit, year: int = 2016) -> str:
    return f"NQ04 {unit.fig.code} {year}"


def write_reference_lists():
    jobs = os.path.join(ROOT, "Jobs", "nq04")
    os.makedirs(jobs, exist_ok=True)
    with open(os.path.join(jobs, "units.csv"), "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["code", "name", "kind"])
        for f in UNITS:
            w.writerow([f.code, f.name, f.kind])
    with open(os.path.join(jobs, "communes.csv"), "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["unit", "commune"])
        for f in UNITS:
            for c in COMMUNES[f.code]:
                w.writerow([f.code, c])
    with open(os.path.join(jobs, "dan_toc.csv"), "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["name"])
        for n in DAN_TOC:
            w.writerow([n])


def office_of(code: str, year: int, report_date: dt.date) -> tuple[str, Office]:
    tool, office = OFFICES[code]
    return tool, dataclasses.replace(office, year=year, report_date=report_date)


def write_period(items, folder: str, year: int):
    """Write each (unit, office, tool, file name) of one period into `folder`, each with the
    program its office uses (LibreOffice ones in one batch)."""
    os.makedirs(folder, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="nq04-samples-")
    try:
        lo_inputs = []
        for u, office, tool, name in items:
            sheets = workbook_spec(u, office)
            if tool == "openpyxl":
                write_openpyxl(sheets, office, os.path.join(folder, name), title_of(u, year))
            elif tool == "xlsxwriter":
                try:
                    import xlsxwriter  # noqa: F401
                except ImportError:
                    sys.exit("make_samples: XlsxWriter is needed (pip install xlsxwriter)")
                write_xlsxwriter(sheets, office, os.path.join(folder, name), title_of(u, year))
            else:
                src = os.path.join(tmp, "in")
                os.makedirs(src, exist_ok=True)
                p = os.path.join(src, name)
                write_openpyxl(sheets, office, p, title_of(u, year))
                lo_inputs.append(p)
        if lo_inputs:
            out = os.path.join(tmp, "out")
            os.makedirs(out, exist_ok=True)
            soffice_convert(lo_inputs, out)
            for p in lo_inputs:
                shutil.copyfile(os.path.join(out, os.path.basename(p)), os.path.join(folder, os.path.basename(p)))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# MCH's first 2016 file, sent on 9 November and corrected on 14 November: it counted two
# members whose admission decisions were not yet signed (KN 140 and two rows fewer in
# `Kết nạp`). Valid on its own, so the job accepts it, then the corrected file replaces it
# and the change audit shows KN 140 -> 142.
FIRST_FILE_KN = {"MCH": 140}


def first_file(u):
    kn = FIRST_FILE_KN[u.fig.code]
    dropped = u.fig.kn - kn
    return dataclasses.replace(u, fig=dataclasses.replace(u.fig, kn=kn), members=u.members[:len(u.members) - dropped])


def write_samples(units, previous):
    """Samples/2015 (ten files) and Samples/2016 (ten units, MCH twice: a first file and
    the corrected NQ04_MCH_2016_v2.xlsx)."""
    items = []
    for u in previous:
        tool, office = office_of(u.fig.code, 2015, REPORT_DATE_2015)
        items.append((u, office, tool, f"NQ04_{u.fig.code}_2015.xlsx"))
    write_period(items, os.path.join(HERE, "2015"), 2015)
    items = []
    for u in units:
        tool, office = office_of(u.fig.code, 2016, REPORT_DATE)
        code = u.fig.code
        if code in FIRST_FILE_KN:
            items.append((first_file(u), office, tool, f"NQ04_{code}_2016.xlsx"))
            items.append((u, office, tool, f"NQ04_{code}_2016_v2.xlsx"))
        else:
            items.append((u, office, tool, f"NQ04_{code}_2016.xlsx"))
    write_period(items, os.path.join(HERE, "2016"), 2016)


# ---------------------------------------------------------------------------------------------
# Invalid submissions

def _row_of(sheets, code: str) -> int:
    ct = next(s for s in sheets if s.name == "Chỉ tiêu")
    return next(r for (r, c), (v, _) in ct.cells.items() if c == 1 and v == code)


def write_invalid(units):
    inv = os.path.join(HERE, "invalid")
    os.makedirs(inv, exist_ok=True)
    by = {u.fig.code: u for u in units}
    expected: dict[str, dict] = {}

    def emit(code, office, overrides, note, status, issues, drop_sheet=None, unit=None, name=None):
        u = unit or by[code]
        name = name or f"NQ04_{code}_2016.xlsx"
        sheets = workbook_spec(u, office, overrides)
        if drop_sheet:
            sheets = [s for s in sheets if s.name != drop_sheet]
        write_openpyxl(sheets, office, os.path.join(inv, name), title_of(u))
        expected[name] = {"case": note, "status": status, "unit": u.fig.code, "issues": issues}
        return name

    plain = Office(font="Times New Roman", size=12)

    # 1. A total that does not add up: DV_CO + DV_CHUA != DV (current column).
    sheets = workbook_spec(by["TCH"], plain)
    r_dv, r_co, r_chua = (_row_of(sheets, c) for c in ("DV", "DV_CO", "DV_CHUA"))
    tch = by["TCH"].fig
    emit("TCH", plain, {("Chỉ tiêu", f"F{r_chua}"): tch.dv_chua + 2},
         f"DV_CHUA typed as {tch.dv_chua + 2} instead of {tch.dv_chua}: "
         f"{tch.dv_co} + {tch.dv_chua + 2} != {tch.dv}", "rejected",
         [{"code": "nq04-dv-tong", "severity": "error",
           "at": [f"Chỉ tiêu!F{r_dv}", f"Chỉ tiêu!F{r_co}", f"Chỉ tiêu!F{r_chua}",
                  f"Chỉ tiêu!F{r_dv}:F{r_chua}", f"Chỉ tiêu!E{r_dv}:F{r_chua}"]}])

    # 2. The village list has one village fewer than the form says (TB).
    mch = by["MCH"]
    k = next(i for i, v in enumerate(mch.villages) if not v.has_cell and v.members > 0 and v.admissions == 0)
    sheets = workbook_spec(mch, plain)
    r_tb = _row_of(sheets, "TB")
    emit("MCH", plain, {("Thôn bản", f"A{4 + k}"): DELETE_ROW},
         f"village '{mch.villages[k].name}' ({mch.villages[k].commune}) left out of the list: "
         f"{mch.fig.tb - 1} rows for TB = {mch.fig.tb}", "rejected",
         [{"code": "nq04-ds-thon-tong", "severity": "error",
           "at": [f"Chỉ tiêu!F{r_tb}", "Thôn bản"]}])

    # 3. One village marked without a cell although the form counts it among TB_CO.
    dbd = by["DBD"]
    k = next(i for i, v in enumerate(dbd.villages) if v.has_cell and not v.new_cell and v.kind == "Bản")
    sheets = workbook_spec(dbd, plain)
    r_co = _row_of(sheets, "TB_CO")
    emit("DBD", plain, {("Thôn bản", f"E{4 + k}"): "Không"},
         f"'{dbd.villages[k].name}' marked 'Không' in column E: {dbd.fig.tb_co - 1} villages "
         f"with a cell for TB_CO = {dbd.fig.tb_co}", "rejected",
         [{"code": "nq04-ds-thon-chibo", "severity": "error",
           "at": [f"Chỉ tiêu!F{r_co}", f"Thôn bản!E{4 + k}", "Thôn bản"]}])

    # 4. A member admitted at 17.
    dbi = by["DBI"]
    k = len(dbi.members) // 3
    m = dbi.members[k]
    young = _add_years(m.admitted, -18) + dt.timedelta(days=45)
    r = 4 + k
    emit("DBI", plain, {("Kết nạp", f"C{r}"): young},
         f"{m.name}, born {young:%d/%m/%Y}, admitted {m.admitted:%d/%m/%Y} (17 years old)", "rejected",
         [{"code": "nq04-ketnap-18", "severity": "error",
           "at": [f"Kết nạp!H{r}", f"Kết nạp!C{r}", f"Kết nạp!C{r}:H{r}", f"Kết nạp!A{r}:I{r}"]}])

    # 5. Numbers typed as text: a warning; the value is read right, so the file is accepted.
    dbp = by["DBP"]
    sheets = workbook_spec(dbp, plain)
    r_kn = _row_of(sheets, "KN")
    k = next(i for i, v in enumerate(dbp.villages) if v.members >= 10)
    emit("DBP", plain, {("Chỉ tiêu", f"F{r_kn}"): str(dbp.fig.kn),
                        ("Thôn bản", f"F{4 + k}"): str(dbp.villages[k].members)},
         f"KN typed as the text '{dbp.fig.kn}' and one village's member count as the text "
         f"'{dbp.villages[k].members}': values read right, warnings only", "accepted-with-warnings",
         [{"code": "number-as-text", "severity": "warning", "at": [f"Chỉ tiêu!F{r_kn}"]},
          {"code": "number-as-text", "severity": "warning", "at": [f"Thôn bản!F{4 + k}"]}])

    # 6. Last year's report sent again: a coherent 2015 submission, named for 2015.
    fig = next(f for f in UNITS if f.code == "TGI")
    old = build_unit(fig, set(), set(), year=2015, report_date=dt.date(2015, 11, 17))
    office2015 = Office(font="Times New Roman", size=12, year=2015, report_date=dt.date(2015, 11, 17))
    emit("TGI", office2015, {}, "a coherent 2015 report (period 2015, dated 17/11/2015) sent for 2016",
         "rejected", [{"code": "wrong-period", "severity": "error", "at": ["Thông tin!B6"]}],
         unit=old, name="NQ04_TGI_2015.xlsx")

    # 7. The admissions sheet is missing.
    emit("NPO", plain, {}, "sheet 'Kết nạp' deleted", "rejected",
         [{"code": "missing-sheet", "severity": "error", "at": ["Kết nạp"]}], drop_sheet="Kết nạp")

    # 8. Not a workbook: a PDF export renamed to .xlsx.
    name = "NQ04_MLA_2016.xlsx"
    with open(os.path.join(inv, name), "wb") as fh:
        fh.write(_fake_pdf())
    expected[name] = {"case": "a PDF export renamed to .xlsx", "status": "unreadable", "unit": None,
                      "issues": [{"code": "unreadable-file", "severity": "error", "at": []}]}

    # 9. A download cut short: the first 60% of a valid workbook.
    man = by["MAN"]
    tmp = os.path.join(inv, ".full.xlsx")
    write_openpyxl(workbook_spec(man, plain), plain, tmp, title_of(man))
    data = open(tmp, "rb").read()
    os.remove(tmp)
    name = "NQ04_MAN_2016.xlsx"
    with open(os.path.join(inv, name), "wb") as fh:
        fh.write(data[: len(data) * 6 // 10])
    expected[name] = {"case": "an e-mail attachment cut short (first 60% of a valid file)",
                      "status": "unreadable", "unit": None,
                      "issues": [{"code": "unreadable-file", "severity": "error", "at": []}]}

    with open(os.path.join(inv, "expected.json"), "w", encoding="utf-8") as fh:
        json.dump({"_about": "file -> the report it must get: status, and issues it must contain "
                             "(code, severity, and where: any one of `at`, as 'Sheet!Cell', or a sheet name "
                             "alone: the issue's sheet, or for missing-sheet the sheet it expected; "
                             "empty `at` = no location). Other issues may appear too, but no other error.",
                   "files": dict(sorted(expected.items()))},
                  fh, ensure_ascii=False, indent=2, sort_keys=False)
        fh.write("\n")


def _fake_pdf() -> bytes:
    body = ("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
            "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Contents 4 0 R >>\nendobj\n"
            "4 0 obj\n<< /Length 58 >>\nstream\nBT /F1 14 Tf 72 520 Td (BAO CAO KET QUA NQ04) Tj ET\n"
            "endstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
    return body.encode("latin-1")


def main():
    units = build_all()
    previous = build_previous(units)
    write_reference_lists()
    write_samples(units, previous)
    write_invalid(units)
    import make_receipts  # after the files: a receipt names the final bytes' SHA-256
    make_receipts.main()
    print(f"make_samples: {len(previous)} submissions in {os.path.join(HERE, '2015')}, {len(units) + len(FIRST_FILE_KN)} "
          f"in {os.path.join(HERE, '2016')}, invalid ones in {os.path.join(HERE, 'invalid')}")


if __name__ == "__main__":
    main()
