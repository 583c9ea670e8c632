"""Workbooks written by openpyxl and XlsxWriter (normal and constant_memory)."""

import datetime
import random

import values as V
from ooxml import normalise_zip

EPOCH = datetime.datetime(1899, 12, 30)


def py_value(rng, date1904=False):
    """(value, number format or None) of a random Python value a library writes."""
    k = rng.choices(["int", "float", "str", "bool", "date", "datetime", "time", "delta", "big", "fmt"],
                    [20, 20, 25, 4, 7, 7, 5, 3, 3, 6])[0]
    if k == "int":
        return rng.randint(-10 ** 6, 10 ** 6), None
    if k == "float":
        return round(rng.uniform(-1e5, 1e5), rng.randint(0, 8)), None
    if k == "str":
        return V.text(rng), None
    if k == "bool":
        return rng.random() < 0.5, None
    if k == "date":
        first = datetime.date(1904 if date1904 else 1901, 1, 2)
        return first + datetime.timedelta(days=rng.randint(0, 50000)), rng.choice(
            [None, "yyyy-mm-dd", "dd/mm/yyyy", "d mmm yyyy"])
    if k == "datetime":
        d = datetime.datetime(1904 if date1904 else 1901, 1, 2) + datetime.timedelta(seconds=rng.randint(0, 50000 * 86400))
        if rng.random() < 0.2:
            d = d.replace(hour=0, minute=0, second=0)
        if rng.random() < 0.2:
            d = d.replace(microsecond=rng.choice([500000, 250000, 999999]))
        return d, rng.choice([None, "yyyy-mm-dd hh:mm:ss", "yyyy-mm-dd", "dd/mm/yyyy hh:mm"])
    if k == "time":
        return datetime.time(rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)), rng.choice(
            [None, "hh:mm:ss", "h:mm AM/PM", "mm:ss"])
    if k == "delta":
        return datetime.timedelta(seconds=rng.randint(0, 400000)), rng.choice([None, "[h]:mm:ss", "[hh]:mm"])
    if k == "big":
        return rng.choice([2 ** 53, 2 ** 53 + 2, 10 ** 16, 12345678901234567, 1.5e300, 1e-300, 2 ** 60]), None
    v = rng.choice([1234.5, 0.25, -17.0, 3, 1e7])
    return v, rng.choice([f for f in V.NUMBER_FMTS if f is not None and not isinstance(f, int)])


def openpyxl_files(out, seed, count=24):
    import openpyxl
    files = []
    for k in range(count):
        rng = random.Random(f"{seed}/openpyxl/{k}")
        wb = openpyxl.Workbook()
        if k % 6 == 5:
            wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
        if k % 5 == 4:
            wb.iso_dates = True
        names = ["Sheet", "Dữ liệu", "R&D", "Trang 2"][: rng.randint(1, 4)]
        for j, name in enumerate(names):
            ws = wb.active if j == 0 else wb.create_sheet()
            ws.title = name
            rows, cols = rng.randint(1, 30), rng.randint(1, 8)
            r0, c0 = (rng.randint(1, 4), rng.randint(1, 3)) if j else (1, 1)
            for r in range(rows):
                for c in range(cols):
                    if rng.random() < 0.15:
                        continue
                    v, fmt = py_value(rng, wb.epoch != openpyxl.utils.datetime.CALENDAR_WINDOWS_1900)
                    if isinstance(v, str) and v.startswith("="):
                        v = "'" + v
                    cell = ws.cell(row=r0 + r, column=c0 + c)
                    cell.value = v
                    if fmt:
                        cell.number_format = fmt
                    if rng.random() < 0.02:
                        cell.value = "#N/A"
                        cell.data_type = "e"
            if j == 1 and rng.random() < 0.5:
                ws.sheet_state = "hidden"
        path = f"{out}/openpyxl-{k}.xlsx"
        wb.save(path)
        normalise_zip(path)
        files.append(path)
    return files


def xlsxwriter_files(out, seed, count=28):
    import xlsxwriter
    files = []
    for k in range(count):
        rng = random.Random(f"{seed}/xlsxwriter/{k}")
        cm = k % 2 == 1
        path = f"{out}/xlsxwriter-{'cm' if cm else 'normal'}-{k}.xlsx"
        opts = {"constant_memory": cm, "strings_to_numbers": False, "strings_to_formulas": False}
        if k % 7 == 6:
            opts["date_1904"] = True
        wb = xlsxwriter.Workbook(path, opts)
        formats = {}

        def fmt(code):
            if code not in formats:
                formats[code] = wb.add_format({"num_format": code})
            return formats[code]

        for j, name in enumerate(["Sheet1", "Báo cáo & số liệu", "Data"][: rng.randint(1, 3)]):
            ws = wb.add_worksheet(name)
            rows, cols = rng.randint(1, 40), rng.randint(1, 8)
            for r in range(rows):
                for c in range(cols):
                    if rng.random() < 0.15:
                        continue
                    v, code = py_value(rng, opts.get("date_1904", False))
                    if isinstance(v, (datetime.date, datetime.time, datetime.timedelta)):
                        if isinstance(v, datetime.timedelta):
                            ws.write_number(r, c, v.total_seconds() / 86400, fmt(code or "[h]:mm:ss"))
                        else:
                            default = {datetime.datetime: "yyyy-mm-dd hh:mm:ss", datetime.date: "yyyy-mm-dd",
                                       datetime.time: "hh:mm:ss"}[type(v)]
                            ws.write_datetime(r, c, v, fmt(code or default))
                    elif isinstance(v, bool):
                        ws.write_boolean(r, c, v)
                    elif isinstance(v, str):
                        ws.write_string(r, c, v)
                    elif code:
                        ws.write_number(r, c, v, fmt(code))
                    else:
                        ws.write_number(r, c, v)
                if r == 0 and cols > 1:
                    ws.write_formula(r, cols, f"=A1*2", None, rng.randint(0, 99))
                    ws.write_formula(r, cols + 1, '="x"&"y"', None, "xy")
                    ws.write_formula(r, cols + 2, "=1/0", None, "#DIV/0!")
                    ws.write_formula(r, cols + 3, "=1=1", None, True)
            if rng.random() < 0.3:
                ws.write_rich_string(rows + 1, 0, "plain ", wb.add_format({"bold": True}), "bold", " tail")
        wb.close()
        normalise_zip(path)
        files.append(path)
    return files
