"""Hand-written packages: the habits of Excel (Windows, Mac, Online), Google Sheets,
Numbers, WPS, Gnumeric, ONLYOFFICE, Apache POI, Open XML SDK writers, SheetJS, and
hand edits, each reproduced with ooxml.py. Habits were read from public test folders and
issue threads (see README.md); no file of theirs is copied."""

import random

import values as V
from ooxml import Cell, Profile, Sheet, write

ISO_TIMES = ["2024-01-15T23:59:59.500", "1899-12-31T12:00:00", "1899-12-30T06:00:00", "1904-01-01T00:00:00"]
EXCEL_NS = ('xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac"')
WPS_NS = 'xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData"'


def cell(rng, kind=None):
    """A random typed cell."""
    kind = kind or rng.choices(["n", "s", "date", "dt", "time", "dur", "b", "e", "f", "fs", "fmtn"],
                               [30, 30, 8, 5, 5, 3, 3, 3, 5, 2, 6])[0]
    if kind == "n":
        return Cell("n", V.num_text(rng))
    if kind == "fmtn":
        return Cell("n", V.num_text(rng), fmt=rng.choice(V.NUMBER_FMTS))
    if kind == "s":
        if rng.random() < 0.08:
            return Cell("s", None, rich=[(V.text(rng), True), (" " + V.text(rng), False)])
        return Cell("s", V.text(rng))
    if kind == "date":
        s = rng.choice(V.SERIALS_DATE) if rng.random() < 0.5 else rng.randint(61, 50000)
        return Cell("n", repr(s) if isinstance(s, float) else str(s), fmt=rng.choice(V.DATE_FMTS))
    if kind == "dt":
        s = rng.randint(61, 50000) + rng.randint(0, 86399) / 86400
        return Cell("n", repr(s), fmt=rng.choice(V.DATETIME_FMTS))
    if kind == "time":
        return Cell("n", repr(rng.choice(V.SERIALS_TIME)), fmt=rng.choice(V.TIME_FMTS))
    if kind == "dur":
        return Cell("n", repr(rng.choice(V.SERIALS_DURATION)), fmt=rng.choice(V.DURATION_FMTS))
    if kind == "b":
        return Cell("b", rng.random() < 0.5)
    if kind == "e":
        return Cell("e", rng.choice(V.ERRORS), formula="1/0" if rng.random() < 0.5 else None)
    if kind == "f":
        v = rng.randint(0, 1000)
        return Cell("n", str(v), formula=f"SUM(A1:A{rng.randint(1, 9)})+{v}")
    if kind == "fs":
        return Cell("str", V.text(rng), formula='CONCATENATE("a","b")')
    raise ValueError(kind)


def grid(rng, rows, cols, density=0.8, kinds=None, origin=(0, 0)):
    cells = {}
    for r in range(rows):
        for c in range(cols):
            if rng.random() < density:
                cells[(origin[0] + r, origin[1] + c)] = cell(rng, rng.choice(kinds) if kinds else None)
    return cells


def header_table(rng, rows, cols):
    """A report-like table: a text header row, then typed columns."""
    cells = {}
    kinds = [rng.choice(["n", "s", "date", "fmtn", "f", "time"]) for _ in range(cols)]
    for c in range(cols):
        cells[(0, c)] = Cell("s", f"Cột {c + 1}")
    for r in range(1, rows):
        for c in range(cols):
            if rng.random() < 0.9:
                cells[(r, c)] = cell(rng, kinds[c])
    return cells


