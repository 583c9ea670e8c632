#!/usr/bin/env python3
"""Makes the fixtures that pin the reader-fidelity defects of issue 14, one file per defect,
each named after it. openpyxl and XlsxWriter write the workbooks; where no writer produces
a producer's habit on request (Open XML SDK's repeated rows, VBA module sheets, `&` in a part
name, numbers past the double range), the package is then edited here, in plain XML.

    python3 Tests/XLSXTests/Fixtures/make_fidelity_fixtures.py      # from the repository root

Sheets that check values hold, per row, the cell under test in column A and the text
`tonghop inspect --format csv` must print for it in column B (column C says why), so the
fixture carries its own expectations and a test compares them cell by cell.
"""
import datetime
import os
import zipfile

import openpyxl
import xlsxwriter
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED = datetime.datetime(2016, 11, 17, 8, 0, 0)
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def out(name):
    return os.path.join(HERE, name)


def save(wb, name):
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.save(out(name))


def edit(name, changes, rename=None, level=6):
    """Rewrites the package `name`: `changes` maps a part name to a function of its text."""
    with zipfile.ZipFile(out(name)) as z:
        parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(out(name), "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        for pname, data in parts:
            if pname in changes:
                data = changes[pname](data.decode("utf-8")).encode("utf-8")
            target = (rename or {}).get(pname, pname)
            info = zipfile.ZipInfo(target, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data, compresslevel=level)


def replace(old, new, count=1):
    def f(text):
        assert text.count(old) >= 1, old
        return text.replace(old, new, count)
    return f


def chain(*fs):
    def f(text):
        for g in fs:
            text = g(text)
        return text
    return f


def expectations(ws, rows):
    """Rows of (value, number format or None, expected CSV text, why)."""
    for i, (value, fmt, want, why) in enumerate(rows, start=1):
        c = ws.cell(row=i, column=1, value=value)
        if fmt:
            c.number_format = fmt
        ws.cell(row=i, column=2, value=want)
        ws.cell(row=i, column=3, value=why)


def attribute_ampersand():
    """Defect 1: `&` in attribute values (sheet names, defined names, a number format code,
    a relationship target). openpyxl writes `&amp;`; the second sheet's part is renamed to
    `sheet&2.xml` so the rels target and the content type carry `&amp;` too."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "A&B"
    ws["A1"] = "first"
    ws["A2"] = 3.5
    ws["A2"].number_format = '0.0" R&D"'
    other = wb.create_sheet("Q&A <1>")
    other["A1"] = "second"
    wb.defined_names["Cell_AB"] = openpyxl.workbook.defined_name.DefinedName(
        "Cell_AB", attr_text="'A&B'!$A$1")
    save(wb, "attribute_ampersand.xlsx")
    edit(
        "attribute_ampersand.xlsx",
        {
            "xl/_rels/workbook.xml.rels": replace("worksheets/sheet2.xml", "worksheets/sheet&amp;2.xml"),
            "[Content_Types].xml": replace("/xl/worksheets/sheet2.xml", "/xl/worksheets/sheet&amp;2.xml"),
        },
        rename={"xl/worksheets/sheet2.xml": "xl/worksheets/sheet&2.xml"})


def dates_value_decides():
    """Defect 2: the number format decides the kind, the value the text (1900 system)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Dates"
    half_second = 0.5 / 86400
    expectations(ws, [
        (45306.4375, "yyyy-mm-dd", "2024-01-15T10:30:00", "date-only format keeps the time"),
        (45306.4375, "mm-dd-yy", "2024-01-15T10:30:00", "built-in id 14 keeps the time"),
        (45306.4375, "h:mm", "2024-01-15T10:30:00", "time-only id 20 keeps the date"),
        (45306.4375, "mm:ss", "2024-01-15T10:30:00", "time-only id 45 keeps the date"),
        (0.5, "yyyy-mm-dd", "12:00:00", "serial in [0,1) under a date format is a time"),
        (0, "yyyy-mm-dd", "00:00:00", "serial 0 is no date (1900-01-00)"),
        (0.25, "h:mm", "06:00:00", "a time of day"),
        (45306, "yyyy-mm-dd hh:mm:ss", "2024-01-15", "a zero time prints the date alone"),
        (45306.4375 + half_second, "yyyy-mm-dd hh:mm:ss", "2024-01-15T10:30:01", "half a second rounds up"),
        (45306.99999999, "yyyy-mm-dd hh:mm:ss", "2024-01-16", "rounds up to the next midnight"),
        (60, "yyyy-mm-dd", "1900-02-29", "Excel's phantom day"),
        (61, "yyyy-mm-dd", "1900-03-01", "the day after"),
        (1.5, "[h]:mm:ss", "36:00:00", "a duration stays a duration"),
        (-1, "yyyy-mm-dd", "-1", "no day of the calendar: the number"),
    ])
    save(wb, "dates_value_decides.xlsx")


def dates_value_decides_1904():
    """Defect 2 in the 1904 system: serial 0 is 1904-01-01; times and durations unmoved."""
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Dates"
    expectations(ws, [
        (0, "yyyy-mm-dd", "1904-01-01", "1904 serial 0 is a real day"),
        (0.5, "yyyy-mm-dd", "1904-01-01T12:00:00", "and keeps its time"),
        (0.5, "h:mm", "12:00:00", "a time of day is no date"),
        (45306.4375 - 1462, "yyyy-mm-dd", "2024-01-15T10:30:00", "moved to the 1900 system"),
        (45306 - 1462, "yyyy-mm-dd hh:mm:ss", "2024-01-15", "a zero time prints the date alone"),
        (1.5, "[h]:mm:ss", "36:00:00", "a duration is not moved"),
    ])
    save(wb, "dates_value_decides_1904.xlsx")


def iso_dates_text():
    """Defect 2, `t="d"` cells (openpyxl `iso_dates=True` writes ISO text): printed from
    their calendar fields, seconds half up, the zero-time rule as for serials."""
    for name, epoch in (("iso_dates_text.xlsx", None), ("iso_dates_text_1904.xlsx", CALENDAR_MAC_1904)):
        wb = openpyxl.Workbook(iso_dates=True)
        if epoch:
            wb.epoch = epoch
        ws = wb.active
        ws.title = "ISO"
        dt = datetime.datetime
        expectations(ws, [
            (dt(2024, 1, 15, 10, 30, 0, 500000), "yyyy-mm-dd hh:mm:ss", "2024-01-15T10:30:01", ".500 rounds up"),
            (dt(2024, 1, 15, 10, 30, 0, 499000), "yyyy-mm-dd hh:mm:ss", "2024-01-15T10:30:00", ".499 rounds down"),
            (dt(2024, 1, 15, 23, 59, 59, 600000), "yyyy-mm-dd hh:mm:ss", "2024-01-16", "rounds up to midnight"),
            (dt(2024, 1, 15, 0, 0), "yyyy-mm-dd hh:mm:ss", "2024-01-15", "a zero time prints the date alone"),
            (datetime.date(1900, 1, 15), "yyyy-mm-dd", "1900-01-15", "before 1900-03-01: no shift"),
            (datetime.date(1900, 2, 28), "yyyy-mm-dd", "1900-02-28", "the day before the phantom day"),
            (datetime.date(1900, 3, 1), "yyyy-mm-dd", "1900-03-01", "the day after it"),
            (datetime.date(1899, 12, 31), "yyyy-mm-dd", "1899-12-31", "before the 1900 epoch"),
            (dt(1850, 6, 1, 8, 0), "yyyy-mm-dd hh:mm:ss", "1850-06-01T08:00:00", "long before it"),
            (datetime.time(10, 30), "h:mm", "10:30:00", "a time of day"),
        ])
        save(wb, name)


def numbers_large():
    """Defect 3: integral doubles up to 1e16 without `.0`, the shortest form beyond, and
    `<v>` past the double range read as infinity. openpyxl writes floats with 16 significant
    digits (so DBL_MAX itself comes out as 1.797693134862316e+308, past the range: the file
    the issue saw); the exact texts are edited in over placeholders."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Numbers"
    expectations(ws, [
        (2 ** 53, None, "9007199254740992", "2^53"),
        (2 ** 53 + 2, None, "9007199254740994", "2^53 + 2"),
        (9999999999999998.0, None, "9999999999999998", "largest below 1e16"),
        (1e16, None, "1e+16", "shortest form"),
        (5555.25, None, "1.2345678901234568e+17", "123456789012345678: nearest double, shortest form"),
        (4444.25, None, "0.30000000000000004", "shortest round trip"),
        (1e-07, None, "1e-07", "shortest round trip"),
        (7777.25, None, "inf", "1.797693134862316e+308 rounds past DBL_MAX"),
        (-7777.25, None, "-inf", "and its negative"),
        (6666.25, None, "1.7976931348623157e+308", "DBL_MAX itself"),
    ])
    save(wb, "numbers_large.xlsx")
    edit("numbers_large.xlsx", {
        "xl/worksheets/sheet1.xml": chain(
            replace("<v>-7777.25</v>", "<v>-1.797693134862316e+308</v>"),
            replace("<v>7777.25</v>", "<v>1.797693134862316e+308</v>"),
            replace("<v>6666.25</v>", "<v>1.7976931348623157e+308</v>"),
            replace("<v>5555.25</v>", "<v>123456789012345678</v>"),
            replace("<v>4444.25</v>", "<v>0.30000000000000004</v>")),
    })


def module_sheet_without_rid():
    """Defect 4a: a `<sheet>` with `r:id=""` (legacy VBA module sheet, veryHidden), as
    Excel keeps for Excel 5 modules; Excel opens the workbook."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws["A1"] = "data"
    after = wb.create_sheet("After")
    after["A1"] = 42
    save(wb, "module_sheet_without_rid.xlsx")
    edit("module_sheet_without_rid.xlsx", {
        "xl/workbook.xml": replace(
            f'<sheet xmlns:r="{REL}" name="After"',
            f'<sheet xmlns:r="{REL}" name="Module1" sheetId="99" state="veryHidden" r:id=""/>'
            f'<sheet xmlns:r="{REL}" name="After"'),
    })


def rows_repeated_and_out_of_order():
    """Defect 4b: repeated `<row r="N">` elements, one cell each (Open XML SDK writers),
    rows and cells out of order. The sheet part is written here."""
    wb = openpyxl.Workbook()
    wb.active.title = "Rows"
    wb.active["A1"] = "placeholder"
    save(wb, "rows_repeated_and_out_of_order.xlsx")
    rows = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>'
        '<row r="1"><c r="B1"><v>2</v></c></row>'
        '<row r="1"><c r="C1"><v>3</v></c></row>'
        '<row r="2"><c r="A2"><v>10</v></c></row>'
        '<row r="2"><c r="A2"><v>11</v></c></row>'
        '<row r="5"><c r="B5"><v>5</v></c><c r="A5"><v>4</v></c></row>'
        '<row r="3"><c r="A3"><v>30</v></c></row>'
        '<row r="5"><c r="C5"><v>6</v></c></row>'
    )
    sheet = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             f'<worksheet xmlns="{MAIN}"><sheetData>{rows}</sheetData></worksheet>')
    edit("rows_repeated_and_out_of_order.xlsx", {"xl/worksheets/sheet1.xml": lambda _: sheet})


