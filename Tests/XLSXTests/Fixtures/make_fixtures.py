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


def date_1904():
    """The 1904 date system (openpyxl writes workbookPr date1904)."""
    from openpyxl.utils.datetime import CALENDAR_MAC_1904
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Dates"
    ws["A1"] = datetime.date(2016, 11, 17)
    ws["A2"] = datetime.datetime(1904, 1, 2, 12, 0, 0)
    ws["A3"] = 5  # a plain number stays a number
    save(wb, "date_1904.xlsx")


def date_1900_leap_bug():
    """Serials around Excel's phantom 29 Feb 1900, written as numbers with a date format."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Leap"
    for i, serial in enumerate([1, 59, 60, 61, 42691], start=1):
        ws.cell(row=i, column=1, value=serial).number_format = "yyyy-mm-dd"
    save(wb, "date_1900_leap_bug.xlsx")


def custom_date_formats():
    """Built-in date ids and custom codes: dates, times, durations and look-alikes that are numbers."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Formats"
    rows = [
        ("dd/mm/yyyy", 42691, "date"),
        ("[$-42A]dd/mm/yyyy", 42691, "date"),
        ('d" tháng "m" năm "yyyy', 42691, "date"),
        ("yyyy-mm-dd hh:mm", 42691.5, "dateTime"),
        ("[h]:mm:ss", 1.5, "duration"),
        ("mm:ss", 0.01, "time"),
        ("h:mm AM/PM", 0.75, "time"),
        ("hh:mm:ss", 0.5, "time"),
        ('#,##0" ngày"', 12, "number"),
        ("#,##0;[Red]-#,##0", -5, "number"),
        ("0.00E+00", 12345, "number"),
        ('"d"0', 7, "number"),
        ("\\d0", 8, "number"),
        ("0_m", 9, "number"),
        ("General", 10, "number"),
        ("mm-dd-yy", 42691, "date"),           # built-in 14
        ("d-mmm-yy", 42691, "date"),           # built-in 15
        ("h:mm:ss", 0.25, "time"),             # built-in 21
        ("m/d/yy h:mm", 42691.25, "dateTime"), # built-in 22
    ]
    for i, (code, value, kind) in enumerate(rows, start=1):
        ws.cell(row=i, column=1, value=value).number_format = code
        ws.cell(row=i, column=2, value=kind)
        ws.cell(row=i, column=3, value=code)
    save(wb, "custom_date_formats.xlsx")


def hidden_sheets():
    """Sheet states in workbook order."""
    wb = openpyxl.Workbook()
    wb.active.title = "Visible"
    wb.active["A1"] = "v"
    h = wb.create_sheet("Hidden")
    h.sheet_state = "hidden"
    h["A1"] = "h"
    vh = wb.create_sheet("VeryHidden")
    vh.sheet_state = "veryHidden"
    vh["B2"] = "vh"
    wb.create_sheet("Empty")
    save(wb, "hidden_sheets.xlsx")


def merged_defined_names():
    """Merged ranges and workbook/sheet-local defined names (openpyxl)."""
    from openpyxl.workbook.defined_name import DefinedName
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu"
    ws["A1"] = "BÁO CÁO"
    ws.merge_cells("A1:G1")
    ws.merge_cells("B3:C4")
    ws["B3"] = 42
    wb.defined_names["Tong"] = DefinedName("Tong", attr_text="'Chỉ tiêu'!$E$5:$F$14")
    ws.defined_names["Rieng"] = DefinedName("Rieng", attr_text="'Chỉ tiêu'!$B$3")
    save(wb, "merged_defined_names.xlsx")


def xlsxwriter_book(name, build):
    import xlsxwriter
    wb = xlsxwriter.Workbook(out(name), {"strings_to_numbers": False})
    wb.set_properties({"created": FIXED})
    build(wb)
    wb.close()


def shared_strings_rich():
    """Shared strings: rich-text runs (XlsxWriter), leading/trailing spaces, a control character."""
    def build(wb):
        ws = wb.add_worksheet("Rich")
        bold = wb.add_format({"bold": True})
        red = wb.add_format({"color": "red"})
        ws.write_rich_string("A1", "Huyện ", bold, "Mường Nhé", red, " 2016")
        ws.write_string("A2", "  spaces kept  ")
        ws.write_string("A3", "tab\there")
        ws.write_string("A4", "line1\nline2")
        ws.write_string("A5", "ctl\x01x")
        ws.write_string("A6", "_x0041_ literal")
        ws.write_string("B1", "Huyện ")  # same text as a plain run: a separate shared string
    xlsxwriter_book("shared_strings_rich.xlsx", build)


