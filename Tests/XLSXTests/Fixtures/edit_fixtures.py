#!/usr/bin/env python3
"""Rewrites fixtures made by make_fixtures.py (openpyxl / XlsxWriter output) for ZIP and
package cases no writer produces on request. Run by make_fixtures.py; standalone:

    python3 Tests/XLSXTests/Fixtures/edit_fixtures.py

A small ZIP writer here controls the container: ZIP64 records, data descriptors, stored
entries, backslash names, and deliberately broken files (CRC, truncation, methods).
"""
import os
import re
import struct
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = "shared_strings_xlsxwriter.xlsx"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships"


def path(name):
    return os.path.join(HERE, name)


def read_parts(name):
    with zipfile.ZipFile(path(name)) as z:
        return [(i.filename, z.read(i.filename)) for i in z.infolist()]


def write_zip(name, parts, zip64=False, descriptor=False, method=8, rename=lambda n: n,
              crc_fix=lambda n, c: c, method_for=lambda n, m: m, flags_for=lambda n, f: f):
    out = bytearray()
    central = bytearray()
    for pname, data in parts:
        stored_name = rename(pname).encode("utf-8")
        crc = zlib.crc32(data) & 0xFFFFFFFF
        if method == 8:
            c = zlib.compressobj(6, zlib.DEFLATED, -15)
            comp = c.compress(data) + c.flush()
        else:
            comp = data
        m = method_for(pname, method)
        flags = 0x800 | (0x8 if descriptor else 0)
        flags = flags_for(pname, flags)
        crc_written = crc_fix(pname, crc)
        offset = len(out)
        version = 45 if zip64 else 20
        if zip64:
            lextra = struct.pack("<HHQQ", 1, 16, 0 if descriptor else len(data), 0 if descriptor else len(comp))
            lsizes = (0xFFFFFFFF, 0xFFFFFFFF)
        else:
            lextra = b""
            lsizes = (0, 0) if descriptor else (len(comp), len(data))
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, version, flags, m, 0, 0x21,
                           0 if descriptor else crc_written, lsizes[0], lsizes[1], len(stored_name), len(lextra))
        out += stored_name + lextra + comp
        if descriptor:
            if zip64:
                out += struct.pack("<IIQQ", 0x08074B50, crc_written, len(comp), len(data))
            else:
                out += struct.pack("<IIII", 0x08074B50, crc_written, len(comp), len(data))
        if zip64:
            cextra = struct.pack("<HHQQQ", 1, 24, len(data), len(comp), offset)
            csizes = (0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF)
        else:
            cextra = b""
            csizes = (len(comp), len(data), offset)
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, version, version, flags, m, 0, 0x21,
                               crc_written, csizes[0], csizes[1], len(stored_name), len(cextra), 0, 0, 0, 0,
                               csizes[2])
        central += stored_name + cextra
    cd_offset = len(out)
    out += central
    count = len(parts)
    if zip64:
        z64 = len(out)
        out += struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, count, count, len(central), cd_offset)
        out += struct.pack("<IIQI", 0x07064B50, 0, z64, 1)
        out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    else:
        out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(central), cd_offset, 0)
    with open(path(name), "wb") as f:
        f.write(out)


def replace_parts(parts, changes):
    """changes: {name: bytes or callable(bytes)->bytes or None (drop)}; new names are appended."""
    result = []
    seen = set()
    for n, d in parts:
        if n in changes:
            seen.add(n)
            ch = changes[n]
            if ch is None:
                continue
            d = ch(d) if callable(ch) else ch
        result.append((n, d))
    for n, ch in changes.items():
        if n not in seen and ch is not None and not callable(ch):
            result.append((n, ch))
    return result


def sheet_xml(rows_xml):
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}"><dimension ref="A1"/>'
            f"<sheetData>{rows_xml}</sheetData></worksheet>").encode()


def strictify(data):
    text = data.decode("utf-8")
    # Prefix every unprefixed element with x: and bind x to the strict namespace.
    text = re.sub(r"<(/?)([A-Za-z][A-Za-z0-9]*)(?=[\s>/])", r"<\1x:\2", text)
    text = text.replace(f'xmlns="{MAIN}"', f'xmlns:x="{STRICT_MAIN}"')
    text = text.replace(REL, STRICT_REL)
    return text.encode("utf-8")