def long_repeated_strings():
    """Defect 4c: a worksheet of long repeated strings deflates past 1:100 (the real file
    seen: 57 MB at 1:121); the old ratio guard (1:100 from 100 KB) refused it. Written by
    XlsxWriter with inline-free shared strings would compress the strings away, so the
    sheet part is written here with inline strings, deflated at level 9."""
    wb = openpyxl.Workbook()
    wb.active.title = "Long"
    save(wb, "long_repeated_strings.xlsx")
    text = ("Báo cáo tổng hợp số liệu thống kê của huyện Mường Nhé, tỉnh Điện Biên; " * 30)
    cells = []
    for r in range(1, 1001):
        strings = "".join(f'<c r="{col}{r}" t="inlineStr"><is><t>{text}</t></is></c>' for col in "ABCDEF")
        cells.append(f'<row r="{r}">{strings}<c r="G{r}"><v>{r}</v></c></row>')
    sheet = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             f'<worksheet xmlns="{MAIN}"><sheetData>{"".join(cells)}</sheetData></worksheet>')
    edit("long_repeated_strings.xlsx", {"xl/worksheets/sheet1.xml": lambda _: sheet}, level=9)


def text_whitespace_without_preserve():
    """Defect 5: `<t>` without `xml:space="preserve"` keeps its leading, trailing and
    whitespace-only text, as Excel shows it (docs/READER.md). XlsxWriter writes the shared
    strings; they are then replaced with runs lacking the attribute."""
    path = out("text_whitespace_without_preserve.xlsx")
    wb = xlsxwriter.Workbook(path)
    wb.set_properties({"created": FIXED})
    ws = wb.add_worksheet("Text")
    for i in range(5):
        ws.write_string(i, 0, f"S{i}")
    ws.write_number(0, 1, 1)
    wb.close()
    sst = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           f'<sst xmlns="{MAIN}" count="5" uniqueCount="5">'
           '<si><t>  lead and trail  </t></si>'
           '<si><t>   </t></si>'
           '<si><t>\ttab\n</t></si>'
           '<si><r><t>Huyện</t></r><r><t> Mường Nhé </t></r></si>'
           '<si><t xml:space="preserve">  kept  </t></si>'
           '</sst>')
    edit("text_whitespace_without_preserve.xlsx", {
        "xl/sharedStrings.xml": lambda _: sst,
        "xl/worksheets/sheet1.xml": replace('<c r="B1"><v>1</v></c>',
                                            '<c r="B1" t="inlineStr"><is><t>  inline  </t></is></c>'),
    })


