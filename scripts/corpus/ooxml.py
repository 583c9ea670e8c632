"""A small SpreadsheetML package writer whose every habit can be switched, so that the
corpus can reproduce how other producers write their files (see hand.py).

Nothing here validates: a habit that breaks the spec is written as asked.
"""

import io
import random
import re
import zipfile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
# ISO/IEC 29500 Strict namespaces (what Excel writes for "Strict Open XML Spreadsheet").
STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships"

T_WORKSHEET = "/worksheet"
T_CHARTSHEET = "/chartsheet"
T_SST = "/sharedStrings"
T_STYLES = "/styles"
T_OFFICE_DOC = "/officeDocument"


def col_name(c):
    """Zero-based column index to letters (0 -> A, 16383 -> XFD)."""
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def ref(r, c):
    return f"{col_name(c)}{r + 1}"


def esc_text(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def esc_attr(s, amp="&amp;"):
    """Attribute escaping; `amp` picks how `&` is written (`&amp;` or `&#38;`, both legal)."""
    return (s.replace("&", "\0").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("\0", amp))


class Cell:
    """One cell as written. kind: n (number, value = the <v> text), s (text: shared or
    inline by the profile), is (always inline), str (t="str"), b, e, d (t="d" ISO text),
    blank (a styled cell without value). fmt: None, a built-in id (int) or a format code.
    formula: text, or ("shared", si, ref-or-None, text) for a shared formula.
    rich: a list of (text, bold) runs for a rich-text string. space: force xml:space on/off."""

    __slots__ = ("kind", "value", "fmt", "formula", "rich", "space", "explicit_n", "phonetic")

    def __init__(self, kind, value=None, fmt=None, formula=None, rich=None, space=None, explicit_n=False,
                 phonetic=None):
        self.kind, self.value, self.fmt, self.formula = kind, value, fmt, formula
        self.rich, self.space, self.explicit_n = rich, space, explicit_n
        self.phonetic = phonetic  # Japanese Excel's <rPh> reading, not part of the value


class Sheet:
    """kind: worksheet, chartsheet, vba (a `<sheet r:id="">` entry without a part)."""

    def __init__(self, name, cells=None, state=None, kind="worksheet", dimension="auto"):
        self.name, self.cells = name, cells if cells is not None else {}
        self.state, self.kind, self.dimension = state, kind, dimension

    def set(self, r, c, cell):
        self.cells[(r, c)] = cell


class Profile:
    """The habits of one producer. Every field is a switch the writer honours."""

    def __init__(self, **kw):
        self.prefix = ""              # "x" for x:-prefixed SpreadsheetML (Open XML SDK)
        self.strings = "shared"       # shared | inline | str
        self.row_r = True             # r on <row>
        self.cell_r = True            # r on <c>
        self.spans = False            # spans="1:N" on rows (Excel)
        self.dimension = True         # write <dimension>
        self.repeat_rows = False      # one <row r="N"> per cell (Open XML SDK loops)
        self.shuffle_rows = False     # rows out of order
        self.shuffle_cells = False    # cells out of order in a row
        self.bom = False
        self.decl = True
        self.standalone = True
        self.decl_quote = '"'
        self.abs_targets = False      # /xl/worksheets/sheet1.xml
        self.backslash_targets = False
        self.part_case = "lower"      # lower | mixed (xl/Worksheets/Sheet1.xml)
        self.date1904 = False
        self.amp = "&amp;"
        self.preserve = "needed"      # needed | always | never
        self.explicit_n = False       # t="n" on numbers
        self.styles = True
        self.first_custom_id = 164
        self.strict = False
        self.sheet_path = "worksheets/sheet{n}.xml"
        self.rid = "rId{n}"
        self.compress = zipfile.ZIP_DEFLATED
        self.streamed = False         # zip with data descriptors (streaming writers)
        self.docprops = True
        self.extra_ns = ""            # extra xmlns/mc declarations on <worksheet>
        self.mc_ignorable = False
        self.sst_counts = True
        self.defined_names = []       # (name, text)
        self.entry_order = "normal"   # normal | reversed (content types last)
        self.ct_minimal = False       # [Content_Types].xml with Defaults only, no Overrides
        self.wb_path = "xl/workbook.xml"
        self.zip_dirs = False         # directory entries (xl/, xl/worksheets/) as zip tools add
        self.zip64 = False            # zip64 extra fields on every entry
        self.zip_comment = b""
        self.custom_numfmts = []      # extra (id, code) numFmt entries, e.g. redefining id 14
        self.sst_path = "xl/sharedStrings.xml"
        self.styles_path = "xl/styles.xml"
        self.pretty = False           # indented XML with comments (saved by an XML editor)
        self.seed = 0
        for k, v in kw.items():
            if not hasattr(self, k):
                raise KeyError(k)
            setattr(self, k, v)


class _Unseekable(io.RawIOBase):
    """Makes zipfile write data descriptors, as streaming writers do."""

    def __init__(self):
        self.buf = bytearray()

    def writable(self):
        return True

    def write(self, b):
        self.buf += b
        return len(b)


def _decl(p):
    if not p.decl:
        return ""
    q = p.decl_quote
    sa = f" standalone={q}yes{q}" if p.standalone else ""
    return f"<?xml version={q}1.0{q} encoding={q}UTF-8{q}{sa}?>\n"


_CONTAINER = re.compile(r"(<(?:\w+:)?(?:worksheet|sheetData|row|c|is|si|sst|r|rPh|workbook|sheets|styleSheet|cellXfs|"
                        r"numFmts|Relationships|Types)(?:\s[^>]*)?>|</[^>]+>|<[^>]+/>)(?=<)")


def _pretty(text):
    """Newlines and indentation between elements, never inside <t> or <v>, and a comment
    in the sheet data: whitespace-only text a reader must ignore outside <t>."""
    out = _CONTAINER.sub(lambda m: m.group(1) + "\n  ", text)
    return out.replace("<sheetData>", "<sheetData><!-- edited by hand -->", 1)


def _bytes(p, text):
    if p.pretty:
        text = _pretty(text)
    data = (_decl(p) + text).encode("utf-8")
    return (b"\xef\xbb\xbf" + data) if p.bom else data


def _t(p, tag):
    return f"{p.prefix}:{tag}" if p.prefix else tag


def _ns(p):
    main = STRICT_MAIN if p.strict else MAIN
    rel = STRICT_REL if p.strict else REL
    if p.prefix:
        return f'xmlns:{p.prefix}="{main}" xmlns:r="{rel}"'
    return f'xmlns="{main}" xmlns:r="{rel}"'


def _t_elem(p, text, space):
    needs = text != text.strip() or "\n" in text or "  " in text
    keep = space if space is not None else (p.preserve == "always" or (p.preserve == "needed" and needs))
    sp = ' xml:space="preserve"' if keep else ""
    return f"<{_t(p, 't')}{sp}>{esc_text(text)}</{_t(p, 't')}>"


class _SST:
    def __init__(self):
        self.items, self.index, self.count = [], {}, 0

    def add(self, key, xml):
        self.count += 1
        if key not in self.index:
            self.index[key] = len(self.items)
            self.items.append(xml)
        return self.index[key]


def _string_xml(p, cell):
    if cell.rich:
        runs = []
        for text, bold in cell.rich:
            rpr = f"<{_t(p, 'rPr')}><{_t(p, 'b')}/></{_t(p, 'rPr')}>" if bold else ""
            runs.append(f"<{_t(p, 'r')}>{rpr}{_t_elem(p, text, cell.space)}</{_t(p, 'r')}>")
        return "".join(runs)
    if cell.phonetic:
        t = lambda x: _t(p, x)
        return (_t_elem(p, cell.value, cell.space) + f'<{t("rPh")} sb="0" eb="{len(cell.value)}">'
                f'<{t("t")}>{esc_text(cell.phonetic)}</{t("t")}></{t("rPh")}><{t("phoneticPr")} fontId="0"/>')
    return _t_elem(p, cell.value, cell.space)


class _Styles:
    def __init__(self, p):
        self.p, self.xf, self.custom = p, {None: 0}, {}

    def index(self, fmt):
        if fmt not in self.xf:
            if isinstance(fmt, str) and fmt not in self.custom:
                self.custom[fmt] = self.p.first_custom_id + len(self.custom)
            self.xf[fmt] = len(self.xf)
        return self.xf[fmt]

    def xml(self):
        p = self.p
        t = lambda x: _t(p, x)
        out = [f"<{t('styleSheet')} {_ns(p)}>"]
        fmts = [(i, code) for code, i in self.custom.items()] + list(p.custom_numfmts)
        if fmts:
            out.append(f'<{t("numFmts")} count="{len(fmts)}">')
            for i, code in fmts:
                out.append(f'<{t("numFmt")} numFmtId="{i}" formatCode="{esc_attr(code, p.amp)}"/>')
            out.append(f"</{t('numFmts')}>")
        out.append(f'<{t("fonts")} count="2"><{t("font")}><{t("sz")} val="11"/><{t("name")} val="Calibri"/></{t("font")}>'
                   f'<{t("font")}><{t("b")}/><{t("sz")} val="11"/><{t("name")} val="Calibri"/></{t("font")}></{t("fonts")}>')
        out.append(f'<{t("fills")} count="2"><{t("fill")}><{t("patternFill")} patternType="none"/></{t("fill")}>'
                   f'<{t("fill")}><{t("patternFill")} patternType="gray125"/></{t("fill")}></{t("fills")}>')
        out.append(f'<{t("borders")} count="1"><{t("border")}/></{t("borders")}>')
        out.append(f'<{t("cellStyleXfs")} count="1"><{t("xf")} numFmtId="0" fontId="0" fillId="0" borderId="0"/></{t("cellStyleXfs")}>')
        out.append(f'<{t("cellXfs")} count="{len(self.xf)}">')
        for fmt in self.xf:
            nid = 0 if fmt is None else (fmt if isinstance(fmt, int) else self.custom[fmt])
            if isinstance(fmt, str) and fmt.startswith("#id:"):
                nid = int(fmt[4:])
            apply = ' applyNumberFormat="1"' if nid else ""
            out.append(f'<{t("xf")} numFmtId="{nid}" fontId="0" fillId="0" borderId="0" xfId="0"{apply}/>')
        out.append(f"</{t('cellXfs')}></{t('styleSheet')}>")
        return "".join(out)


def _formula_xml(p, f):
    t = _t(p, "f")
    if isinstance(f, tuple) and f[0] == "array":
        return f'<{t} t="array" ref="{f[1]}">{esc_text(f[2])}</{t}>' if f[2] else ""
    if isinstance(f, tuple):
        _, si, rng, text = f
        if rng:
            return f'<{t} t="shared" ref="{rng}" si="{si}">{esc_text(text)}</{t}>'
        return f'<{t} t="shared" si="{si}"/>'
    return f"<{t}>{esc_text(f)}</{t}>"


def _cell_xml(p, r, c, cell, sst, styles, with_r):
    t = lambda x: _t(p, x)
    attrs = f' r="{ref(r, c)}"' if with_r else ""
    if styles is not None and cell.fmt is not None:
        attrs += f' s="{styles.index(cell.fmt)}"'
    f = _formula_xml(p, cell.formula) if cell.formula is not None else ""
    k = cell.kind
    if k == "blank":
        return f"<{t('c')}{attrs}/>"
    if k == "raw":  # the rest of the element, written as given (hand edits)
        return f"<{t('c')}{attrs}{cell.value}"
    if k == "s" and (p.strings == "inline" or sst is None):
        k = "is"
    if k == "s" and p.strings == "str" and not cell.rich:
        k = "str"
    if k == "n":
        tn = ' t="n"' if (p.explicit_n or cell.explicit_n) else ""
        v = "" if cell.value is None else f"<{t('v')}>{cell.value}</{t('v')}>"
        return f"<{t('c')}{attrs}{tn}>{f}{v}</{t('c')}>"
    if k == "s":
        i = sst.add((cell.value, tuple(cell.rich or ()), cell.phonetic), _string_xml(p, cell))
        return f'<{t("c")}{attrs} t="s">{f}<{t("v")}>{i}</{t("v")}></{t("c")}>'
    if k == "is":
        return f'<{t("c")}{attrs} t="inlineStr">{f}<{t("is")}>{_string_xml(p, cell)}</{t("is")}></{t("c")}>'
    if k in ("str", "b", "e", "d"):
        v = esc_text(cell.value if k != "b" else ("1" if cell.value else "0"))
        return f'<{t("c")}{attrs} t="{k}">{f}<{t("v")}>{v}</{t("v")}></{t("c")}>'
    raise ValueError(k)


def _sheet_xml(p, sheet, sst, styles, rng):
    t = lambda x: _t(p, x)
    cells = sheet.cells
    extra = f" {p.extra_ns}" if p.extra_ns else ""
    out = [f"<{t('worksheet')} {_ns(p)}{extra}>"]
    if cells:
        rows = sorted({r for r, _ in cells})
        cols = sorted({c for _, c in cells})
        auto = f"{ref(rows[0], cols[0])}:{ref(rows[-1], cols[-1])}" if len(cells) > 1 else ref(rows[0], cols[0])
    else:
        rows, cols, auto = [], [], "A1"
    if p.dimension and sheet.dimension is not None:
        d = auto if sheet.dimension == "auto" else sheet.dimension
        out.append(f'<{t("dimension")} ref="{d}"/>')
    out.append(f'<{t("sheetViews")}><{t("sheetView")} workbookViewId="0"/></{t("sheetViews")}>')
    out.append(f'<{t("sheetFormatPr")} defaultRowHeight="15"/>')
    if not cells:
        out.append(f"<{t('sheetData')}/></{t('worksheet')}>")
        return "".join(out)
    out.append(f"<{t('sheetData')}>")
    by_row = {}
    for (r, c), cell in cells.items():
        by_row.setdefault(r, []).append((c, cell))
    row_list = rows
    if p.row_r is not True:
        # Without r (on some or all rows) position is the row number: no gaps.
        row_list = list(range(0, rows[-1] + 1))
    if p.shuffle_rows:
        row_list = row_list[:]
        rng.shuffle(row_list)
    for r in row_list:
        items = sorted(by_row.get(r, []), key=lambda x: x[0])
        if p.cell_r is False and items:
            # Without r, position is the order: fill the gaps with empty cells.
            filled, have = [], dict(items)
            for c in range(0, items[-1][0] + 1):
                filled.append((c, have.get(c, Cell("blank"))))
            items = filled
        if p.shuffle_cells and p.cell_r is True:
            rng.shuffle(items)
        rattr = f' r="{r + 1}"' if p.row_r is True or (p.row_r == "some" and r % 3 == 0) else ""
        if p.repeat_rows and p.row_r is True and items:
            for c, cell in items:
                out.append(f"<{t('row')}{rattr}>{_cell_xml(p, r, c, cell, sst, styles, p.cell_r)}</{t('row')}>")
            continue
        if p.spans and items:
            rattr += f' spans="{items[0][0] + 1}:{items[-1][0] + 1}"'
        if p.cell_r == "some":
            # Only some cells carry r: a cell without one is the next column (calamine #261).
            body, prev = [], -1
            for c, cell in items:
                body.append(_cell_xml(p, r, c, cell, sst, styles, not (c == prev + 1 and c % 2)))
                prev = c
            body = "".join(body)
        else:
            body = "".join(_cell_xml(p, r, c, cell, sst, styles, p.cell_r) for c, cell in items)
        out.append(f"<{t('row')}{rattr}>{body}</{t('row')}>" if body else f"<{t('row')}{rattr}/>")
    out.append(f"</{t('sheetData')}>")
    out.append(f'<{t("pageMargins")} left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>')
    out.append(f"</{t('worksheet')}>")
    return "".join(out)


def _chartsheet_xml(p):
    t = lambda x: _t(p, x)
    return (f"<{t('chartsheet')} {_ns(p)}><{t('sheetViews')}><{t('sheetView')} workbookViewId=\"0\"/>"
            f"</{t('sheetViews')}></{t('chartsheet')}>")


def _case(p, path):
    if p.part_case != "mixed":
        return path
    return "/".join(seg[:1].upper() + seg[1:] if i > 0 else seg for i, seg in enumerate(path.split("/")))


def write(path, sheets, p):
    """Writes the workbook `sheets` (a list of Sheet) with the habits of profile `p`."""
    rng = random.Random(p.seed)
    rel_ns = STRICT_REL if p.strict else REL
    rel_type = (lambda s: "http://purl.oclc.org/ooxml/officeDocument/relationships" + s) if p.strict else \
        (lambda s: "http://schemas.openxmlformats.org/officeDocument/2006/relationships" + s)
    sst = _SST() if p.strings == "shared" else None
    styles = _Styles(p) if p.styles else None
    parts = {}      # zip name -> bytes
    overrides = []  # (partname, content type)
    wb_rels = []    # (id, type, target)
    sheet_entries = []
    n_ws = 0
    for i, s in enumerate(sheets):
        if s.kind == "vba":
            sheet_entries.append((s, ""))
            continue
        n_ws += 1
        rid = p.rid.format(n=n_ws)
        if s.kind == "chartsheet":
            name = _case(p, f"xl/chartsheets/sheet{n_ws}.xml")
            parts[name] = _bytes(p, _chartsheet_xml(p))
            # An empty relationships part (a real one points at the drawing; openpyxl needs the part).
            folder, base = name.rsplit("/", 1)
            parts[f"{folder}/_rels/{base}.rels"] = _bytes(p, f'<Relationships xmlns="{PKG_REL}"/>')
            overrides.append(("/" + name, "application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"))
            wb_rels.append((rid, rel_type(T_CHARTSHEET), name[3:]))
        else:
            name = _case(p, "xl/" + p.sheet_path.format(n=n_ws))
            parts[name] = _bytes(p, _sheet_xml(p, s, sst, styles, rng))
            overrides.append(("/" + name, "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"))
            wb_rels.append((rid, rel_type(T_WORKSHEET), name[3:]))
        sheet_entries.append((s, rid))
    t = lambda x: _t(p, x)
    wb = [f"<{t('workbook')} {_ns(p)}>"]
    d1904 = f' date1904="{p.date1904}"' if isinstance(p.date1904, str) else (' date1904="1"' if p.date1904 else "")
    wb.append(f'<{t("workbookPr")}{d1904}/>')
    wb.append(f'<{t("bookViews")}><{t("workbookView")} xWindow="0" yWindow="0" windowWidth="16384" windowHeight="8192"/></{t("bookViews")}>')
    wb.append(f"<{t('sheets')}>")
    for k, (s, rid) in enumerate(sheet_entries):
        st = f' state="{s.state}"' if s.state else ""
        wb.append(f'<{t("sheet")} name="{esc_attr(s.name, p.amp)}" sheetId="{k + 1}"{st} r:id="{rid}"/>')
    wb.append(f"</{t('sheets')}>")
    if p.defined_names:
        wb.append(f"<{t('definedNames')}>")
        for name, text in p.defined_names:
            wb.append(f'<{t("definedName")} name="{esc_attr(name, p.amp)}">{esc_text(text)}</{t("definedName")}>')
        wb.append(f"</{t('definedNames')}>")
    wb.append(f'<{t("calcPr")} calcId="191029"/></{t("workbook")}>')
    if styles is not None:
        sname = _case(p, p.styles_path)
        wb_rels.append((p.rid.format(n=n_ws + 1), rel_type(T_STYLES), sname[3:]))
        overrides.append(("/" + sname, "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"))
    if sst is not None and sst.items:
        name = _case(p, p.sst_path)
        cnt = f' count="{sst.count}" uniqueCount="{len(sst.items)}"' if p.sst_counts else ""
        body = "".join(f"<{t('si')}>{x}</{t('si')}>" for x in sst.items)
        parts[name] = _bytes(p, f"<{t('sst')} {_ns(p)}{cnt}>{body}</{t('sst')}>")
        wb_rels.append((p.rid.format(n=n_ws + 2), rel_type(T_SST), name[3:]))
        overrides.append(("/" + name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"))
    if styles is not None:
        parts[_case(p, p.styles_path)] = _bytes(p, styles.xml())
    wb_name = _case(p, p.wb_path)
    parts[wb_name] = _bytes(p, "".join(wb))
    overrides.append(("/" + wb_name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"))

    def target(tg):
        if p.abs_targets:
            tg = "/xl/" + tg
        if p.backslash_targets:
            tg = tg.replace("/", "\\")
        return esc_attr(tg, p.amp)

    rels = [f'<Relationships xmlns="{PKG_REL}">']
    for rid, typ, tg in wb_rels:
        rels.append(f'<Relationship Id="{rid}" Type="{typ}" Target="{target(tg)}"/>')
    rels.append("</Relationships>")
    folder, base = wb_name.rsplit("/", 1)
    parts[f"{folder}/_rels/{base}.rels"] = _bytes(p, "".join(rels))
    root = [f'<Relationships xmlns="{PKG_REL}">',
            f'<Relationship Id="rId1" Type="{rel_type(T_OFFICE_DOC)}" Target="{"/" if p.abs_targets else ""}{wb_name}"/>']
    if p.docprops:
        root.append('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>')
        parts["docProps/core.xml"] = _bytes(p, '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>corpus</dc:creator></cp:coreProperties>')
        overrides.append(("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"))
    root.append("</Relationships>")
    parts["_rels/.rels"] = _bytes(p, "".join(root))
    ct = [f'<Types xmlns="{CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>']
    for pn, typ in ([] if p.ct_minimal else overrides):
        ct.append(f'<Override PartName="{esc_attr(pn, p.amp)}" ContentType="{typ}"/>')
    ct.append("</Types>")
    parts["[Content_Types].xml"] = _bytes(p, "".join(ct))
    order = ["[Content_Types].xml", "_rels/.rels"] + [k for k in parts if k not in ("[Content_Types].xml", "_rels/.rels")]
    if p.entry_order == "reversed":
        order.reverse()
    sink = _Unseekable() if p.streamed else io.BytesIO()
    if p.ct_minimal:
        # Without Overrides the main part's type comes from a Default for its extension.
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
            b'<Default Extension="xml" ContentType="application/xml"/>',
            b'<Default Extension="xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>')
    if p.zip_dirs:
        dirs = sorted({n.rsplit("/", 1)[0] + "/" for n in order if "/" in n})
        order = dirs + order
        for d in dirs:
            parts[d] = b""
    with zipfile.ZipFile(sink, "w", compression=p.compress) as z:
        z.comment = p.zip_comment
        for name in order:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = p.compress
            info.external_attr = 0o644 << 16
            if name.endswith("/"):
                info.external_attr = 0o40755 << 16 | 0x10
                z.writestr(info, b"")
                continue
            if p.streamed or p.zip64:
                with z.open(info, "w", force_zip64=p.zip64) as f:
                    f.write(parts[name])
            else:
                z.writestr(info, parts[name])
    data = bytes(sink.buf) if p.streamed else sink.getvalue()
    with open(path, "wb") as f:
        f.write(data)


def normalise_zip(path):
    """Makes a library's output byte-stable: fixed entry times and docProps dates (the
    only parts that carry the clock). The cells are untouched."""
    import re
    with zipfile.ZipFile(path) as z:
        entries = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w") as z:
        for info, data in entries:
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z", b"2024-01-01T00:00:00Z", data)
            out = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            out.compress_type, out.external_attr = info.compress_type, info.external_attr
            z.writestr(out, data)
