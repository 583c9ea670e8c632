#!/usr/bin/env python3
"""Writes the hostile-file corpus and its manifest.

    python3 make_corpus.py                 # small files -> corpus/, and manifest.json
    python3 make_corpus.py --large DIR     # large files (zip bombs, 200 MB string) -> DIR
    python3 make_corpus.py --large DIR --only zip_bomb.xlsx    # one large file
    python3 make_corpus.py --refresh       # also remake the LibreOffice/msoffcrypto files

Every file is named .xlsx, whatever it really is, and has the outcome `tonghop inspect`
must give it in manifest.json:

    error              exit 2, one `error: FILE: ...` line on stderr (and `message`
                       in it, case-insensitive, when given)
    read               exit 0, no `error:` and no `warning:` on stderr
    read-with-warning  exit 0 and a `warning:` line on stderr

`secretFile`: the file's content (first line) must never appear in stdout or stderr.
`stdoutContains`: strings the CSV output of `tonghop inspect FILE` must contain.
`statsOutcome`: the outcome of `tonghop inspect --stats FILE` when it differs.
`neverCreated`: paths that must not exist after the run (zip-slip).
`large`: made at test time by `--large` (never committed; a few MB each at most on
disk, though some inflate to gigabytes).

Small files are committed; the script is the only way they are made. The valid base
workbook comes from XlsxWriter (a writer that is not ours; openpyxl 3.1 writes no shared
strings, XlsxWriter does); every other file is that
base taken apart and put back together by the small ZIP writer below, so each file
differs from a good one in exactly the way its name says. The legacy .xls and the
.ods come from LibreOffice (`soffice --headless --convert-to`), the password-protected
workbook from msoffcrypto-tool; when those tools are absent, the committed files are
kept. `--large` needs only the Python standard library and the committed base.
"""

import bz2
import json
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
MANIFEST = os.path.join(HERE, "manifest.json")
BASE = "valid_base.xlsx"

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SHEET1 = "xl/worksheets/sheet1.xml"
SST = "xl/sharedStrings.xml"
WORKBOOK = "xl/workbook.xml"
WB_RELS = "xl/_rels/workbook.xml.rels"

# ---------------------------------------------------------------------------------------
# A ZIP writer that can lie. Each entry is a dict:
#   name, data (uncompressed), method (0 stored, 8 deflate, 12 bzip2, 99 AES, ...),
#   raw (compressed bytes, overrides compression), crc, usize, csize (override what the
#   headers say), flags, extra, local_name (name in the local header), offset (central
#   directory's local-header offset, overriding the real one), central (False: local only).
# ---------------------------------------------------------------------------------------
DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01, as Excel pins it
DOS_TIME = 0


def deflate(data, level=6):
    c = zlib.compressobj(level, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def entry(name, data, method=8, **kw):
    e = {"name": name, "data": data, "method": method}
    e.update(kw)
    return e


def _compressed(e):
    if "raw" in e:
        return e["raw"]
    m = e["method"]
    if m == 0:
        return e["data"]
    if m == 8:
        return deflate(e["data"])
    if m == 12:
        return bz2.compress(e["data"])
    raise ValueError(f"no compressor for method {m}")


def zip_bytes(entries, comment=b"", eocd=None):
    out = bytearray()
    central = bytearray()
    count = 0
    for e in entries:
        name = e["name"].encode("utf-8") if isinstance(e["name"], str) else e["name"]
        local_name = e.get("local_name", name)
        if isinstance(local_name, str):
            local_name = local_name.encode("utf-8")
        comp = _compressed(e)
        crc = e.get("crc", zlib.crc32(e["data"]) & 0xFFFFFFFF)
        usize = e.get("usize", len(e["data"]))
        csize = e.get("csize", len(comp))
        flags = e.get("flags", 0x0800 if any(b > 127 for b in name) else 0)
        extra = e.get("extra", b"")
        offset = len(out)
        if e.get("local", True):
            out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, e["method"], DOS_TIME,
                               DOS_DATE, crc, csize, usize, len(local_name), len(extra))
            out += local_name + extra + comp
        if e.get("central", True):
            central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 0x0314, 20, flags,
                                   e["method"], DOS_TIME, DOS_DATE, crc, csize, usize,
                                   len(name), len(extra), 0, 0, 0, 0o100644 << 16,
                                   e.get("offset", offset))
            central += name + extra
            count += 1
    cd_offset = len(out)
    out += central
    fields = {"disk": 0, "cd_disk": 0, "count_disk": count, "count": count,
              "cd_size": len(central), "cd_offset": cd_offset}
    if eocd:
        fields.update(eocd)
    out += struct.pack("<IHHHHIIH", 0x06054B50, fields["disk"], fields["cd_disk"],
                       fields["count_disk"], fields["count"], fields["cd_size"],
                       fields["cd_offset"], len(comment))
    out += comment
    return bytes(out)


def read_zip(path):
    """The base workbook's entries, in order, as (name, bytes)."""
    import zipfile
    with zipfile.ZipFile(path) as z:
        return [(i.filename, z.read(i.filename)) for i in z.infolist()]


# ---------------------------------------------------------------------------------------
# The valid base workbook (XlsxWriter), made deterministic.
# ---------------------------------------------------------------------------------------
CORE_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>TongHop hostile corpus</dc:creator>'
    '<dcterms:created xsi:type="dcterms:W3CDTF">2016-11-17T00:00:00Z</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">2016-11-17T00:00:00Z</dcterms:modified>'
    '</cp:coreProperties>').encode()


