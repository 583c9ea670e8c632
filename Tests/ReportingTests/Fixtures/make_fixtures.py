#!/usr/bin/env python3
"""Makes the Resolution 04 validation fixtures with openpyxl (not our writer).

Every fixture is the same small, consistent Mường Nhé 2016 submission (the figures of
Tests/ReportingTests/SubmissionBuilder.swift) with one thing changed, named after it.
Run from anywhere: python3 make_fixtures.py [OUTDIR]   (default: this folder)

It also fills in a blank form written by `tonghop blank`:
    python3 make_fixtures.py --fill BLANK.xlsx OUT.xlsx
"""
import datetime as dt
import os
import sys
import unicodedata

import openpyxl

D = dt.datetime

INFO = [("Mã biểu mẫu", "NQ04"), ("Mã đơn vị", "MNH"), ("Tên đơn vị", "Huyện ủy Mường Nhé"),
        ("Kỳ báo cáo", "2016"), ("Ngày báo cáo", D(2016, 11, 17)), ("Người lập biểu", "Lò Văn Minh"),
        ("Điện thoại", "0215 3831 234")]
FIGURES = [("KN_CT", None, 2), ("KN", None, 2), ("DV", 10, 10), ("DV_CO", 7, 8), ("DV_CHUA", 3, 2),
           ("TB", 5, 5), ("TB_CO", 2, 3), ("TB_CHUA", 3, 2), ("TB_TRANG", 2, 1), ("TCCS_TSVM", 4, 5)]
VILLAGES = [("Xã Mường Nhé", "Bản Mường Nhé", "Bản", "Có", 12), ("Xã Mường Nhé", "Bản Nậm Là", "Bản", "Có", 5),
            ("Xã Chung Chải", "Bản Chung Chải", "Bản", "Có", 3), ("Xã Chung Chải", "Bản Tả Ló San", "Bản", "Không", 2),
            ("Xã Sín Thầu", "Bản A Pa Chải", "Bản", "Không", 0)]
MEMBERS = [("Giàng A Páo", D(1990, 5, 1), "Nam", "Mông", "Xã Mường Nhé", "Bản Nậm Là", D(2016, 3, 15), "694-QĐ/HU"),
           ("Lò Thị Xuân", D(1995, 2, 28), "Nữ", "Thái", "Xã Chung Chải", "Bản Chung Chải", D(2016, 9, 2), "701-QĐ/HU")]
FORM_HEAD = ["Mã chỉ tiêu", "STT", "Chỉ tiêu", "Đơn vị tính", "Tại thời điểm ban hành Nghị quyết (23/5/2016)",
             "Đến kỳ báo cáo", "Ghi chú"]
VILLAGE_HEAD = ["STT", "Xã, phường, thị trấn", "Tên thôn, bản, tổ dân phố", "Loại", "Có chi bộ", "Số đảng viên", "Ghi chú"]
MEMBER_HEAD = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Xã, phường, thị trấn",
               "Thôn, bản, tổ dân phố", "Ngày kết nạp", "Số quyết định"]


def nfd(s):
    return unicodedata.normalize("NFD", s)


def build(sheet_name=lambda s: s, header=lambda s: s, form_offset=0):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet_name("Thông tin")
    ws["A1"] = "BÁO CÁO KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT SỐ 04-NQ/TU"
    for i, (label, value) in enumerate(INFO):
        ws.cell(row=i + 3, column=1, value=label)
        c = ws.cell(row=i + 3, column=2, value=value)
        if isinstance(value, dt.datetime):
            c.number_format = "dd/mm/yyyy"
    ws = wb.create_sheet(sheet_name("Chỉ tiêu"))
    ws["A1"] = "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"
    ws["A2"] = "(Số liệu từ 01/01/2016 đến 17/11/2016)"
    h = 4 + form_offset
    for c, text in enumerate(FORM_HEAD):
        ws.cell(row=h, column=c + 1, value=header(text))
    for i, (code, base, cur) in enumerate(FIGURES):
        r = h + 1 + i
        ws.cell(row=r, column=1, value=code)
        ws.cell(row=r, column=2, value=str(i + 1))
        ws.cell(row=r, column=3, value="Chỉ tiêu " + code)
        ws.cell(row=r, column=5, value=base if base is not None else "—")
        ws.cell(row=r, column=6, value=cur)
    ws = wb.create_sheet(sheet_name("Thôn bản"))
    ws["A1"] = "DANH SÁCH THÔN, BẢN"
    for c, text in enumerate(VILLAGE_HEAD):
        ws.cell(row=3, column=c + 1, value=header(text))
    for i, v in enumerate(VILLAGES):
        ws.cell(row=4 + i, column=1, value=i + 1)
        for c, x in enumerate(v):
            ws.cell(row=4 + i, column=2 + c, value=x)
    ws = wb.create_sheet(sheet_name("Kết nạp"))
    ws["A1"] = "DANH SÁCH ĐẢNG VIÊN MỚI ĐƯỢC KẾT NẠP"
    for c, text in enumerate(MEMBER_HEAD):
        ws.cell(row=3, column=c + 1, value=header(text))
    for i, m in enumerate(MEMBERS):
        ws.cell(row=4 + i, column=1, value=i + 1)
        for c, x in enumerate(m):
            cell = ws.cell(row=4 + i, column=2 + c, value=x)
            if isinstance(x, dt.datetime):
                cell.number_format = "dd/mm/yyyy"
    return wb