# Producer habits ---------------------------------------------------------------------
PRODUCERS = {
    # Excel for Windows: shared strings, spans, mc:Ignorable x14ac, standalone="yes".
    "excel-win": dict(spans=True, extra_ns=EXCEL_NS),
    # Excel for Mac 2011 workbooks keep the 1904 date system.
    "excel-mac1904": dict(spans=True, extra_ns=EXCEL_NS, date1904=True),
    "excel-mac": dict(spans=True, extra_ns=EXCEL_NS, entry_order="reversed"),
    # Excel Online / SharePoint: absolute relationship targets.
    "excel-online": dict(abs_targets=True, docprops=False),
    # Google Sheets: no spans, custom formats from 164, dimension of the grid not the data.
    "google": dict(standalone=False, first_custom_id=164),
    # Numbers: "Sheet 1 - Table 1" names, explicit t="n".
    "numbers": dict(explicit_n=True, first_custom_id=165),
    # WPS Spreadsheets: etc: namespace, shared strings, xml:space always.
    "wps": dict(extra_ns=WPS_NS, preserve="always"),
    # Gnumeric: t="n" written, inline strings never, no docProps.
    "gnumeric": dict(explicit_n=True, docprops=False, standalone=False),
    # ONLYOFFICE: xml:space preserve on every text, no standalone.
    "onlyoffice": dict(preserve="always", standalone=False),
    # Apache POI SXSSF: inline strings, dimension A1 whatever the data, streamed zip.
    "poi-sxssf": dict(strings="inline", streamed=True),
    # Apache POI XSSF: shared strings, no spans.
    "poi-xssf": dict(sst_counts=False),
    # Open XML SDK loops: x: prefix, no dimension, t="str"/inlineStr, repeated rows, BOM,
    # absolute targets, no styles.
    "openxml-sdk": dict(prefix="x", strings="str", dimension=False, repeat_rows=True, styles=False,
                        abs_targets=True, rid="R{n}a1b2c3", docprops=False),
    "openxml-sdk-inline": dict(prefix="x", strings="inline", dimension=False, cell_r=False, bom=True),
    # Power BI / reporting exports: no r on rows or cells.
    "no-r": dict(row_r=False, cell_r=False, dimension=False),
    # SheetJS: t="d" ISO dates when asked (cellDates), no styles for plain cells.
    "sheetjs": dict(docprops=False, standalone=True),
    # ClosedXML: x:-prefixed? no; writes inline strings for rich text; mixed-case part names.
    "mixed-case": dict(part_case="mixed"),
    "stored-zip": dict(compress=0),
}

SHEET_NAMES = {
    "excel-win": ["Sheet1", "Báo cáo", "Dữ liệu"],
    "excel-mac1904": ["Sheet1", "Mac 1904"],
    "excel-mac": ["Sheet1", "Bảng 2"],
    "excel-online": ["Sheet1", "Tổng hợp"],
    "google": ["Trang tính1", "Sheet2"],
    "numbers": ["Sheet 1 - Table 1", "Sheet 2 - Bảng 1"],
    "wps": ["Sheet1", "工作表1"],
    "gnumeric": ["Sheet1", "Sheet2"],
    "onlyoffice": ["Sheet1", "Лист2"],
    "poi-sxssf": ["data", "more"],
    "poi-xssf": ["Sheet0", "Sheet1"],
    "openxml-sdk": ["Sheet1", "Report"],
    "openxml-sdk-inline": ["Export", "Sheet2"],
    "no-r": ["PowerBI", "Page 2"],
    "sheetjs": ["SheetJS", "Sheet2"],
    "mixed-case": ["Mixed", "Case"],
    "stored-zip": ["Stored", "Two"],
}


def producer_files(out, seed, per_producer=4):
    files = []
    for name, habits in PRODUCERS.items():
        for k in range(per_producer):
            rng = random.Random(f"{seed}/{name}/{k}")
            sheets = []
            for j, sname in enumerate(SHEET_NAMES[name]):
                if j == 0:
                    cells = header_table(rng, rng.randint(3, 25), rng.randint(2, 8))
                else:
                    origin = (rng.randint(0, 5), rng.randint(0, 3))
                    cells = grid(rng, rng.randint(1, 15), rng.randint(1, 6), origin=origin)
                if name == "sheetjs":
                    for _ in range(4):
                        cells[(rng.randint(0, 10), rng.randint(0, 5))] = Cell("d", rng.choice(V.ISO_DATES), fmt=22)
                sheets.append(Sheet(sname, cells))
            extra = dict(habits)
            if name == "google":
                # Google's dimension covers the whole grid it shows.
                for s in sheets:
                    s.dimension = "A1:Z1000"
            if name == "poi-sxssf":
                for s in sheets:
                    s.dimension = "A1"
            if name in ("openxml-sdk", "no-r") and k % 2:
                extra["shuffle_cells"] = False
            p = Profile(seed=rng.randint(0, 1 << 30), **extra)
            path = f"{out}/hand-{name}-{k}.xlsx"
            write(path, sheets, p)
            files.append(path)
    return files