def odd_cells_hand_edited():
    """Cells as hand edits and small writers leave them (found by the issue-14 corpus
    checker): <is> without t="inlineStr" (calamine reads the text), an inline string with a
    stray <v> (openpyxl keeps the <is> text), t="inlineStr" with only a <v> (both references
    give nothing), t="d" with a zone offset or without seconds (openpyxl: local time), white
    space around a shared-string index and a number."""
    wb = xlsxwriter.Workbook(out("odd_cells_hand_edited.xlsx"))  # XlsxWriter: a shared-string part
    wb.set_properties({"created": FIXED})
    wb.add_worksheet("Odd").write_string(0, 0, "shared")  # the string <v> 0 </v> points at
    wb.close()
    rows = (
        '<row r="1"><c r="A1"><is><t>x</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>inline</t></is><v>ignored</v></c></row>'
        '<row r="3"><c r="A3" t="inlineStr"><v>only v</v></c><c r="B3"><v>1</v></c></row>'
        '<row r="4"><c r="A4" t="d"><v>2024-01-15T10:30:00+07:00</v></c></row>'
        '<row r="5"><c r="A5" t="d"><v>2024-01-15T10:30</v></c></row>'
        '<row r="6"><c r="A6" t="s"><v> 0 </v></c><c r="B6"><v>  42 </v></c></row>'
    )
    sheet = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             f'<worksheet xmlns="{MAIN}"><sheetData>{rows}</sheetData></worksheet>')
    edit("odd_cells_hand_edited.xlsx", {"xl/worksheets/sheet1.xml": lambda _: sheet})


def main():
    attribute_ampersand()
    dates_value_decides()
    dates_value_decides_1904()
    iso_dates_text()
    numbers_large()
    module_sheet_without_rid()
    rows_repeated_and_out_of_order()
    long_repeated_strings()
    text_whitespace_without_preserve()
    odd_cells_hand_edited()


if __name__ == "__main__":
    main()
