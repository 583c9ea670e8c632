"""The Resolution 04 submission workbook as neutral sheet specs, and two writers.

`workbook_spec(unit, office)` lays out the four sheets of docs/ARCHITECTURE.md
("The Resolution 04 submission workbook") as plain data (cells with a style
key, merges, widths, validations); `write_openpyxl` and `write_xlsxwriter` turn
a spec into a file with that library. `office` holds the habits of the district
office that filled it in (font, colours, period typed as text or number, group
rows in `Chỉ tiêu`, formulas), so the ten files do not all look alike.

Both writers pin every varying byte they control: document properties are fixed
and the ZIP entries' timestamps are set to 1980-01-01 (`pin_zip_timestamps`).
"""

from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile
from dataclasses import dataclass, field

from nq04_data import REPORT_DATE, RESOLUTION_DATE, UnitData, nfc

TITLE = "BÁO CÁO KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT SỐ 04-NQ/TU"


@dataclass
class Formula:
    text: str  # without "="
    cached: float | int | str


@dataclass
class Office:
    """How one district office fills in its workbook."""
    font: str = "Times New Roman"
    size: float = 12
    header_fill: str = "D9E1F2"
    period_as_text: bool = False
    group_rows: bool = False          # section rows (no code in A) inside `Chỉ tiêu`
    formulas: str = ""                # "" / "sums" / "counts": only for tools that cache values
    author: str = "Văn phòng"
    validations: bool = False
    stt_roman: bool = False
    # A 2015 report (for the wrong-period invalid sample).
    year: int = 2016
    report_date: dt.date = REPORT_DATE


@dataclass
class Sheet:
    name: str
    cells: dict = field(default_factory=dict)      # (row, col) 1-based -> (value, style key)
    merges: list = field(default_factory=list)     # (r1, c1, r2, c2)
    widths: dict = field(default_factory=dict)     # col -> width
    heights: dict = field(default_factory=dict)    # row -> height
    freeze: tuple | None = None                    # (row, col) of the first unfrozen cell
    print_rows: str | None = None                  # "3:3"
    landscape: bool = True
    validations: list = field(default_factory=list)  # (first_row, col, last_row, [values])

    def put(self, r: int, c: int, value, style: str = "cell"):
        if isinstance(value, str):
            value = nfc(value)
        self.cells[(r, c)] = (value, style)


INDICATORS = [
    # code, label, unit, has baseline
    ("KN_CT", "Chỉ tiêu kết nạp đảng viên năm {year}", "đảng viên", False),
    ("KN", "Số đảng viên mới được kết nạp", "đảng viên", False),
    ("DV", "Tổng số đơn vị cơ sở", "đơn vị", True),
    ("DV_CO", "Đơn vị cơ sở đã có tổ chức cơ sở đảng", "đơn vị", True),
    ("DV_CHUA", "Đơn vị cơ sở chưa có tổ chức cơ sở đảng", "đơn vị", True),
    ("TB", "Tổng số thôn, bản, tổ dân phố", "thôn, bản", True),
    ("TB_CO", "Thôn, bản, tổ dân phố đã có chi bộ", "thôn, bản", True),
    ("TB_CHUA", "Thôn, bản, tổ dân phố chưa có chi bộ", "thôn, bản", True),
    ("TB_TRANG", "Thôn, bản chưa có đảng viên", "thôn, bản", True),
    ("TCCS_TSVM", "Tổ chức cơ sở đảng đạt \"trong sạch vững mạnh\"", "tổ chức", True),
]
GROUPS = {"KN_CT": ("I", "Công tác phát triển đảng viên"),
          "DV": ("II", "Tổ chức cơ sở đảng"),
          "TB": ("III", "Thôn, bản, tổ dân phố")}
STT = ["1", "2", "3", "3.1", "3.2", "4", "4.1", "4.2", "4.3", "5"]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def indicator_values(u: UnitData) -> dict[str, tuple]:
    f = u.fig
    return {
        "KN_CT": (None, f.kn_ct), "KN": (None, f.kn),
        "DV": (f.dv, f.dv), "DV_CO": (f.dv_co_base, f.dv_co), "DV_CHUA": (f.dv_chua_base, f.dv_chua),
        "TB": (f.tb, f.tb), "TB_CO": (f.tb_co_base, f.tb_co), "TB_CHUA": (f.tb_chua_base, f.tb_chua),
        "TB_TRANG": (f.trang_base, f.trang), "TCCS_TSVM": (u.tsvm_base, u.tsvm),
    }