def make(out):
    os.makedirs(out, exist_ok=True)
    build().save(os.path.join(out, "good.xlsx"))

    wb = build()
    wb["Chỉ tiêu"]["F9"] = "=F7-F8"      # DV_CHUA as a formula: openpyxl writes no cached value
    wb.save(os.path.join(out, "formula_without_value.xlsx"))

    wb = build()
    ws = wb.create_sheet("Nháp")
    ws["C3"] = 42
    ws.sheet_state = "hidden"
    wb.save(os.path.join(out, "hidden_sheet_data.xlsx"))

    wb = build()
    wb["Chỉ tiêu"]["F7"] = "10"          # a number typed as text
    wb["Thôn bản"]["F4"] = "12"
    wb.save(os.path.join(out, "number_as_text.xlsx"))

    wb = build()
    wb["Kết nạp"]["C4"] = "01/05/1990"   # a date typed as text
    wb.save(os.path.join(out, "date_as_text.xlsx"))

    # Sheet names and headers in NFD, upper case, doubled spaces; two rows inserted above the form's header.
    build(sheet_name=nfd, header=lambda s: "  " + nfd(s.upper()).replace(" ", "  "), form_offset=2).save(
        os.path.join(out, "nfd_headers_inserted_rows.xlsx"))

    wb = build()
    wb["Thôn bản"]["C5"] = "bản mường nhé"   # same commune + village as row 4, other case
    wb.save(os.path.join(out, "duplicate_village.xlsx"))

    # The same submission in the 1904 date system (old Excel for Mac): its figures and
    # dates must come out as good.xlsx's (issue 15: one normalised date value).
    from openpyxl.utils.datetime import CALENDAR_MAC_1904
    wb = build()
    wb.epoch = CALENDAR_MAC_1904
    wb.save(os.path.join(out, "date_1904.xlsx"))

    wb = build()
    wb["Thôn bản"]["K6"] = "ghi chú lạc"     # right of the list
    wb["Thôn bản"]["C12"] = "Bản sót"        # below the first blank row
    wb.save(os.path.join(out, "data_outside_area.xlsx"))


def fill(blank, out):
    """Fills a blank form from `tonghop blank --unit MNH` with the consistent figures."""
    wb = openpyxl.load_workbook(blank)
    ws = wb["Thông tin"]
    ws["B7"] = D(2016, 11, 17)
    ws["B8"] = "Lò Văn Minh"
    ws["B9"] = "0215 3831 234"
    ws = wb["Chỉ tiêu"]
    rows = {ws.cell(row=r, column=1).value: r for r in range(1, ws.max_row + 1)}
    for code, base, cur in FIGURES:
        r = rows[code]
        if base is not None:
            ws.cell(row=r, column=5, value=base)
        ws.cell(row=r, column=6, value=cur)
    ws = wb["Thôn bản"]
    for i, v in enumerate(VILLAGES):
        ws.cell(row=4 + i, column=1, value=i + 1)
        for c, x in enumerate(v):
            ws.cell(row=4 + i, column=2 + c, value=x)
    ws = wb["Kết nạp"]
    for i, m in enumerate(MEMBERS):
        ws.cell(row=4 + i, column=1, value=i + 1)
        for c, x in enumerate(m):
            ws.cell(row=4 + i, column=2 + c, value=x)
    wb.save(out)


def describe(path):
    """Prints what openpyxl sees of a blank form as JSON: per sheet, protection, the
    unlocked (input) cells, the data validations and the shaded cells."""
    import json
    wb = openpyxl.load_workbook(path)
    out = {"sheets": wb.sheetnames}
    for ws in wb.worksheets:
        unlocked = sorted(c.coordinate for row in ws.iter_rows() for c in row if c.protection.locked is False)
        shaded = sorted(c.coordinate for row in ws.iter_rows() for c in row
                        if c.fill is not None and c.fill.fgColor is not None and c.fill.fgColor.rgb == "FFFFF2CC")
        out[ws.title] = {
            "protected": bool(ws.protection.sheet),
            "unlocked": unlocked[:50], "unlocked_count": len(unlocked), "shaded_count": len(shaded),
            "unlocked_last_row": max((c.row for row in ws.iter_rows() for c in row if c.protection.locked is False), default=0),
            "validations": sorted({(dv.type or "") + ":" + (dv.formula1 or "") for dv in ws.data_validations.dataValidation}),
            "values": {c.coordinate: c.value for row in ws.iter_rows(max_row=15) for c in row
                       if c.value is not None and not isinstance(c.value, dt.datetime)},
        }
    print(json.dumps(out, ensure_ascii=False, sort_keys=True))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--describe":
        describe(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "--fill":
        fill(sys.argv[2], sys.argv[3])
    else:
        make(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__)))