def make_base_with_xlsxwriter(path):
    import datetime
    import xlsxwriter
    tmp = path + ".xlsxwriter"
    wb = xlsxwriter.Workbook(tmp)
    wb.set_properties({"author": "TongHop hostile corpus", "created": datetime.datetime(2016, 11, 17)})
    ws = wb.add_worksheet("Thông tin")
    ws.merge_range("A1:D1", "BÁO CÁO KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT SỐ 04-NQ/TU")
    date_fmt = wb.add_format({"num_format": "dd/mm/yyyy"})
    rows = [("Mã biểu mẫu", "NQ04"), ("Mã đơn vị", "MNH"), ("Tên đơn vị", "Huyện ủy Mường Nhé"),
            ("Kỳ báo cáo", 2016), ("Ngày báo cáo", datetime.date(2016, 11, 17)),
            ("Người lập biểu", "Lò Văn Hùng"), ("Điện thoại", "0215 3710 123")]
    for i, (label, value) in enumerate(rows, start=2):
        ws.write(i, 0, label)
        if isinstance(value, datetime.date):
            ws.write_datetime(i, 1, datetime.datetime.combine(value, datetime.time()), date_fmt)
        else:
            ws.write(i, 1, value)
    ws2 = wb.add_worksheet("Chỉ tiêu")
    table = [["Mã chỉ tiêu", "STT", "Chỉ tiêu", "Đơn vị tính", "Ban hành", "Đến kỳ báo cáo"],
             ["KN_CT", 1, "Chỉ tiêu kết nạp đảng viên năm 2016", "đảng viên", None, 154],
             ["KN", 2, "Số đảng viên mới được kết nạp", "đảng viên", None, 112],
             ["TB_TRANG", 9, "Thôn, bản chưa có đảng viên", "thôn, bản", 38, 18]]
    for r, row in enumerate(table):
        for c, v in enumerate(row):
            if v is not None:
                ws2.write(r, c, v)
    wb.close()
    # Re-pack with pinned timestamps and document properties.
    entries = []
    for name, data in read_zip(tmp):
        if name == "docProps/core.xml":
            data = CORE_XML
        entries.append(entry(name, data))
    os.remove(tmp)
    with open(path, "wb") as f:
        f.write(zip_bytes(entries))


# What `tonghop inspect valid_base.xlsx` must print (first sheet, CSV) in part.
BASE_CSV_LINES = ["Mã đơn vị,MNH", "Tên đơn vị,Huyện ủy Mường Nhé", "Ngày báo cáo,2016-11-17"]


class Base:
    """The base workbook's parts, to take apart and put back together."""

    def __init__(self, path):
        self.parts = read_zip(path)

    def get(self, name):
        return dict(self.parts)[name]

    def entries(self, replace=None, drop=(), method=8, add=()):
        replace = replace or {}
        out = []
        for name, data in self.parts:
            if name in drop:
                continue
            out.append(entry(name, replace.get(name, data), method))
        out.extend(add)
        return out

    def zip(self, replace=None, drop=(), add=()):
        return zip_bytes(self.entries(replace, drop, add=add))


def sheet(rows_xml, before="", after="", decl=True, doctype=""):
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' if decl else ""
    return (f'{head}{doctype}<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">{before}'
            f'<sheetData>{rows_xml}</sheetData>{after}</worksheet>').encode()


def sst(strings, doctype=""):
    items = "".join(f"<si><t>{s}</t></si>" for s in strings)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{doctype}'
            f'<sst xmlns="{MAIN_NS}" count="{len(strings)}" uniqueCount="{len(strings)}">'
            f'{items}</sst>').encode()


def one_cell(ref, inner, t=None):
    t_attr = f' t="{t}"' if t else ""
    return f'<row r="{ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")}"><c r="{ref}"{t_attr}>{inner}</c></row>'


OK_ROW = '<row r="1"><c r="A1" t="inlineStr"><is><t>ok</t></is></c></row>'

# ---------------------------------------------------------------------------------------
# The cases. Each returns the file's bytes; the decorator records its manifest entry.
# ---------------------------------------------------------------------------------------
CASES = []


def case(file, outcome, why, message=None, large=False, secret=None, stdout=None, tool=None,
         never_created=None, stats_outcome=None):
    def deco(fn):
        m = {"file": file, "outcome": outcome, "why": why}
        if stats_outcome:
            m["statsOutcome"] = stats_outcome
        if never_created:
            m["neverCreated"] = never_created
        if message:
            m["message"] = message
        if large:
            m["large"] = True
        if secret:
            m["secretFile"] = secret
        if stdout:
            m["stdoutContains"] = stdout
        CASES.append((m, fn, tool))
        return fn
    return deco


# --- the control --------------------------------------------------------------------------
@case(BASE, "read", "the valid base every other file is derived from (XlsxWriter)",
      stdout=BASE_CSV_LINES)
def _base(b):
    return None  # written by make_base_with_xlsxwriter