def _vn_percent(x: float) -> str:
    return f"{x:.2f}".replace(".", ",") + "%"


def baseline_heading(year: int) -> str:
    """Column E's heading: the resolution's date in its own year; before it, the start of the
    year (the 2015 form compares with 1 January; the 2016 one with 23 May, when it was issued)."""
    if year == RESOLUTION_DATE.year:
        return f"Tại thời điểm ban hành Nghị quyết ({RESOLUTION_DATE.day}/{RESOLUTION_DATE.month}/{year})"
    return f"Đầu năm {year} (01/01/{year})"


def pinned_time(office: "Office") -> dt.datetime:
    """Document properties' time: the morning of the report date (fixed, for fixed bytes)."""
    return dt.datetime.combine(office.report_date, dt.time(8, 30))


def workbook_spec(u: UnitData, office: Office, overrides: dict | None = None) -> list[Sheet]:
    """The four sheets of one unit's submission. `overrides` maps (sheet, cell) -> value
    after layout (used by the invalid samples)."""
    f = u.fig
    year = office.year
    # --- Thông tin
    info = Sheet("Thông tin", landscape=False)
    info.put(1, 1, TITLE, "title")
    info.merges.append((1, 1, 1, 4))
    info.heights[1] = 30
    rows = [
        ("Mã biểu mẫu", "NQ04"), ("Mã đơn vị", f.code), ("Tên đơn vị", f.name),
        ("Kỳ báo cáo", str(year) if office.period_as_text else year),
        ("Ngày báo cáo", office.report_date), ("Người lập biểu", u.preparer), ("Điện thoại", u.phone),
    ]
    for k, (label, value) in enumerate(rows):
        r = 3 + k
        info.put(r, 1, label, "label")
        style = "value_date" if isinstance(value, dt.date) else "value"
        if label == "Kỳ báo cáo" and not isinstance(value, str):
            style = "value_int"
        info.put(r, 2, value, style)
    info.put(11, 1, "Ghi chú: số liệu tính đến ngày báo cáo; các danh sách kèm theo ở sheet Thôn bản và Kết nạp.", "note")
    info.widths.update({1: 22, 2: 36, 3: 14, 4: 14})

    # --- Chỉ tiêu
    ct = Sheet("Chỉ tiêu")
    ct.put(1, 1, "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NGHỊ QUYẾT SỐ 04-NQ/TU", "title")
    ct.merges.append((1, 1, 1, 7))
    ct.heights[1] = 30
    ct.put(2, 1, f"(Số liệu từ 01/01/{year} đến {office.report_date:%d/%m/%Y})", "subtitle")
    ct.merges.append((2, 1, 2, 7))
    heads = ["Mã chỉ tiêu", "STT", "Chỉ tiêu", "Đơn vị tính",
             baseline_heading(year), "Đến kỳ báo cáo", "Ghi chú"]
    for c, h in enumerate(heads, 1):
        ct.put(4, c, h, "header")
    ct.heights[4] = 48
    values = indicator_values(u)
    row_of: dict[str, int] = {}
    r = 5
    stt = 0
    for code, label, unit, has_base in INDICATORS:
        if office.group_rows and code in GROUPS:
            roman, title = GROUPS[code]
            ct.put(r, 1, None, "group")
            ct.put(r, 2, roman, "group_c")
            ct.put(r, 3, title, "group")
            for c in (4, 5, 6, 7):
                ct.put(r, c, None, "group")
            r += 1
        stt += 1
        row_of[code] = r
        r += 1
    nrows = r - 1
    for code, label, unit, has_base in INDICATORS:
        r = row_of[code]
        base, cur = values[code]
        n = list(row_of).index(code)
        ct.put(r, 1, code, "code")
        ct.put(r, 2, ROMAN[n] if office.stt_roman else STT[n], "center")
        ct.put(r, 3, label.format(year=year), "cell")
        ct.put(r, 4, unit, "center")
        ct.put(r, 5, base if has_base else None, "int")
        ct.put(r, 6, cur, "int")
        ct.put(r, 7, None, "cell")
    # Remarks a clerk would write.
    ct.put(row_of["KN"], 7, f"Đạt {_vn_percent(100 * f.kn / f.kn_ct)} chỉ tiêu", "cell")
    if f.cleared:
        ct.put(row_of["TB_TRANG"], 7, f"Xóa được {f.cleared} bản trắng đảng viên", "cell")
    if f.new_cells:
        ct.put(row_of["TB_CO"], 7, f"Thành lập mới {f.new_cells} chi bộ thôn, bản", "cell")
    # Formulas (only where the tool stores a computed value with them).
    last_tb = 3 + len(u.villages)
    last_kn = 3 + len(u.members)
    if office.formulas in ("sums", "counts"):
        for col, letter in ((5, "E"), (6, "F")):
            ct.cells[(row_of["DV"], col)] = (Formula(
                f"{letter}{row_of['DV_CO']}+{letter}{row_of['DV_CHUA']}", values["DV"][col - 5]), "int")
            ct.cells[(row_of["TB"], col)] = (Formula(
                f"{letter}{row_of['TB_CO']}+{letter}{row_of['TB_CHUA']}", values["TB"][col - 5]), "int")
    if office.formulas == "counts":
        ct.cells[(row_of["TB"], 6)] = (Formula(f"COUNTA('Thôn bản'!C4:C{last_tb})", f.tb), "int")
        ct.cells[(row_of["TB_CO"], 6)] = (Formula(f"COUNTIF('Thôn bản'!E4:E{last_tb},\"Có\")", f.tb_co), "int")
        ct.cells[(row_of["TB_CHUA"], 6)] = (Formula(f"F{row_of['TB']}-F{row_of['TB_CO']}", f.tb_chua), "int")
        ct.cells[(row_of["TB_TRANG"], 6)] = (Formula(f"COUNTIF('Thôn bản'!F4:F{last_tb},0)", f.trang), "int")
        ct.cells[(row_of["KN"], 6)] = (Formula(f"COUNTA('Kết nạp'!B4:B{last_kn})", f.kn), "int")
    # Signature block: the preparer under the labels (C), the committee under the notes (G);
    # nothing in the value columns E and F, which only indicator rows may use.
    sign = nrows + 2
    ct.put(sign, 7, f"Điện Biên, ngày {office.report_date.day} tháng {office.report_date.month} "
                    f"năm {office.report_date.year}", "sign_i")
    ct.put(sign + 1, 3, "NGƯỜI LẬP BIỂU", "sign")
    ct.put(sign + 1, 7, "T/M BAN THƯỜNG VỤ", "sign")
    ct.put(sign + 5, 3, u.preparer, "sign")
    ct.widths.update({1: 12, 2: 6, 3: 48, 4: 12, 5: 20, 6: 14, 7: 26})
    ct.freeze = (5, 1)
    ct.print_rows = "4:4"

    # --- Thôn bản
    tb = Sheet("Thôn bản")
    tb.put(1, 1, f"DANH SÁCH THÔN, BẢN, TỔ DÂN PHỐ - {f.name.upper()}", "title")
    tb.put(2, 1, f"(Tính đến ngày {office.report_date:%d/%m/%Y})", "subtitle")
    tb.merges.append((2, 1, 2, 7))
    tb.merges.append((1, 1, 1, 7))
    for c, h in enumerate(["STT", "Xã, phường, thị trấn", "Tên thôn, bản, tổ dân phố", "Loại",
                           "Có chi bộ", "Số đảng viên", "Ghi chú"], 1):
        tb.put(3, c, h, "header")
    tb.heights[3] = 32
    for k, v in enumerate(u.villages):
        r = 4 + k
        tb.put(r, 1, k + 1, "center")
        tb.put(r, 2, v.commune, "cell")
        tb.put(r, 3, v.name, "cell")
        tb.put(r, 4, v.kind, "center")
        tb.put(r, 5, "Có" if v.has_cell else "Không", "center")
        tb.put(r, 6, v.members, "int")
        tb.put(r, 7, v.note or None, "cell")
    tb.widths.update({1: 6, 2: 26, 3: 28, 4: 12, 5: 10, 6: 12, 7: 34})
    tb.freeze = (4, 1)
    tb.print_rows = "3:3"
    if office.validations:
        tb.validations.append((4, 5, last_tb, ["Có", "Không"]))
        tb.validations.append((4, 4, last_tb, ["Thôn", "Bản", "Tổ dân phố"]))

    # --- Kết nạp
    kn = Sheet("Kết nạp")
    kn.put(1, 1, f"DANH SÁCH ĐẢNG VIÊN MỚI ĐƯỢC KẾT NẠP NĂM {year} - {f.name.upper()}", "title")
    kn.merges.append((1, 1, 1, 9))
    for c, h in enumerate(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc",
                           "Xã, phường, thị trấn", "Thôn, bản, tổ dân phố", "Ngày kết nạp",
                           "Số quyết định"], 1):
        kn.put(3, c, h, "header")
    kn.heights[3] = 32
    for k, m in enumerate(u.members):
        r = 4 + k
        kn.put(r, 1, k + 1, "center")
        kn.put(r, 2, m.name, "cell")
        kn.put(r, 3, m.birth, "date")
        kn.put(r, 4, "Nữ" if m.female else "Nam", "center")
        kn.put(r, 5, m.ethnic, "cell")
        kn.put(r, 6, m.commune, "cell")
        kn.put(r, 7, m.village, "cell")
        kn.put(r, 8, m.admitted, "date")
        kn.put(r, 9, m.decision, "center")
    kn.widths.update({1: 6, 2: 26, 3: 12, 4: 9, 5: 10, 6: 24, 7: 26, 8: 13, 9: 14})
    kn.freeze = (4, 3)
    kn.print_rows = "3:3"
    if office.validations:
        kn.validations.append((4, 4, last_kn, ["Nam", "Nữ"]))

    sheets = [info, ct, tb, kn]
    for (sheet_name, ref), value in (overrides or {}).items():
        sheet = next(s for s in sheets if s.name == sheet_name)
        col = 0
        i = 0
        while ref[i].isalpha():
            col = col * 26 + ord(ref[i].upper()) - 64
            i += 1
        row = int(ref[i:])
        if value is DELETE_ROW:
            _delete_row(sheet, row)
            continue
        old_style = sheet.cells.get((row, col), (None, "cell"))[1]
        if isinstance(value, str) and old_style in ("int", "date", "value_int", "value_date"):
            old_style = "text_right"
        sheet.cells[(row, col)] = (nfc(value) if isinstance(value, str) else value, old_style)
    return sheets