def main():
    base = read_parts(BASE)
    names = [n for n, _ in base]
    assert "xl/worksheets/sheet1.xml" in names, names

    write_zip("zip64.xlsx", base, zip64=True)
    write_zip("data_descriptor.xlsx", base, descriptor=True)
    write_zip("zip64_data_descriptor.xlsx", base, zip64=True, descriptor=True)
    write_zip("stored_entries.xlsx", base, method=0)
    write_zip("backslash_parts.xlsx", base,
              rename=lambda n: n.replace("/", "\\").replace("worksheets", "Worksheets").upper()
              if n.startswith("xl/worksheets") else n.replace("/", "\\"))

    # Strict OOXML namespaces with an x: prefix on every SpreadsheetML element.
    strict = [(n, strictify(d) if n.startswith("xl/") and n.endswith(".xml") and "theme" not in n else d)
              for n, d in base]
    strict = [(n, d.replace(REL.encode(), STRICT_REL.encode()) if n.endswith(".rels") else d) for n, d in strict]
    write_zip("strict_namespaces.xlsx", strict)

    # Workbook part with another name; absolute and ../ targets.
    moved = []
    for n, d in base:
        if n == "xl/workbook.xml":
            moved.append(("xl/book/main.xml", d))
        elif n == "xl/_rels/workbook.xml.rels":
            t = d.decode()
            t = t.replace('Target="worksheets/sheet1.xml"', 'Target="../worksheets/./sheet1.xml"')
            t = t.replace('Target="styles.xml"', 'Target="./../styles.xml"')
            t = t.replace('Target="sharedStrings.xml"', 'Target="/xl/sharedStrings.xml"')
            t = t.replace('Target="theme/theme1.xml"', 'Target="../theme/theme1.xml"')
            moved.append(("xl/book/_rels/main.xml.rels", t.encode()))
        elif n == "_rels/.rels":
            moved.append((n, d.replace(b'Target="xl/workbook.xml"', b'Target="/xl/book/main.xml"')))
        elif n == "[Content_Types].xml":
            moved.append((n, d.replace(b'PartName="/xl/workbook.xml"', b'PartName="/xl/book/main.xml"')))
        else:
            moved.append((n, d))
    write_zip("relative_targets.xlsx", moved)

    # .xlsm: the macro-enabled content type (no VBA project needed to read cells).
    xlsm = replace_parts(base, {"[Content_Types].xml": lambda d: d.replace(
        b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        b"application/vnd.ms-excel.sheet.macroEnabled.main+xml")})
    write_zip("macro_enabled.xlsm", xlsm)

    # Rows and cells without r; t="d" ISO dates; phonetic runs and xml:space in shared strings.
    no_r = sheet_xml('<row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c></row>'
                     '<row r="3"><c><v>2</v></c><c r="D3"><v>3</v></c><c><v>4</v></c></row>'
                     '<row><c r="B4"><v>5</v></c></row>')
    write_zip("cells_without_r.xlsx", replace_parts(base, {"xl/worksheets/sheet1.xml": no_r}))
    iso = sheet_xml('<row r="1"><c r="A1" t="d"><v>2016-11-17</v></c><c r="B1" t="d"><v>2016-11-17T08:30:00</v></c>'
                    '<c r="C1" t="d"><v>08:30:00</v></c><c r="D1" t="d"><v>1900-03-01</v></c></row>')
    write_zip("iso_dates_t_d.xlsx", replace_parts(base, {"xl/worksheets/sheet1.xml": iso}))
    sst = (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" count="3" uniqueCount="3">'
           '<si><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh><phoneticPr fontId="1"/></si>'
           '<si><r><t xml:space="preserve">  two </t></r><r><rPr><b/></rPr><t>runs</t></r></si>'
           '<si><t>a_x000D__x000A_b _x005F_x0041_ &amp;&lt;&gt;</t></si></sst>').encode()
    ph = sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
                   '<c r="C1" t="s"><v>2</v></c></row>')
    write_zip("shared_strings_phonetic.xlsx",
              replace_parts(base, {"xl/sharedStrings.xml": sst, "xl/worksheets/sheet1.xml": ph}))
    far = sheet_xml('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>').replace(
        b'<dimension ref="A1"/>', b'<dimension ref="A1:XFD1048576"/>')
    write_zip("cell_at_xfd1048576.xlsx", replace_parts(base, {"xl/worksheets/sheet1.xml": far}))
    dtd = (b'<?xml version="1.0"?>\n<!DOCTYPE worksheet [<!ENTITY e "x">]>' + sheet_xml("")[39:])
    write_zip("dtd_in_sheet.xlsx", replace_parts(base, {"xl/worksheets/sheet1.xml": dtd}))

    # Shared formulas, as Excel writes a filled formula: text on the master only,
    # children <f t="shared" si="N"/>. Down a column (anchored refs), a quoted-sheet
    # ref with a string, a range pushed off the sheet (D3), across a row (ranges, whole
    # columns), a 2x2 block, a child whose si has no master (F2), and an array formula.
    # Cached values are what the formulas give (D3 the #REF! error).
    def f(ref, t, v, formula="", si=None, master_ref=None, array_ref=None):
        tt = f' t="{t}"' if t else ""
        if array_ref:
            fx = f'<f t="array" ref="{array_ref}">{formula}</f>'
        elif master_ref:
            fx = f'<f t="shared" ref="{master_ref}" si="{si}">{formula}</f>'
        else:
            fx = f'<f t="shared" si="{si}"/>'
        return f'<c r="{ref}"{tt}>{fx}<v>{v}</v></c>'

    def n(ref, v):
        return f'<c r="{ref}"><v>{v}</v></c>'

    shared = sheet_xml(
        '<row r="1">' + n("A1", 1) + n("B1", 2) + n("C1", 3) + n("D1", 4) + "</row>"
        '<row r="2">' + n("A2", 10)
        + f("B2", None, 31, "A2*2+$A$2+A$1", 0, "B2:B5")
        + f("C2", "str", "10A2", "'Thông tin'!A2&amp;\"A2\"", 2, "C2:C4")
        + f("D2", None, 0, "SUM(A1048575:A1048576)", 3, "D2:D3")
        + f("F2", None, 0, si=9)
        + f("G2", None, 20, "A2:A3*2", array_ref="G2:G3")
        + f("H2", None, 3, "A1+$B1", 4, "H2:I3") + f("I2", None, 4, si=4) + "</row>"
        '<row r="3">' + n("A3", 20) + f("B3", None, 51, si=0) + f("C3", "str", "20A2", si=2)
        + f("D3", "e", "#REF!", si=3) + n("G3", 40) + f("H3", None, 41, si=4) + f("I3", None, 62, si=4) + "</row>"
        '<row r="4">' + n("A4", 30) + f("B4", None, 71, si=0) + f("C4", "str", "30A2", si=2) + "</row>"
        '<row r="5">' + n("A5", 40) + f("B5", None, 91, si=0) + "</row>"
        '<row r="7">' + f("B7", None, 47, "SUM(A1:A2)*B$1+$A$3+COUNT($A:A)", 1, "B7:E7")
        + f("C7", None, 130, si=1) + f("D7", None, 45, si=1) + f("E7", None, 36, si=1) + "</row>")
    write_zip("shared_formulas.xlsx", replace_parts(base, {"xl/worksheets/sheet1.xml": shared}))

    # Files that must be refused, each with its own reason.
    write_zip("crc_mismatch.xlsx", base,
              crc_fix=lambda n, c: c ^ 1 if n == "xl/worksheets/sheet1.xml" else c)
    write_zip("bzip2_entry.xlsx", base, method_for=lambda n, m: 12 if n == "xl/worksheets/sheet1.xml" else m)
    write_zip("encrypted_entry.xlsx", base,
              flags_for=lambda n, f: f | 1 if n == "xl/worksheets/sheet1.xml" else f)
    write_zip("missing_sheet_part.xlsx", replace_parts(base, {"xl/worksheets/sheet1.xml": None}))
    data = open(path(BASE), "rb").read()
    with open(path("truncated.xlsx"), "wb") as f:
        f.write(data[: len(data) // 2])
    with open(path("not_a_zip.xlsx"), "wb") as f:
        f.write(b"STT,Ho va ten\n1,Nguyen Van A\n")
    print("edited fixtures written to", HERE)


if __name__ == "__main__":
    main()