# --- zip bombs ----------------------------------------------------------------------------
def repeated_deflate(head, chunk, count, tail):
    """Deflate data of head + chunk*count + tail without ever holding it: each chunk is
    compressed after a full flush, so every chunk's compressed block is the same bytes."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = c.compress(head) + c.flush(zlib.Z_FULL_FLUSH)
    block = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    again = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    assert block == again, "full-flushed blocks differ; cannot repeat them"
    last = c.compress(tail) + c.flush()
    crc = zlib.crc32(head)
    for _ in range(count):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc) & 0xFFFFFFFF
    raw = first + block * count + last
    return raw, crc, len(head) + len(chunk) * count + len(tail)


def bomb_sheet(gib):
    head = sheet("", decl=True).split(b"<sheetData>")[0] + b"<sheetData>"
    chunk = b"<row><c><v>1</v></c></row>" * 40000  # 1,040,000 bytes
    count = int(gib * (1 << 30)) // len(chunk) + 1
    return repeated_deflate(head, chunk, count, b"</sheetData></worksheet>")


@case("zip_bomb_under_entry_limit.xlsx", "error",
      "sheet1.xml inflates to 900 MiB (under maxEntrySize) at ~760:1, sizes honest: the ratio guard "
      "stops it once 64 MiB are out", large=True, message="minCompressionRatio")
def _zip_bomb_under_limit(b):
    # Empty elements the reader skips, not rows (rows would stop at row 1,048,576 first),
    # with long names so that parsing the 64 MiB before the check stays quick.
    head = sheet("", decl=True).split(b"<sheetData>")[0] + b"<sheetData>"
    chunk = (b"<x" + b"y" * 4090 + b"/>") * 256  # 1 MiB
    raw, crc, usize = repeated_deflate(head, chunk, int(0.9 * 1024), b"</sheetData></worksheet>")
    return zip_bytes([e if e["name"] != SHEET1 else entry(SHEET1, b"", raw=raw, crc=crc, usize=usize)
                      for e in b.entries()])


@case("zip_bomb.xlsx", "error", "sheet1.xml inflates to 2.5 GiB from ~6 MB; sizes honest, ratio 0.0025",
      large=True, message="maxEntrySize")
def _zip_bomb(b):
    raw, crc, usize = bomb_sheet(2.5)
    return zip_bytes([e if e["name"] != SHEET1 else entry(SHEET1, b"", raw=raw, crc=crc, usize=usize)
                      for e in b.entries()])


@case("zip_bomb_lying_sizes.xlsx", "error",
      "sheet1.xml inflates to 2.5 GiB but its headers declare 100,000 bytes", large=True, message="declared size")
def _zip_bomb_lying(b):
    raw, crc, usize = bomb_sheet(2.5)
    return zip_bytes([e if e["name"] != SHEET1 else entry(SHEET1, b"", raw=raw, crc=crc, usize=100_000)
                      for e in b.entries()])


@case("zip_bomb_many_entries.xlsx", "error",
      "20,000 extra entries (limit 10,000), each 64 KiB of zeros deflated to ~70 bytes",
      large=True, message="maxEntries")
def _zip_bomb_many(b):
    z = bytes(1 << 16)
    raw = deflate(z, 9)
    crc = zlib.crc32(z) & 0xFFFFFFFF
    extra = [entry(f"xl/media/bomb{i:05d}.bin", b"", raw=raw, crc=crc, usize=len(z))
             for i in range(20_000)]
    return zip_bytes(b.entries() + extra)


def nested_bomb_bytes():
    # Inner: a zip with one entry of 1 GiB of zeros (~1 MB deflated); outer deflate of
    # that ~1 MB of repetitive bytes is a few KB.
    zchunk = bytes(1 << 20)
    raw, crc, usize = repeated_deflate(b"", zchunk, 1024, b"")
    return zip_bytes([entry("bomb.bin", b"", raw=raw, crc=crc, usize=usize)])


@case("zip_bomb_nested.xlsx", "read",
      "an embedded package (xl/embeddings/...) that is itself a zip holding 1 GiB of zeros; "
      "the reader never opens embedded packages, so the workbook reads", stdout=BASE_CSV_LINES)
def _zip_bomb_nested(b):
    inner = nested_bomb_bytes()
    return zip_bytes(b.entries() + [entry("xl/embeddings/Microsoft_Excel_Worksheet1.xlsx", inner, 9,
                                          raw=deflate(inner, 9))])


@case("zip_bomb_overlapping.xlsx", "error",
      "ten central-directory entries (sheet1..sheet10) all point at one local header and its data "
      "(the overlapping-file bomb)", message="overlaps")
def _zip_bomb_overlap(b):
    wb = b.get(WORKBOOK).decode()
    rels = b.get(WB_RELS).decode()
    sheets = "".join(f'<sheet name="S{i}" sheetId="{i + 10}" r:id="rIdS{i}"/>' for i in range(1, 11))
    wb = wb.replace("</sheets>", sheets + "</sheets>")
    rels = rels.replace("</Relationships>", "".join(
        f'<Relationship Id="rIdS{i}" Type="{REL_NS}/worksheet" Target="worksheets/s{i}.xml"/>'
        for i in range(1, 11)) + "</Relationships>")
    entries = b.entries(replace={WORKBOOK: wb.encode(), WB_RELS: rels.encode()})
    blob = zip_bytes(entries)
    # find sheet1's local header offset, then add central entries pointing at it
    data = b.get(SHEET1)
    off = blob.find(b"PK\x03\x04\x14\x00\x00\x00\x08\x00\x00\x00\x21\x00" + struct.pack("<I", zlib.crc32(data)))
    assert off >= 0
    extra = [entry(f"xl/worksheets/s{i}.xml", data, local=False, offset=off) for i in range(1, 11)]
    return zip_bytes(entries + extra)


# --- XML entities and DTDs ----------------------------------------------------------------
LAUGHS = ('<!DOCTYPE sst [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                    for i in range(1, 10)) + "]>")


@case("billion_laughs.xlsx", "error", "shared strings with nested entities expanding to 3 GB (a DTD)",
      message="DTD")
def _billion_laughs(b):
    strings = ["&lol9;"]
    return b.zip(replace={SST: sst(strings, doctype=LAUGHS),
                          SHEET1: sheet(one_cell("A1", "<v>0</v>", "s"))})


@case("billion_laughs_sheet.xlsx", "error", "the same entity bomb inside the worksheet part", message="DTD")
def _billion_laughs_sheet(b):
    dt = LAUGHS.replace("DOCTYPE sst", "DOCTYPE worksheet")
    return b.zip(replace={SHEET1: sheet(one_cell("A1", "<is><t>&lol9;</t></is>", "inlineStr"), doctype=dt)})


@case("quadratic_blowup.xlsx", "error",
      "one 50,000-character entity referenced 50,000 times in one cell (2.5 GB, no nesting)", message="DTD")
def _quadratic(b):
    dt = f'<!DOCTYPE worksheet [<!ENTITY a "{"a" * 50_000}">]>'
    return b.zip(replace={SHEET1: sheet(one_cell("A1", "<is><t>" + "&a;" * 50_000 + "</t></is>", "inlineStr"),
                                        doctype=dt)})


@case("xxe_local_file.xlsx", "error", "a shared string is an external entity reading /etc/passwd",
      message="DTD", secret="/etc/passwd")
def _xxe(b):
    dt = '<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    return b.zip(replace={SST: sst(["&xxe;"], doctype=dt), SHEET1: sheet(one_cell("A1", "<v>0</v>", "s"))})


@case("xxe_local_file_sheet.xlsx", "error", "an inline string is an external entity reading /etc/passwd",
      message="DTD", secret="/etc/passwd")
def _xxe_sheet(b):
    dt = '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "/etc/passwd">]>'
    return b.zip(replace={SHEET1: sheet(one_cell("A1", "<is><t>&xxe;</t></is>", "inlineStr"), doctype=dt)})


@case("xxe_parameter_entity.xlsx", "error",
      "a parameter entity pulls /etc/passwd into another entity's value", message="DTD", secret="/etc/passwd")
def _xxe_param(b):
    dt = ('<!DOCTYPE worksheet [<!ENTITY % file SYSTEM "file:///etc/passwd">'
          '<!ENTITY % wrap "<!ENTITY leak \'%file;\'>">%wrap;]>')
    return b.zip(replace={SHEET1: sheet(one_cell("A1", "<is><t>&leak;</t></is>", "inlineStr"), doctype=dt)})


@case("external_dtd_network.xlsx", "error",
      "workbook.xml names an external DTD on the network (10.255.255.1, unroutable: loading it would hang)",
      message="DTD")
def _external_dtd(b):
    wb = b.get(WORKBOOK).decode()
    i = wb.index("<workbook")
    wb = wb[:i] + '<!DOCTYPE workbook SYSTEM "http://10.255.255.1/evil.dtd">' + wb[i:]
    return b.zip(replace={WORKBOOK: wb.encode()})


@case("external_dtd_network_sheet.xlsx", "error",
      "sheet1.xml names a public DTD at an unroutable address", message="DTD")
def _external_dtd_sheet(b):
    dt = '<!DOCTYPE worksheet PUBLIC "-//EVIL//DTD//EN" "http://10.255.255.1/evil.dtd">'
    return b.zip(replace={SHEET1: sheet(OK_ROW, doctype=dt)})


@case("xinclude_local_file.xlsx", "read",
      "an XInclude of /etc/passwd inside an inline string: XInclude is never processed; the cell reads "
      "as its own text", secret="/etc/passwd", stdout=["ok"])
def _xinclude(b):
    inner = ('<is><t>ok</t><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
             'href="file:///etc/passwd" parse="text"/></is>')
    return b.zip(replace={SHEET1: sheet(one_cell("A1", inner, "inlineStr"))})


# --- broken ZIP structure -----------------------------------------------------------------
@case("truncated.xlsx", "error", "the base workbook cut in half (no central directory)", message="truncated")
def _truncated(b):
    blob = b.zip()
    return blob[: len(blob) // 2]


@case("truncated_in_eocd.xlsx", "error", "the base workbook missing its last 10 bytes (EOCD cut)", message="truncated")
def _truncated_eocd(b):
    return b.zip()[:-10]


@case("truncated_entry_data.xlsx", "error",
      "the central directory is intact but sheet1.xml's compressed data is cut short "
      "(its data replaced by half of itself, sizes kept)", message="truncated")
def _truncated_entry(b):
    data = b.get(SHEET1)
    comp = deflate(data)
    return zip_bytes([e if e["name"] != SHEET1 else entry(SHEET1, data, raw=comp[: len(comp) // 2],
                                                          csize=len(comp) // 2)
                      for e in b.entries()])


@case("crc_mismatch.xlsx", "error", "sheet1.xml's CRC-32 in both headers is off by one", message="CRC")
def _crc(b):
    data = b.get(SHEET1)
    return zip_bytes([e if e["name"] != SHEET1 else entry(SHEET1, data, crc=(zlib.crc32(data) + 1) & 0xFFFFFFFF)
                      for e in b.entries()])


@case("crc_mismatch_stored.xlsx", "error",
      "sheet1.xml stored (method 0) with the number 2016 changed to 2916 after the CRC was computed "
      "(the XML stays valid: only the CRC can tell)", message="CRC")
def _crc_stored(b):
    data = b.get(SHEET1)
    assert b"<v>2016</v>" in data
    bad = data.replace(b"<v>2016</v>", b"<v>2916</v>")
    return zip_bytes([e if e["name"] != SHEET1 else entry(SHEET1, bad, 0, crc=zlib.crc32(data) & 0xFFFFFFFF)
                      for e in b.entries()])


@case("cd_offset_beyond_eof.xlsx", "error", "the end record puts the central directory past the end of the file", message="central directory")
def _cd_beyond(b):
    return zip_bytes(b.entries(), eocd={"cd_offset": 0x7FFFFFF0})


@case("cd_size_too_large.xlsx", "error", "the end record's central-directory size is larger than the file", message="central directory")
def _cd_size(b):
    return zip_bytes(b.entries(), eocd={"cd_size": 0x7FFFFFF0})


@case("cd_entry_count_lies.xlsx", "error",
      "the end record claims 65,535 entries; the central directory holds 10", message="maxEntries")
def _cd_count(b):
    return zip_bytes(b.entries(), eocd={"count": 0xFFFE, "count_disk": 0xFFFE})


@case("cd_garbage.xlsx", "error", "the central directory overwritten with pseudo-random bytes", message="central directory")
def _cd_garbage(b):
    blob = bytearray(b.zip())
    eocd = blob.rfind(b"PK\x05\x06")
    cd_size, cd_off = struct.unpack_from("<II", blob, eocd + 12)
    rnd = random.Random(7)
    for i in range(cd_off, cd_off + cd_size):
        blob[i] = rnd.randrange(256)
    return bytes(blob)


@case("cd_name_length_huge.xlsx", "error",
      "the first central entry's name length is 65,535: the name runs past the directory", message="central directory")
def _cd_namelen(b):
    blob = bytearray(b.zip())
    eocd = blob.rfind(b"PK\x05\x06")
    cd_off = struct.unpack_from("<I", blob, eocd + 16)[0]
    struct.pack_into("<H", blob, cd_off + 28, 0xFFFF)
    return bytes(blob)


@case("local_header_offset_beyond_eof.xlsx", "error",
      "sheet1.xml's central entry points at a local header past the end of the file", message="outside the file")
def _lh_beyond(b):
    return zip_bytes([e if e["name"] != SHEET1 else dict(e, offset=0x7FFFFF00) for e in b.entries()])


@case("local_header_garbage.xlsx", "error",
      "sheet1.xml's central entry points into the middle of another entry's data (no local signature)", message="damaged")
def _lh_garbage(b):
    return zip_bytes([e if e["name"] != SHEET1 else dict(e, offset=7) for e in b.entries()])


@case("zip64_bogus_locator.xlsx", "error",
      "the end record says 0xFFFFFFFF (look in ZIP64) and a ZIP64 locator points nowhere", message="ZIP64")
def _zip64(b):
    blob = zip_bytes(b.entries(), eocd={"cd_offset": 0xFFFFFFFF, "cd_size": 0xFFFFFFFF,
                                        "count": 0xFFFF, "count_disk": 0xFFFF})
    eocd = blob.rfind(b"PK\x05\x06")
    locator = struct.pack("<IIQI", 0x07064B50, 0, 0x7FFFFFFFFFFFFFF0, 1)
    return blob[:eocd] + locator + blob[eocd:]


@case("empty_zip.xlsx", "error", "a valid ZIP with no entries at all", message="missing part")
def _empty_zip(b):
    return zip_bytes([])


@case("duplicate_entries.xlsx", "error",
      "two entries named xl/worksheets/sheet1.xml with different contents (which one is the sheet?)", message="same name")
def _dup(b):
    other = sheet(one_cell("A1", "<is><t>the other one</t></is>", "inlineStr"))
    return zip_bytes(b.entries() + [entry(SHEET1, other)])


@case("duplicate_entries_case.xlsx", "error",
      "xl/worksheets/sheet1.xml and XL/Worksheets/Sheet1.xml: the same part when names match without case", message="same name")
def _dup_case(b):
    other = sheet(one_cell("A1", "<is><t>the other one</t></is>", "inlineStr"))
    return zip_bytes(b.entries() + [entry("XL/Worksheets/Sheet1.xml", other)])


@case("overlapping_entries.xlsx", "error",
      "sheet1.xml's declared compressed size runs over the next entry's local header", message="overlaps")
def _overlap(b):
    data = b.get(SHEET1)
    comp = deflate(data)
    ents = b.entries()
    idx = [e["name"] for e in ents].index(SHEET1)
    assert idx + 1 < len(ents)
    return zip_bytes([e if e["name"] != SHEET1 else entry(SHEET1, data, raw=comp, csize=len(comp) + 40)
                      for e in ents])


@case("lying_size_smaller.xlsx", "error",
      "sheet1.xml inflates to more than its declared uncompressed size (declared 100)", message="declared size")
def _lie_small(b):
    return zip_bytes([e if e["name"] != SHEET1 else dict(e, usize=100) for e in b.entries()])


@case("lying_size_larger.xlsx", "error",
      "sheet1.xml inflates to less than its declared uncompressed size (declared 10 MB)", message="directory says")
def _lie_large(b):
    return zip_bytes([e if e["name"] != SHEET1 else dict(e, usize=10_000_000) for e in b.entries()])


@case("lying_size_stored.xlsx", "error",
      "sheet1.xml stored (method 0) with compressed and uncompressed sizes 20 bytes short", message="CRC")
def _lie_stored(b):
    data = b.get(SHEET1)
    return zip_bytes([e if e["name"] != SHEET1 else entry(SHEET1, data, 0, csize=len(data) - 20,
                                                          usize=len(data) - 20)
                      for e in b.entries()])


@case("bzip2_entry.xlsx", "error", "sheet1.xml compressed with bzip2 (method 12)", message="bzip2")
def _bzip2(b):
    return zip_bytes([e if e["name"] != SHEET1 else dict(e, method=12) for e in b.entries()])


@case("unknown_method_entry.xlsx", "error", "sheet1.xml with compression method 93 (zstd)", message="method 93")
def _zstd(b):
    return zip_bytes([e if e["name"] != SHEET1 else dict(e, method=93, raw=deflate(e["data"]))
                      for e in b.entries()])


def zipcrypto(data, password, crc):
    def crc_byte(c, byte):
        return zlib.crc32(bytes([byte]), c ^ 0xFFFFFFFF) ^ 0xFFFFFFFF
    keys = [0x12345678, 0x23456789, 0x34567890]

    def update(p):
        keys[0] = crc_byte(keys[0], p)
        keys[1] = (keys[1] + (keys[0] & 0xFF)) & 0xFFFFFFFF
        keys[1] = (keys[1] * 134775813 + 1) & 0xFFFFFFFF
        keys[2] = crc_byte(keys[2], keys[1] >> 24)
    for ch in password:
        update(ch)
    out = bytearray()
    header = bytes(range(1, 12)) + bytes([crc >> 24])
    for p in header + data:
        t = (keys[2] | 2) & 0xFFFF
        out.append(p ^ (((t * (t ^ 1)) >> 8) & 0xFF))
        update(p)
    return bytes(out)


@case("encrypted_entry_zipcrypto.xlsx", "error",
      "every entry encrypted with traditional PKWARE encryption (flag bit 0), password 'secret'", message="encrypted")
def _zipcrypto(b):
    out = []
    for name, data in b.parts:
        crc = zlib.crc32(data) & 0xFFFFFFFF
        out.append(entry(name, data, raw=zipcrypto(deflate(data), b"secret", crc), flags=1))
    return zip_bytes(out)


@case("encrypted_entry_aes.xlsx", "error",
      "sheet1.xml marked WinZip AES-256 (method 99, extra field 0x9901), data random", message="encrypted")
def _aes(b):
    data = b.get(SHEET1)
    extra = struct.pack("<HHH2sBH", 0x9901, 7, 2, b"AE", 3, 8)
    raw = random.Random(99).randbytes(len(deflate(data)) + 28)
    return zip_bytes([e if e["name"] != SHEET1 else entry(SHEET1, data, 99, raw=raw, flags=1, extra=extra, crc=0)
                      for e in b.entries()])


# --- not an xlsx at all ---------------------------------------------------------------------
@case("text_file.xlsx", "error", "a CSV text file named .xlsx", message="not an XLSX")
def _text(b):
    return "Mã đơn vị,MNH\nTên đơn vị,Huyện ủy Mường Nhé\nKỳ báo cáo,2016\n".encode()


@case("empty_file.xlsx", "error", "zero bytes", message="not an XLSX")
def _empty(b):
    return b""


@case("html_file.xlsx", "error", "an HTML table saved as .xlsx (what some web exports do)", message="not an XLSX")
def _html(b):
    return b"<html><body><table><tr><td>MNH</td><td>2016</td></tr></table></body></html>\n"


def soffice_convert(base_path, fmt):
    soffice = shutil.which("soffice")
    if not soffice:
        return None
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, "base.xlsx")
        shutil.copy(base_path, src)
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{d}/profile",
                        "--convert-to", fmt, "--outdir", d, src],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
        with open(os.path.join(d, "base." + fmt), "rb") as f:
            return f.read()


@case("legacy_xls.xlsx", "error", "an Excel 97-2003 .xls (CFB/OLE2 container), made by LibreOffice",
      tool="soffice", message=".xls")
def _xls(b):
    return soffice_convert(os.path.join(CORPUS, BASE), "xls")


@case("ods_file.xlsx", "error", "an OpenDocument spreadsheet (a ZIP without OOXML parts), made by LibreOffice",
      tool="soffice", message="OpenDocument")
def _ods(b):
    return soffice_convert(os.path.join(CORPUS, BASE), "ods")


@case("password_protected.xlsx", "error",
      "the base workbook encrypted with password 'secret' by msoffcrypto-tool: a CFB file with an "
      "EncryptedPackage stream", tool="msoffcrypto", message="password")
def _encrypted(b):
    try:
        from msoffcrypto.format.ooxml import OOXMLFile
    except ImportError:
        return None
    import io
    out = io.BytesIO()
    with open(os.path.join(CORPUS, BASE), "rb") as f:
        OOXMLFile(f).encrypt("secret", out)
    return out.getvalue()


@case("cfb_header_only.xlsx", "error", "just the 8-byte CFB signature and zeros (512 bytes)", message=".xls")
def _cfb(b):
    return bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504)


# --- entry names and relationship targets ---------------------------------------------------
@case("entry_names_traversal.xlsx", "read",
      "extra entries named ../../../../tmp/tonghop_zip_slip.txt, /tmp/tonghop_zip_slip_abs.txt and "
      "..\\..\\tonghop_zip_slip.txt: the reader extracts nothing, so the workbook reads and no file appears",
      stdout=BASE_CSV_LINES,
      never_created=["/tmp/tonghop_zip_slip.txt", "/tmp/tonghop_zip_slip_abs.txt"])
def _slip(b):
    return b.zip(add=[entry("../../../../tmp/tonghop_zip_slip.txt", b"pwned\n"),
                      entry("/tmp/tonghop_zip_slip_abs.txt", b"pwned\n"),
                      entry("..\\..\\tonghop_zip_slip.txt", b"pwned\n")])


@case("rel_target_traversal.xlsx", "error",
      "the first sheet's relationship target is ../../../../../../etc/passwd", secret="/etc/passwd", message="missing part")
def _rel_dotdot(b):
    rels = b.get(WB_RELS).decode().replace('Target="/xl/worksheets/sheet1.xml"', 'Target="../../../../../../etc/passwd"')
    rels = rels.replace('Target="worksheets/sheet1.xml"', 'Target="../../../../../../etc/passwd"')
    assert "passwd" in rels
    return b.zip(replace={WB_RELS: rels.encode()}, drop={SHEET1})


@case("rel_target_absolute.xlsx", "error", "the first sheet's relationship target is /etc/passwd",
      secret="/etc/passwd", message="missing part")
def _rel_abs(b):
    rels = b.get(WB_RELS).decode().replace('Target="/xl/worksheets/sheet1.xml"', 'Target="/etc/passwd"')
    rels = rels.replace('Target="worksheets/sheet1.xml"', 'Target="/etc/passwd"')
    assert "passwd" in rels
    return b.zip(replace={WB_RELS: rels.encode()}, drop={SHEET1})


@case("rel_target_external_file.xlsx", "error",
      "the first sheet's relationship is TargetMode=External, file:///etc/passwd", secret="/etc/passwd", message="missing part")
def _rel_ext(b):
    rels = b.get(WB_RELS).decode()
    for t in ('Target="/xl/worksheets/sheet1.xml"', 'Target="worksheets/sheet1.xml"'):
        rels = rels.replace(t, 'Target="file:///etc/passwd" TargetMode="External"')
    assert "passwd" in rels
    return b.zip(replace={WB_RELS: rels.encode()}, drop={SHEET1})


# --- cell content ---------------------------------------------------------------------------
@case("cell_beyond_xfd.xlsx", "error", "a cell at XFE1, one column past the last (XFD)", message="XFE1")
def _xfe(b):
    return b.zip(replace={SHEET1: sheet('<row r="1"><c r="A1"><v>1</v></c><c r="XFE1"><v>2</v></c></row>')})


@case("row_beyond_1048576.xlsx", "error", "a row numbered 1,048,577, one past the last", message="1048577")
def _row_beyond(b):
    return b.zip(replace={SHEET1: sheet('<row r="1048577"><c r="A1048577"><v>1</v></c></row>')})


@case("cell_ref_overflow.xlsx", "error", "a cell reference AAAAAAAAAAAAAAAAAAAAAA99999999999999999999999 (overflows Int)", message="invalid cell reference")
def _ref_overflow(b):
    return b.zip(replace={SHEET1: sheet('<row r="1"><c r="AAAAAAAAAAAAAAAAAAAAAA99999999999999999999999"><v>1</v></c></row>')})


@case("dimension_lies.xlsx", "read",
      "<dimension ref=\"A1:XFD1048576\"> over a sheet holding one cell: it must size nothing",
      stdout=["ok\n"])
def _dimension(b):
    return b.zip(replace={SHEET1: sheet(OK_ROW, before='<dimension ref="A1:XFD1048576"/>')})


@case("far_cell_output.xlsx", "error",
      "A1 and XFD1048576 filled: CSV/JSON would print 17 billion fields (the --stats line is fine)",
      message="maxCells", stats_outcome="read")
def _far_cell(b):
    return b.zip(replace={SHEET1: sheet('<row r="1"><c r="A1"><v>1</v></c></row>'
                                        '<row r="1048576"><c r="XFD1048576"><v>2</v></c></row>')})


@case("sst_index_out_of_range.xlsx", "error", "a shared-string cell with index 999999 (the table holds 27)", message="shared string index")
def _sst_range(b):
    return b.zip(replace={SHEET1: sheet(one_cell("A1", "<v>999999</v>", "s"))})


@case("sst_index_negative.xlsx", "error", "a shared-string cell with index -1", message="shared string index")
def _sst_neg(b):
    return b.zip(replace={SHEET1: sheet(one_cell("A1", "<v>-1</v>", "s"))})


@case("sst_index_huge.xlsx", "error", "a shared-string cell with index 18446744073709551616 (2^64)", message="shared string index")
def _sst_huge(b):
    return b.zip(replace={SHEET1: sheet(one_cell("A1", "<v>18446744073709551616</v>", "s"))})


@case("missing_shared_strings.xlsx", "error", "shared-string cells but no shared-strings part", message="shared string index")
def _sst_missing(b):
    return b.zip(drop={SST})


@case("non_numeric_number.xlsx", "error", "a number cell (no t) whose value is 'abc'", message="B2")
def _nonnum(b):
    return b.zip(replace={SHEET1: sheet(OK_ROW + '<row r="2"><c r="B2"><v>abc</v></c></row>')})


@case("number_nan.xlsx", "error", "a number cell whose value is NaN", message="B2")
def _nan(b):
    return b.zip(replace={SHEET1: sheet(OK_ROW + '<row r="2"><c r="B2"><v>NaN</v></c></row>')})


@case("number_infinity.xlsx", "error", "a number cell whose value is -Infinity", message="B2")
def _inf(b):
    return b.zip(replace={SHEET1: sheet(OK_ROW + '<row r="2"><c r="B2"><v>-Infinity</v></c></row>')})


@case("number_inf_short.xlsx", "error", "a number cell whose value is inf", message="B2")
def _inf2(b):
    return b.zip(replace={SHEET1: sheet(OK_ROW + '<row r="2"><c r="B2"><v>inf</v></c></row>')})


@case("number_overflow.xlsx", "read-with-warning",
      "a number cell whose value 1e999 overflows: read as inf, as strtod, calamine and openpyxl do (issue 14)")
def _ovf(b):
    return b.zip(replace={SHEET1: sheet(OK_ROW + '<row r="2"><c r="B2"><v>1e999</v></c></row>')})


@case("bool_not_boolean.xlsx", "error", "a boolean cell (t=\"b\") whose value is 7", message="B2")
def _bool(b):
    return b.zip(replace={SHEET1: sheet(OK_ROW + '<row r="2"><c r="B2" t="b"><v>7</v></c></row>')})


@case("invalid_utf8_shared_string.xlsx", "error", "a shared string holding the bytes C3 28 (not UTF-8)", message="UTF-8")
def _badutf8(b):
    x = sst(["ok", "XX"]).replace(b"XX", b"\xc3\x28")
    return b.zip(replace={SST: x, SHEET1: sheet(one_cell("A1", "<v>1</v>", "s"))})


@case("invalid_utf8_overlong.xlsx", "error", "an inline string holding C0 AF, an overlong '/'", message="UTF-8")
def _overlong(b):
    x = sheet(one_cell("A1", "<is><t>XX</t></is>", "inlineStr")).replace(b"XX", b"\xc0\xaf")
    return b.zip(replace={SHEET1: x})


@case("invalid_utf8_sheet_name.xlsx", "error", "workbook.xml gives the first sheet a name with byte FF", message="UTF-8")
def _badname(b):
    wb = b.get(WORKBOOK).replace("Thông tin".encode(), b"Th\xffng tin")
    return b.zip(replace={WORKBOOK: wb})


@case("huge_string_200mb.xlsx", "error", "one shared string of 200,000,000 'A's (~200 KB deflated)",
      large=True, message="maxCellTextLength")
def _huge(b):
    head = (f'<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="{MAIN_NS}" count="1" uniqueCount="1">'
            '<si><t>').encode()
    chunk = b"A" * (1 << 20)
    raw, crc, usize = repeated_deflate(head, chunk, 200_000_000 // len(chunk), b"</t></si></sst>")
    return zip_bytes([e if e["name"] != SST else entry(SST, b"", raw=raw, crc=crc, usize=usize)
                      for e in b.entries(replace={SHEET1: sheet(one_cell("A1", "<v>0</v>", "s"))})])


@case("huge_string_incompressible.xlsx", "error",
      "one inline string of 3,000,000 random letters (deflates ~60%, so no ratio check stops it; the "
      "cell-text limit must)", large=True, message="maxCellTextLength")
def _huge_random(b):
    letters = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" * 5
    table = bytes(letters[i % len(letters)] for i in range(256))
    text = random.Random(3).randbytes(3_000_000).translate(table)
    x = sheet(one_cell("A1", "<is><t>XX</t></is>", "inlineStr")).replace(b"XX", text)
    return b.zip(replace={SHEET1: x})


@case("missing_sheet_part.xlsx", "error", "the workbook lists its first sheet; xl/worksheets/sheet1.xml is absent",
      message="sheet1.xml")
def _missing_sheet(b):
    return b.zip(drop={SHEET1})


@case("missing_workbook_part.xlsx", "error", "xl/workbook.xml is absent", message="workbook.xml")
def _missing_wb(b):
    return b.zip(drop={WORKBOOK})


@case("missing_content_types.xlsx", "read-with-warning",
      "[Content_Types].xml is absent; every other part is there: read, and warn", stdout=BASE_CSV_LINES)
def _missing_ct(b):
    return b.zip(drop={"[Content_Types].xml"})


@case("missing_styles_part.xlsx", "read",
      "no styles part (and none referenced by cells): styles are optional",
      stdout=["ok\n"])
def _missing_styles(b):
    ct = b.get("[Content_Types].xml").decode()
    import re
    ct = re.sub(r'<Override PartName="/xl/styles.xml"[^>]*/>', "", ct)
    rels = re.sub(r'<Relationship [^>]*styles.xml"/>', "", b.get(WB_RELS).decode())
    return b.zip(replace={"[Content_Types].xml": ct.encode(), WB_RELS: rels.encode(), SHEET1: sheet(OK_ROW)},
                 drop={"xl/styles.xml"})


def utf16(xml_bytes, codec):
    text = xml_bytes.decode("utf-8")
    if text.startswith("<?xml"):
        text = text[text.index("?>") + 2:].lstrip("\n")
    text = f'<?xml version="1.0" encoding="UTF-16" standalone="yes"?>\n{text}'
    return ("\ufeff" + text).encode(codec)


@case("utf16le_parts.xlsx", "read", "every XML part in UTF-16LE with a byte-order mark (valid XML)",
      stdout=BASE_CSV_LINES)
def _utf16le(b):
    return zip_bytes([entry(n, utf16(d, "utf-16-le") if n.endswith((".xml", ".rels")) else d)
                      for n, d in b.parts])


@case("utf16be_parts.xlsx", "read", "every XML part in UTF-16BE with a byte-order mark (valid XML)",
      stdout=BASE_CSV_LINES)
def _utf16be(b):
    return zip_bytes([entry(n, utf16(d, "utf-16-be") if n.endswith((".xml", ".rels")) else d)
                      for n, d in b.parts])


def col_name(n):
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


@case("wide_row_16384.xlsx", "read", "one row with all 16,384 columns A..XFD filled",
      stdout=[",".join(["7"] * 16383) + ",16384\n"])
def _wide(b):
    cells = "".join(f'<c r="{col_name(i)}1"><v>7</v></c>' for i in range(1, 16384))
    cells += '<c r="XFD1"><v>16384</v></c>'
    return b.zip(replace={SHEET1: sheet(f'<row r="1">{cells}</row>')})


def nest(n, inner=""):
    """n nested elements named a or b at random, so that the part does not
    compress 400:1 (a ratio check would refuse it before libxml2's depth limit is reached)."""
    rnd = random.Random(n)
    names = [rnd.choice("ab") for _ in range(n)]
    return "".join(f"<{x}>" for x in names) + inner + "".join(f"</{x}>" for x in reversed(names))


@case("deep_nesting_sheet.xlsx", "error", "100,000 nested elements after sheetData in sheet1.xml",
      message="depth")
def _deep(b):
    return b.zip(replace={SHEET1: sheet(OK_ROW, after=nest(100_000))})


@case("deep_nesting_cell.xlsx", "error", "100,000 nested elements inside one inline string", message="depth")
def _deep_cell(b):
    return b.zip(replace={SHEET1: sheet(one_cell("A1", "<is>" + nest(100_000, "<t>x</t>") + "</is>", "inlineStr"))})


@case("deep_nesting_shared_strings.xlsx", "error", "100,000 nested elements in the shared-strings part",
      message="depth")
def _deep_sst(b):
    x = b.get(SST).replace(b"</sst>", nest(100_000).encode() + b"</sst>")
    return b.zip(replace={SST: x})


@case("deep_nesting_compressible.xlsx", "error",
      "100,000 levels of <x>: 700 KB that deflates 400:1; the depth limit (256) stops it in the first "
      "chunk, before the ratio check that runs while inflating", message="depth")
def _deep_x(b):
    n = 100_000
    return b.zip(replace={SHEET1: sheet(OK_ROW, after="<x>" * n + "</x>" * n)})


@case("rows_out_of_order.xlsx", "read-with-warning",
      "rows 3, 1, 2 in that order: read sorted, with a warning (issue 14; Excel opens it)",
      stdout=["1,\n,2\n3,"])
def _rows_order(b):
    return b.zip(replace={SHEET1: sheet('<row r="3"><c r="A3"><v>3</v></c></row><row r="1"><c r="A1"><v>1</v></c>'
                                        '</row><row r="2"><c r="B2"><v>2</v></c></row>')})


@case("sheets_share_part.xlsx", "error",
      "3 more sheets whose relationships all point at sheet1.xml (5,000 of them made --stats parse 1 GB)",
      message="share the part")
def _share(b):
    wb = b.get(WORKBOOK).decode()
    rels = b.get(WB_RELS).decode()
    wb = wb.replace("</sheets>", "".join(f'<sheet name="S{i}" sheetId="{i + 10}" r:id="rS{i}"/>'
                                         for i in range(3)) + "</sheets>")
    rels = rels.replace("</Relationships>", "".join(
        f'<Relationship Id="rS{i}" Type="{REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>'
        for i in range(3)) + "</Relationships>")
    return b.zip(replace={WORKBOOK: wb.encode(), WB_RELS: rels.encode()})


@case("many_sheets.xlsx", "read",
      "10,000 chartsheets besides the two worksheets (looking each relationship up by scanning was "
      "quadratic)", stdout=BASE_CSV_LINES)
def _many_sheets(b):
    n = 10_000
    wb = b.get(WORKBOOK).decode()
    rels = b.get(WB_RELS).decode()
    wb = wb.replace("</sheets>", "".join(f'<sheet name="C{i}" sheetId="{i + 10}" r:id="rC{i}"/>'
                                         for i in range(n)) + "</sheets>")
    rels = rels.replace("</Relationships>", "".join(
        f'<Relationship Id="rC{i}" Type="{REL_NS}/chartsheet" Target="chartsheets/sheet{i}.xml"/>'
        for i in range(n)) + "</Relationships>")
    return b.zip(replace={WORKBOOK: wb.encode(), WB_RELS: rels.encode()})


@case("not_xml_sheet.xlsx", "error", "sheet1.xml holds PNG-like binary bytes", message="sheet1.xml")
def _not_xml(b):
    return b.zip(replace={SHEET1: b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4})


@case("unclosed_sheet.xlsx", "error", "sheet1.xml ends in the middle of a row", message="sheet1.xml")
def _unclosed(b):
    return b.zip(replace={SHEET1: sheet(OK_ROW)[:-40]})


# ---------------------------------------------------------------------------------------
def write_manifest():
    files = [m for m, _, _ in CASES]
    with open(MANIFEST, "w", encoding="utf-8") as f:
        json.dump({"generator": "make_corpus.py", "files": files}, f, ensure_ascii=False, indent=1)
        f.write("\n")


def main(argv):
    refresh = "--refresh" in argv
    argv = [a for a in argv if a != "--refresh"]
    large_dir = None
    only = None
    if len(argv) >= 2 and argv[0] == "--large":
        large_dir = argv[1]
        if len(argv) >= 4 and argv[2] == "--only":
            only = argv[3]
    base_path = os.path.join(CORPUS, BASE)
    if large_dir is None:
        os.makedirs(CORPUS, exist_ok=True)
        try:
            make_base_with_xlsxwriter(base_path)
        except ImportError:
            if not os.path.exists(base_path):
                sys.exit("XlsxWriter is needed to make the base workbook: pip install xlsxwriter")
            print("xlsxwriter absent: keeping the committed base workbook", file=sys.stderr)
    b = Base(base_path)
    for m, fn, tool in CASES:
        if m["file"] == BASE or bool(m.get("large")) != (large_dir is not None):
            continue
        if only is not None and m["file"] != only:
            continue
        out_dir = large_dir or CORPUS
        path = os.path.join(out_dir, m["file"])
        if tool and os.path.exists(path) and not refresh:
            continue  # made by LibreOffice/msoffcrypto, which are not deterministic: keep
        data = fn(b)
        if data is None:
            if os.path.exists(path):
                print(f"{m['file']}: {tool} absent, keeping the committed file", file=sys.stderr)
                continue
            sys.exit(f"{m['file']}: needs {tool}")
        with open(path, "wb") as f:
            f.write(data)
    if large_dir is None:
        write_manifest()


if __name__ == "__main__":
    main(sys.argv[1:])