class _DeleteRow:
    pass


DELETE_ROW = _DeleteRow()


def _delete_row(sheet: Sheet, row: int):
    """Remove a data row and shift those below up (renumbering STT in column A)."""
    new = {}
    for (r, c), v in sheet.cells.items():
        if r == row:
            continue
        if r > row:
            value, style = v
            if c == 1 and isinstance(value, int):
                value -= 1
            new[(r - 1, c)] = (value, style)
        else:
            new[(r, c)] = v
    sheet.cells = new
    sheet.validations = [(a, c, b - 1, vals) for a, c, b, vals in sheet.validations]


# ---------------------------------------------------------------------------------------------
# Writers

def _col_letter(c: int) -> str:
    s = ""
    while c:
        c, rem = divmod(c - 1, 26)
        s = chr(65 + rem) + s
    return s


def write_openpyxl(sheets: list[Sheet], office: Office, path: str, title: str):
    """Write with openpyxl (no formula is cached: use only with formulas == "" or before a
    LibreOffice round-trip, which computes them)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.writer.excel import ExcelWriter

    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    fn, sz = office.font, office.size

    def st(key):
        d = dict(font=Font(name=fn, size=sz), border=None, alignment=None, fill=None, fmt=None)
        if key == "title":
            d.update(font=Font(name=fn, size=sz + 2, bold=True),
                     alignment=Alignment(horizontal="center", vertical="center", wrap_text=True))
        elif key == "subtitle":
            d.update(font=Font(name=fn, size=sz, italic=True), alignment=Alignment(horizontal="center"))
        elif key == "header":
            d.update(font=Font(name=fn, size=sz, bold=True), border=box,
                     fill=PatternFill("solid", fgColor=office.header_fill),
                     alignment=Alignment(horizontal="center", vertical="center", wrap_text=True))
        elif key in ("group", "group_c"):
            d.update(font=Font(name=fn, size=sz, bold=True), border=box,
                     alignment=Alignment(horizontal="center" if key == "group_c" else None))
        elif key == "label":
            d.update(font=Font(name=fn, size=sz, bold=True))
        elif key in ("value", "value_int"):
            d.update(alignment=Alignment(horizontal="left"))
        elif key == "value_date":
            d.update(alignment=Alignment(horizontal="left"), fmt="dd/mm/yyyy")
        elif key == "note":
            d.update(font=Font(name=fn, size=sz - 1, italic=True))
        elif key in ("sign", "sign_i"):
            d.update(font=Font(name=fn, size=sz, bold=key == "sign", italic=key == "sign_i"),
                     alignment=Alignment(horizontal="center"))
        elif key == "code":
            d.update(border=box, font=Font(name=fn, size=sz - 1, color="595959"))
        elif key in ("center", "text_right"):
            d.update(border=box, alignment=Alignment(horizontal="center" if key == "center" else "right",
                                                     vertical="center"))
        elif key == "int":
            d.update(border=box, fmt="#,##0")
        elif key == "date":
            d.update(border=box, fmt="dd/mm/yyyy", alignment=Alignment(horizontal="center"))
        else:  # cell
            d.update(border=box, alignment=Alignment(vertical="center", wrap_text=True))
        return d

    wb = Workbook()
    wb.remove(wb.active)
    for s in sheets:
        ws = wb.create_sheet(s.name)
        for (r, c), (value, key) in sorted(s.cells.items()):
            cell = ws.cell(row=r, column=c)
            if isinstance(value, Formula):
                cell.value = "=" + value.text
            elif value is not None:
                cell.value = value
            d = st(key)
            cell.font = d["font"]
            if d["border"]:
                cell.border = d["border"]
            if d["alignment"]:
                cell.alignment = d["alignment"]
            if d["fill"]:
                cell.fill = d["fill"]
            if d["fmt"]:
                cell.number_format = d["fmt"]
        for r1, c1, r2, c2 in s.merges:
            ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
        for c, w in s.widths.items():
            ws.column_dimensions[_col_letter(c)].width = w
        for r, h in s.heights.items():
            ws.row_dimensions[r].height = h
        if s.freeze:
            ws.freeze_panes = ws.cell(row=s.freeze[0], column=s.freeze[1])
        if s.print_rows:
            ws.print_title_rows = s.print_rows
        ws.page_setup.paperSize = 9
        ws.page_setup.orientation = "landscape" if s.landscape else "portrait"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        for first, col, last, vals in s.validations:
            dv = DataValidation(type="list", formula1='"' + ",".join(vals) + '"', allow_blank=True)
            dv.error = "Chọn một giá trị trong danh sách"
            dv.errorTitle = "Giá trị không hợp lệ"
            ws.add_data_validation(dv)
            dv.add(f"{_col_letter(col)}{first}:{_col_letter(col)}{last}")
    wb.properties.creator = office.author
    wb.properties.lastModifiedBy = office.author
    wb.properties.title = title
    wb.properties.created = pinned_time(office)
    wb.properties.modified = pinned_time(office)
    # openpyxl's save_workbook stamps `modified` with the wall clock; write through its
    # ExcelWriter instead so the pinned time stays.
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(wb, archive).write_data()
    with open(path, "wb") as fh:
        fh.write(buf.getvalue())
    pin_zip_timestamps(path)


def write_xlsxwriter(sheets: list[Sheet], office: Office, path: str, title: str):
    """Write with XlsxWriter (formulas carry their computed value)."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(path, {"strings_to_numbers": False, "strings_to_formulas": False})
    wb.set_properties({"title": title, "author": office.author, "created": pinned_time(office),
                       "company": "Đảng bộ tỉnh Điện Biên"})
    base = {"font_name": office.font, "font_size": office.size}
    box = {"border": 1}
    formats = {
        "title": {**base, "bold": True, "font_size": office.size + 2, "align": "center", "valign": "vcenter",
                  "text_wrap": True},
        "subtitle": {**base, "italic": True, "align": "center"},
        "header": {**base, **box, "bold": True, "bg_color": "#" + office.header_fill, "align": "center",
                   "valign": "vcenter", "text_wrap": True},
        "group": {**base, **box, "bold": True},
        "group_c": {**base, **box, "bold": True, "align": "center"},
        "label": {**base, "bold": True},
        "value": {**base, "align": "left"},
        "value_int": {**base, "align": "left"},
        "value_date": {**base, "align": "left", "num_format": "dd/mm/yyyy"},
        "note": {**base, "italic": True, "font_size": office.size - 1},
        "sign": {**base, "bold": True, "align": "center"},
        "sign_i": {**base, "italic": True, "align": "center"},
        "code": {**base, **box, "font_color": "#595959", "font_size": office.size - 1},
        "center": {**base, **box, "align": "center", "valign": "vcenter"},
        "text_right": {**base, **box, "align": "right"},
        "int": {**base, **box, "num_format": "#,##0"},
        "date": {**base, **box, "num_format": "dd/mm/yyyy", "align": "center"},
        "cell": {**base, **box, "valign": "vcenter", "text_wrap": True},
    }
    fmt = {k: wb.add_format(v) for k, v in formats.items()}
    for s in sheets:
        ws = wb.add_worksheet(s.name)
        merged_first = {(r1, c1): (r1, c1, r2, c2) for r1, c1, r2, c2 in s.merges}
        merged_cells = {(r, c) for r1, c1, r2, c2 in s.merges for r in range(r1, r2 + 1)
                        for c in range(c1, c2 + 1)}
        for (r, c), (value, key) in sorted(s.cells.items()):
            f = fmt[key]
            if (r, c) in merged_first:
                r1, c1, r2, c2 = merged_first[(r, c)]
                ws.merge_range(r1 - 1, c1 - 1, r2 - 1, c2 - 1, value if value is not None else "", f)
                continue
            if (r, c) in merged_cells:
                continue
            if isinstance(value, Formula):
                ws.write_formula(r - 1, c - 1, "=" + value.text, f, value.cached)
            elif isinstance(value, dt.date):
                ws.write_datetime(r - 1, c - 1, dt.datetime(value.year, value.month, value.day), f)
            elif value is None:
                ws.write_blank(r - 1, c - 1, None, f)
            elif isinstance(value, str):
                ws.write_string(r - 1, c - 1, value, f)
            else:
                ws.write_number(r - 1, c - 1, value, f)
        for c, w in s.widths.items():
            ws.set_column(c - 1, c - 1, w)
        for r, h in s.heights.items():
            ws.set_row(r - 1, h)
        if s.freeze:
            ws.freeze_panes(s.freeze[0] - 1, s.freeze[1] - 1)
        if s.print_rows:
            a, b = s.print_rows.split(":")
            ws.repeat_rows(int(a) - 1, int(b) - 1)
        ws.set_paper(9)
        if s.landscape:
            ws.set_landscape()
        ws.fit_to_pages(1, 0)
        for first, col, last, vals in s.validations:
            ws.data_validation(first - 1, col - 1, last - 1, col - 1,
                               {"validate": "list", "source": vals,
                                "error_title": "Giá trị không hợp lệ",
                                "error_message": "Chọn một giá trị trong danh sách"})
    wb.close()
    pin_zip_timestamps(path)


def pin_zip_timestamps(path: str):
    """Set every entry's DOS date/time (local header and central directory) to 1980-01-01
    00:00 in place. Nothing else in the file changes."""
    data = bytearray(open(path, "rb").read())
    dos_time, dos_date = 0, (0 << 9) | (1 << 5) | 1
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        infos = z.infolist()
    for info in infos:
        off = info.header_offset
        assert data[off:off + 4] == b"PK\x03\x04"
        struct.pack_into("<HH", data, off + 10, dos_time, dos_date)
    # central directory
    eocd = data.rfind(b"PK\x05\x06")
    cd_size, cd_off = struct.unpack_from("<II", data, eocd + 12)
    p = cd_off
    while p < cd_off + cd_size:
        assert data[p:p + 4] == b"PK\x01\x02"
        struct.pack_into("<HH", data, p + 12, dos_time, dos_date)
        n, m, k = struct.unpack_from("<HHH", data, p + 28)
        p += 46 + n + m + k
    with open(path, "wb") as fh:
        fh.write(bytes(data))