def errors():
    """Error values kept as errors (XlsxWriter writes cached error results with t="e")."""
    def build(wb):
        ws = wb.add_worksheet("Errors")
        for i, e in enumerate(["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"]):
            ws.write_formula(i, 0, "=NA()", None, e)
    xlsxwriter_book("errors.xlsx", build)


def formulas():
    """Formulas with cached values of each type (XlsxWriter)."""
    def build(wb):
        ws = wb.add_worksheet("Formulas")
        ws.write_number("A1", 2)
        ws.write_number("A2", 3)
        ws.write_formula("A3", "=SUM(A1:A2)", None, 5)
        ws.write_formula("B1", '=IF(A1>1,"yes","no")', None, "yes")
        ws.write_formula("B2", "=A1>1", None, True)
        ws.write_formula("B3", "=A1*A2")  # no cached value: written as 0 by XlsxWriter
    xlsxwriter_book("formulas.xlsx", build)


def chartsheet():
    """A chartsheet between two worksheets: listed with its kind, never read as cells."""
    def build(wb):
        ws = wb.add_worksheet("Data")
        ws.write_column("A1", [1, 2, 3])
        cs = wb.add_chartsheet("Chart")
        chart = wb.add_chart({"type": "column"})
        chart.add_series({"values": "=Data!$A$1:$A$3"})
        cs.set_chart(chart)
        ws2 = wb.add_worksheet("After")
        ws2.write("A1", "after")
    xlsxwriter_book("chartsheet.xlsx", build)


def shared_strings_xlsxwriter():
    """A Resolution 04-like form written by XlsxWriter (shared strings, dates, merged title)."""
    def build(wb):
        ws = wb.add_worksheet("Thông tin")
        date = wb.add_format({"num_format": "dd/mm/yyyy"})
        ws.merge_range("A1:D1", "BÁO CÁO KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT SỐ 04-NQ/TU")
        ws.write("A3", "Mã biểu mẫu"); ws.write("B3", "NQ04")
        ws.write("A4", "Mã đơn vị"); ws.write("B4", "MNH")
        ws.write("A5", "Tên đơn vị"); ws.write("B5", "Huyện ủy Mường Nhé")
        ws.write("A6", "Kỳ báo cáo"); ws.write_number("B6", 2016)
        ws.write("A7", "Ngày báo cáo"); ws.write_datetime("B7", datetime.datetime(2016, 11, 17), date)
    xlsxwriter_book("shared_strings_xlsxwriter.xlsx", build)


def libreoffice(source, target):
    """Converts a fixture with LibreOffice headless (its own writer), if soffice exists."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("soffice not found: skipping", target)
        return
    with tempfile.TemporaryDirectory() as tmp:
        ext = target.rsplit(".", 1)[1]
        filt = {"xlsx": "xlsx:Calc MS Excel 2007 XML", "xls": "xls:MS Excel 97", "ods": "ods"}[ext]
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                        "--convert-to", filt, "--outdir", tmp, out(source)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        produced = os.path.join(tmp, source.rsplit(".", 1)[0] + "." + ext)
        shutil.move(produced, out(target))


def main():
    basic_values()
    date_1904()
    date_1900_leap_bug()
    custom_date_formats()
    hidden_sheets()
    merged_defined_names()
    shared_strings_rich()
    errors()
    formulas()
    chartsheet()
    shared_strings_xlsxwriter()
    libreoffice("shared_strings_xlsxwriter.xlsx", "shared_strings_libreoffice.xlsx")
    libreoffice("shared_strings_xlsxwriter.xlsx", "legacy_libreoffice.xls")
    libreoffice("shared_strings_xlsxwriter.xlsx", "opendocument_libreoffice.ods")
    subprocess.run([sys.executable, os.path.join(HERE, "edit_fixtures.py")], check=True)
    print("fixtures written to", HERE)


if __name__ == "__main__":
    main()