# Edge cases, one habit each ------------------------------------------------------------
def edge_files(out, seed):
    rng = random.Random(f"{seed}/edge")
    made = []

    def mk(fname, sheets, **kw):
        path = f"{out}/edge-{fname}.xlsx"
        write(path, sheets, Profile(seed=rng.randint(0, 1 << 30), **kw))
        made.append(path)

    def col(kind_cells):
        return {(i, 0): c for i, c in enumerate(kind_cells)}

    # & in sheet names, defined names, format codes and rels targets; as &amp; and &#38;.
    amp_cells = {(0, 0): Cell("n", "45306", fmt='yyyy-mm-dd" R&D"'), (0, 1): Cell("s", "A&B"),
                 (1, 0): Cell("n", "1.5", fmt='0.00" & co"')}
    for amp in ("&amp;", "&#38;", "&#x26;"):
        tag = {"&amp;": "amp", "&#38;": "dec", "&#x26;": "hex"}[amp]
        mk(f"ampersand-{tag}", [Sheet("A&B", dict(amp_cells)), Sheet("R&D <2024>", {(0, 0): Cell("s", "x")}),
                                Sheet("Q&A 'x'", {(0, 0): Cell("n", "1")})],
           amp=amp, defined_names=[("R&D_total", "'A&B'!$A$1")], sheet_path="worksheets/s&heet{n}.xml")
    # Absolute and backslash targets.
    mk("abs-targets", [Sheet("Sheet1", grid(rng, 5, 3))], abs_targets=True)
    mk("backslash-targets", [Sheet("Sheet1", grid(rng, 5, 3))], backslash_targets=True)
    # (no error cells: openpyxl cannot open mixed-case part names and calamine reads errors as empty)
    nerr = ["n", "s", "b", "date", "fmtn", "time", "f"]
    mk("mixed-case-parts", [Sheet("Sheet1", grid(rng, 5, 3, kinds=nerr)), Sheet("Sheet2", grid(rng, 3, 3, kinds=nerr))],
       part_case="mixed")
    # VBA module sheets listed with r:id="" (veryHidden), chartsheets, empty sheets.
    mk("vba-module-sheet", [Sheet("Sheet1", grid(rng, 4, 4)), Sheet("Module1", kind="vba", state="veryHidden"),
                            Sheet("Sheet2", grid(rng, 3, 2))])
    mk("vba-module-first", [Sheet("Module1", kind="vba", state="veryHidden"), Sheet("Data", grid(rng, 4, 4))])
    mk("chartsheet", [Sheet("Chart1", kind="chartsheet"), Sheet("Data", grid(rng, 6, 3)),
                      Sheet("Hidden", grid(rng, 2, 2), state="hidden")])
    mk("empty-sheets", [Sheet("Empty"), Sheet("Data", grid(rng, 3, 3)), Sheet("AlsoEmpty")])
    mk("only-blank-styled", [Sheet("Blank", {(r, c): Cell("blank", fmt=14) for r in range(3) for c in range(3)}),
                             Sheet("Data", {(2, 2): Cell("n", "7")})])
    # Wrong dimension, huge columns.
    mk("dimension-wrong", [Sheet("Small", grid(rng, 6, 4), dimension="A1:B2"),
                           Sheet("Large", grid(rng, 2, 2), dimension="A1:XFD1048576"),
                           Sheet("Garbage", grid(rng, 3, 3), dimension="A1:ZZZZ"),
                           Sheet("EndOnly", grid(rng, 4, 3), dimension="C4")])
    mk("huge-columns", [Sheet("Wide", {(0, 0): Cell("n", "1"), (0, 700): Cell("s", "AAA+"), (1, 16383): Cell("n", "2"),
                                        (2, 16000): Cell("b", True)})])
    mk("far-corner", [Sheet("Far", {(9999, 25): Cell("n", "5"), (0, 0): Cell("s", "top")})])
    # Rows and cells out of order, repeated rows, missing r.
    mk("rows-out-of-order", [Sheet("Sheet1", grid(rng, 10, 4))], shuffle_rows=True)
    mk("cells-out-of-order", [Sheet("Sheet1", grid(rng, 6, 6))], shuffle_cells=True)
    mk("repeated-rows", [Sheet("Sheet1", header_table(rng, 12, 5))], repeat_rows=True)
    mk("repeated-rows-prefixed", [Sheet("Sheet1", header_table(rng, 8, 4))], repeat_rows=True, prefix="x")
    mk("repeated-rows-shuffled", [Sheet("Sheet1", grid(rng, 6, 4))], repeat_rows=True, shuffle_rows=True)
    mk("no-row-r", [Sheet("Sheet1", grid(rng, 6, 4))], row_r=False)
    mk("some-row-r", [Sheet("Sheet1", grid(rng, 9, 3))], row_r="some")
    mk("no-cell-r", [Sheet("Sheet1", grid(rng, 6, 4))], cell_r=False)
    # A later duplicate cell in a repeated row wins (as Excel keeps the last one).
    dup = Sheet("Dup", {(0, 0): Cell("n", "1"), (0, 1): Cell("n", "2"), (1, 0): Cell("s", "x")})
    mk("repeated-rows-dup", [dup], repeat_rows=True)
    # t="d" ISO dates, t="str", t="e", t="b" (also "true"/"false" spelled out).
    mk("iso-dates", [Sheet("Dates", col([Cell("d", s, fmt=f) for s in V.ISO_DATES for f in (14, 22)][:22])),
                     Sheet("Plain", col([Cell("d", s) for s in V.ISO_DATES])),
                     Sheet("Times", col([Cell("d", s, fmt=f) for s in ISO_TIMES for f in (21, 14)]))])
    mk("iso-dates-1904", [Sheet("Dates", col([Cell("d", s, fmt=22) for s in V.ISO_DATES]))], date1904=True)
    mk("typed-t", [Sheet("Types", col([Cell("str", "plain str"), Cell("str", ""), Cell("e", "#N/A"),
                                       Cell("e", "#DIV/0!"), Cell("b", True), Cell("b", False),
                                       Cell("str", "12.5"), Cell("str", "  spaced  ")]))])
    # 1904 system; built-in and custom date/time/duration formats; serials in [0, 1);
    # dates before 1900-03-01 and serial 60.
    for sys1904 in (False, True):
        tag = "1904" if sys1904 else "1900"
        cells = {}
        for j, f in enumerate(V.DATE_FMTS + V.DATETIME_FMTS):
            for i, s in enumerate([60] + V.SERIALS_DATE):
                cells[(i, j)] = Cell("n", repr(s), fmt=f)
        mk(f"date-formats-{tag}", [Sheet("Dates", cells)], date1904=sys1904)
        cells = {}
        for j, f in enumerate(V.TIME_FMTS + V.DURATION_FMTS):
            for i, s in enumerate(V.SERIALS_TIME + V.SERIALS_DURATION):
                cells[(i, j)] = Cell("n", repr(s), fmt=f)
        mk(f"time-formats-{tag}", [Sheet("Times", cells)], date1904=sys1904)
    # Negative serials: Excel shows ##### under a date or time format in the 1900 system
    # (KB 182247); durations may be negative.
    neg = {}
    for j, f in enumerate([14, 22, 18, 46, "[h]:mm:ss", "0.00"]):
        for i, s in enumerate(["-1", "-0.5", "-125", "-36526.25"]):
            neg[(i, j)] = Cell("n", s, fmt=f)
    mk("negative-serials", [Sheet("Negative", neg)])
    mk("early-1900", [Sheet("Early", col([Cell("n", str(s), fmt=14) for s in range(0, 70)]))])
    mk("builtin-ids", [Sheet("Ids", {(i, 0): Cell("n", "45306.4375", fmt=i) for i in list(range(0, 23)) + list(range(37, 50))})])
    mk("quoted-formats", [Sheet("Quoted", col([Cell("n", "45306.5", fmt=f) for f in
                                              ['0" d"', '"y"0', '\\h0', '[Red]0.00', '[Red]yyyy-mm-dd', '#,##0.00 "m"',
                                               '"Date: "yyyy-mm-dd', 'General" s"', '[$€-1809]#,##0.00', '0.00;[Red]-0.00;"zero"',
                                               '[$-42A]dd/mm/yyyy', 'mm:ss.000', '[ss]', '[mm]:ss', 'h "h" mm "m"']]))])
    # A zoo of format codes from real workbooks: locale and calendar prefixes, conditions,
    # escapes, fills, accounting sections, CJK.
    zoo = ["[$-409]General", '#,##0.00\\ "₫"', "[<=9999999]###-####;(###) ###-####", "[$-1010000]d/m/yyyy;@",
           "[Green]General;[Red]-General", '_(* #,##0_);_(* \\(#,##0\\);_(* "-"_);_(@_)', "d", "dd", "ss.0",
           "ge.m.d", "[DBNum1][$-804]yyyy\"年\"m\"月\"d\"日\"", "[ENG][$-409]mmmm\\ d\\,\\ yyyy;@", "h:mm;@",
           "[h]:mm:ss;@", "\\D\\a\\y 0", "*-0", "**#,##0", "0.00_ ;[Red]\\-0.00\\ ", "yyyy/mm/dd\\ hh:mm",
           '"Ngày "dd" tháng "mm" năm "yyyy', "[$-F400]h:mm:ss\\ AM/PM", "[$-x-sysdate]dddd\\,\\ mmmm\\ dd\\,\\ yyyy",
           "[$-x-systime]h:mm:ss\\ AM/PM", "m/d", "mmmmm", "[mm]", "[hh]", "AM/PM h", "0%;[Red]-0%", '"Q"0', "#\\ ?/?",
           "# ??/16", "[>=1000]#,##0,\"K\";0", "[$$-409]#,##0.00", "[$¥-411]#,##0", "yy", "[Red][<0]0;0",
           "mm:ss;@", "[$-421]dd\\ mmmm\\ yyyy;@", "s", "hh", "0.00E+00", "##0.0E+0", '"d"0', "[s].00"]
    mk("format-zoo", [Sheet("Zoo", {(i, j): Cell("n", v, fmt=f) for i, f in enumerate(zoo)
                                    for j, v in enumerate(["45306.5", "0.75", "1.5", "12345.678", "0"])})])
    # Numbers: big integers, near the double range and beyond it.
    mk("big-numbers", [Sheet("Big", col([Cell("n", t) for t in
                                        ["9007199254740992", "9007199254740993", "18014398509481984", "1E+16",
                                         "10000000000000002", "12345678901234567890", "1.7976931348623157E+308",
                                         "-1.7976931348623157E+308", "1E+300", "123456789012345.6", "2E+53",
                                         "-9007199254740992", "1E+21", "4.9406564584124654E-324", "1E-300"]]))])
    mk("overflow-number", [Sheet("Over", col([Cell("n", "1"), Cell("n", "1.797693134862316e+308"), Cell("n", "2"), Cell("n", "-1E+400"),
                                             Cell("n", "1E-400"), Cell("n", "2.4703282292062328E-324")])),
                           Sheet("Fine", col([Cell("n", "3")]))])
    # Shared formulas with cached values, errors, formulas without cached values.
    shared = {}
    for i in range(8):
        shared[(i, 0)] = Cell("n", str(i + 1))
        f = ("shared", 0, "B1:B8", "A1*2") if i == 0 else ("shared", 0, None, None)
        shared[(i, 1)] = Cell("n", str((i + 1) * 2), formula=f)
        shared[(i, 2)] = Cell("e", "#DIV/0!", formula="A1/0") if i % 3 == 0 else Cell("n", None, formula=f"A{i + 1}+1")
    # Array formulas (the master carries the formula and the ref, the others only values).
    for i in range(3):
        shared[(i, 4)] = Cell("n", str(10 * (i + 1)), formula=("array", "E1:E3", "A1:A3*10" if i == 0 else None))
    shared[(9, 0)] = Cell("str", "", formula='IF(1,"","x")')
    shared[(9, 1)] = Cell("b", False, formula="1=2")
    mk("shared-formulas", [Sheet("Formulas", shared)])
    # Text: whitespace without xml:space, rich runs, whitespace-only runs, CR/LF.
    ws = {(0, 0): Cell("s", "  lead and trail  ", space=False), (1, 0): Cell("s", "   ", space=False),
          (2, 0): Cell("s", "  kept  ", space=True), (3, 0): Cell("s", None, rich=[("Bold ", True), (" plain", False)]),
          (4, 0): Cell("s", None, rich=[("  ", False), ("x", True)]), (5, 0): Cell("s", "a\nb", space=False),
          (6, 0): Cell("is", "  inline  ", space=False), (7, 0): Cell("s", "\ttab", space=False),
          (8, 0): Cell("s", "", space=False)}
    # Japanese Excel: phonetic readings (<rPh>) inside <si>/<is>, not part of the text.
    ws[(9, 0)] = Cell("s", "漢字", phonetic="カンジ")
    ws[(10, 0)] = Cell("is", "東京", phonetic="トウキョウ")
    mk("whitespace-text", [Sheet("Space", ws)])
    mk("whitespace-text-inline", [Sheet("Space", ws)], strings="inline")
    # XML declaration habits: BOM, no declaration, single quotes, no standalone.
    mk("pretty-printed", [Sheet("Pretty", dict(ws)), Sheet("Grid", grid(rng, 6, 5))], pretty=True)
    mk("pretty-printed-inline", [Sheet("Pretty", dict(ws))], pretty=True, strings="inline", prefix="x")
    # ST_Xstring escapes (ECMA-376 Part 1 §22.9.2.19): _xHHHH_ is a character, _x005F_ escapes "_".
    esc = ["a_x000D_b", "_x0041_", "_x005F_x0041_", "tab_x0009_x", "x_x000a_y", "_x00_", "A_x0042_C_x0044_",
           "keep_x12_", "_x2603_"]
    mk("xstring-escapes", [Sheet("Shared", col([Cell("s", t) for t in esc])),
                           Sheet("Inline", col([Cell("is", t) for t in esc])),
                           Sheet("Str", col([Cell("str", t, formula='"x"') for t in esc]))])
    # Package layout habits: Defaults-only content types, a workbook part not named
    # workbook.xml, worksheet parts not named sheetN, directory entries, zip64, a comment.
    # (no error cells: openpyxl cannot open it and calamine reads errors as empty)
    mk("ct-defaults-only", [Sheet("Sheet1", grid(rng, 4, 3, kinds=["n", "s", "b", "date", "fmtn"]))], ct_minimal=True)
    mk("workbook-part-name", [Sheet("Sheet1", grid(rng, 4, 3))], wb_path="xl/workbook2.xml",
       sheet_path="worksheets/data{n}.xml")
    mk("sheet-part-names", [Sheet("A", grid(rng, 3, 3)), Sheet("B", grid(rng, 3, 3))], sheet_path="sheets/s{n}.xml")
    mk("zip-dir-entries", [Sheet("Sheet1", grid(rng, 4, 3))], zip_dirs=True)
    mk("zip64", [Sheet("Sheet1", grid(rng, 4, 3))], zip64=True, zip_comment=b"made by hand")
    # Some cells without r among cells with r (calamine #261).
    mk("some-cell-r", [Sheet("Sheet1", grid(rng, 6, 7, density=1.0))], cell_r="some")
    # date1904 spelled as xsd:boolean words.
    dated = {(i, 0): Cell("n", s, fmt=14) for i, s in enumerate(["0", "1", "45306", "45306.5"])}
    for word in ("true", "false", "0"):
        mk(f"date1904-{word}", [Sheet("Dates", dict(dated))], date1904=word)
    # Built-in ids redefined in numFmts (id 14 as yyyy-mm-dd, id 2 as a date); a custom id
    # with no numFmt; a date format on a text cell.
    mk("numfmt-overrides", [Sheet("Fmts", col([Cell("n", "45306.5", fmt="#id:14"), Cell("n", "45306.5", fmt="#id:2"),
                                               Cell("n", "45306.5", fmt="#id:170"), Cell("n", "45306.5", fmt="#id:165"),
                                               Cell("s", "text", fmt=14), Cell("b", True, fmt=14)]))],
       custom_numfmts=[(14, "yyyy-mm-dd"), (2, "dd/mm/yyyy"), (165, "[$-x-sysdate]dddd, mmmm dd, yyyy")])
    # The last row of the grid.
    mk("last-row", [Sheet("Tall", {(0, 0): Cell("s", "top"), (1048575, 0): Cell("n", "1"), (1048575, 2): Cell("s", "end")})])
    mk("other-part-names", [Sheet("Sheet1", grid(rng, 5, 3, kinds=["s", "date", "n"]))], sst_path="xl/strings/sst1.xml",
       styles_path="xl/Styles2.xml")
    # Decomposed (NFD) Vietnamese as macOS programs write it: printed as written, not normalised.
    import unicodedata
    nfd = [unicodedata.normalize("NFD", t) for t in ["Tổng hợp", "Hà Nội", "Quận Đống Đa", "báo cáo"]]
    mk("nfd-text", [Sheet(unicodedata.normalize("NFD", "Báo cáo"), col([Cell("s", t) for t in nfd])),
                    Sheet("Báo cáo 2", col([Cell("is", t) for t in nfd]))])
    # Odd but readable cells, as hand edits and small writers leave them.
    odd = [' t="s"/>', ' t="inlineStr"><is/></c>', ' t="inlineStr"><is></is></c>',
           ' t="inlineStr"><is><r><t/></r><r><t>b</t></r></is></c>', ' t="inlineStr"><f>"x"</f><is><t>x</t></is></c>',
           ' t="inlineStr"><is><t>inline</t></is><v>ignored</v></c>', ' t="inlineStr"><v>only v</v></c>', "><v></v></c>", ' t="n"/>', ' t="str"><v/></c>',
           ' t="b"><v>1</v></c>', ' t="e"><v>#N/A</v></c>', "><f>1+1</f></c>"]
    mk("odd-cells", [Sheet("Odd", {(i, 0): Cell("raw", x) for i, x in enumerate(odd)} |
                                  {(i, 1): Cell("s", f"s{i}") for i in range(len(odd))})], strings="shared")
    # <is> without t="inlineStr": calamine reads the text, openpyxl nothing (its own file:
    # a refusal hides the rest of a file).
    mk("is-without-t", [Sheet("IsWithoutT", {(0, 0): Cell("raw", "><is><t>x</t></is></c>"), (1, 0): Cell("n", "1")})])
    # Odd values: t="d" without seconds or with a zone offset, whitespace around <v> numbers
    # and shared-string indexes; the newer error values (calamine refuses their sheet);
    # booleans spelled true/false (openpyxl refuses the file, calamine reads them).
    odd_values = [' t="d"><v>2024-01-15T10:30</v></c>', ' t="d"><v>2024-01-15T10:30:00+07:00</v></c>',
                  "><v>  42</v></c>", "><v>42 </v></c>", ' t="s"><v> 0 </v></c>', ' t="str"><v>  padded  </v></c>']
    new_errors = [' t="e"><v>#SPILL!</v></c>', ' t="e"><v>#GETTING_DATA</v></c>', ' t="e"><v>#CALC!</v></c>',
                  ' t="e"><v>#FIELD!</v></c>', ' t="e"><v>#BLOCKED!</v></c>']
    mk("odd-values", [Sheet("Values", {(i, 0): Cell("raw", x) for i, x in enumerate(odd_values)} | {(0, 1): Cell("s", "s")}),
                      Sheet("NewErrors", {(i, 0): Cell("raw", x) for i, x in enumerate(new_errors)})], strings="shared")
    mk("odd-booleans", [Sheet("Bools", col([Cell("raw", ' t="b"><v>true</v></c>'), Cell("raw", ' t="b"><v>false</v></c>'),
                                            Cell("b", True)]))])
    mk("bom", [Sheet("Sheet1", grid(rng, 4, 4))], bom=True)
    mk("no-decl", [Sheet("Sheet1", grid(rng, 4, 4))], decl=False)
    mk("single-quote-decl", [Sheet("Sheet1", grid(rng, 4, 4))], decl_quote="'", standalone=False)
    mk("x-prefix", [Sheet("Sheet1", grid(rng, 6, 4)), Sheet("Two", grid(rng, 3, 3))], prefix="x")
    mk("strict", [Sheet("Sheet1", grid(rng, 5, 3, kinds=["n", "s", "b"]))], strict=True)
    mk("streamed-zip", [Sheet("Sheet1", grid(rng, 8, 4))], streamed=True)
    mk("hidden-states", [Sheet("Visible", grid(rng, 2, 2)), Sheet("Hidden", grid(rng, 2, 2), state="hidden"),
                         Sheet("VeryHidden", grid(rng, 2, 2), state="veryHidden")])
    mk("numeric-names", [Sheet("2", {(0, 0): Cell("s", "named two")}), Sheet("1", {(0, 0): Cell("s", "named one")})])
    # A real-looking long sheet that deflates about 120:1 (long repeated strings).
    long = "Trung tâm y tế huyện - báo cáo tổng hợp số liệu tháng " * 12
    big = {}
    for r in range(1200):
        for c in range(8):
            big[(r, c)] = Cell("is", long)
        big[(r, 8)] = Cell("n", str(r % 10))
    mk("high-ratio", [Sheet("Long", big)], strings="inline")
    return made
