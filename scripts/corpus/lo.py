"""Sources for LibreOffice Calc (.fods flat ODS, .ods, .csv), converted to .xlsx by one
headless soffice run with a private profile."""

import datetime
import os
import random
import shutil
import subprocess
import tempfile
import zipfile

import values as V
from ooxml import normalise_zip

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" '
      'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/"')

STYLES = """<office:automatic-styles>
<number:date-style style:name="Nd"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
<number:date-style style:name="Ndt"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/><number:text> </number:text><number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/><number:text>:</number:text><number:seconds number:style="long"/></number:date-style>
<number:date-style style:name="Ndm"><number:day/><number:text>/</number:text><number:month/><number:text>/</number:text><number:year/></number:date-style>
<number:time-style style:name="Nt"><number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/><number:text>:</number:text><number:seconds number:style="long"/></number:time-style>
<number:time-style style:name="Nh" number:truncate-on-overflow="false"><number:hours/><number:text>:</number:text><number:minutes number:style="long"/><number:text>:</number:text><number:seconds number:style="long"/></number:time-style>
<number:number-style style:name="N2"><number:number number:decimal-places="2" number:min-integer-digits="1" number:grouping="true"/></number:number-style>
<number:percentage-style style:name="Np"><number:number number:decimal-places="1" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
<style:style style:name="cd" style:family="table-cell" style:data-style-name="Nd"/>
<style:style style:name="cdt" style:family="table-cell" style:data-style-name="Ndt"/>
<style:style style:name="cdm" style:family="table-cell" style:data-style-name="Ndm"/>
<style:style style:name="ct" style:family="table-cell" style:data-style-name="Nt"/>
<style:style style:name="ch" style:family="table-cell" style:data-style-name="Nh"/>
<style:style style:name="c2" style:family="table-cell" style:data-style-name="N2"/>
<style:style style:name="cp" style:family="table-cell" style:data-style-name="Np"/>
</office:automatic-styles>"""


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def para(s):
    """ODF text: runs of spaces as <text:s/>, tabs as <text:tab/>, lines as paragraphs."""
    out = []
    for line in s.replace("\r\n", "\n").split("\n"):
        buf, i = [], 0
        while i < len(line):
            ch = line[i]
            if ch == " " and (i == 0 or i + 1 == len(line) or line[i + 1] == " "):
                j = i
                while j < len(line) and line[j] == " ":
                    j += 1
                buf.append(f'<text:s text:c="{j - i}"/>')
                i = j
                continue
            buf.append("<text:tab/>" if ch == "\t" else esc(ch))
            i += 1
        out.append("<text:p>" + "".join(buf) + "</text:p>")
    return "".join(out)


def ods_cell(rng):
    k = rng.choices(["float", "string", "date", "datetime", "time", "duration", "bool", "pct", "cur", "formula",
                     "err", "big"], [25, 25, 8, 6, 5, 3, 3, 3, 3, 6, 2, 3])[0]
    if k == "float":
        v = V.num_text(rng)
        try:
            float(v)
        except ValueError:
            v = "1"
        st = ' table:style-name="c2"' if rng.random() < 0.2 else ""
        return f'<table:table-cell{st} office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'
    if k == "big":
        v = rng.choice(["9007199254740992", "1E+16", "12345678901234567", "1.5E+300", "0.1"])
        return f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'
    if k == "string":
        r = rng.random()
        if r < 0.1:
            # Rich text: a span, a line break, a hyperlink (the value is their text).
            a, b = V.text(rng), V.text(rng)
            return (f'<table:table-cell office:value-type="string"><text:p><text:span text:style-name="T1">{esc(a)}'
                    f'</text:span><text:line-break/><text:a xlink:href="https://example.org/">{esc(b)}</text:a>'
                    f'</text:p></table:table-cell>')
        if r < 0.15:
            # A comment (annotation) on the cell: not part of its value.
            return (f'<table:table-cell office:value-type="string"><office:annotation><dc:creator>x</dc:creator>'
                    f'<text:p>note</text:p></office:annotation>{para(V.text(rng))}</table:table-cell>')
        return f'<table:table-cell office:value-type="string">{para(V.text(rng))}</table:table-cell>'
    if k in ("date", "datetime"):
        # Not before 1900-03-01: LibreOffice writes those serials one day off Excel's
        # (serial 60 is 1900-02-29 for Excel); edge-early-1900 covers them.
        d = datetime.datetime(1899, 12, 30) + datetime.timedelta(days=rng.choice([rng.randint(61, 60000), 61, 62]))
        if k == "datetime":
            d += datetime.timedelta(seconds=rng.randint(0, 86399))
            st = rng.choice(["cdt", "cd"])
            return (f'<table:table-cell table:style-name="{st}" office:value-type="date" '
                    f'office:date-value="{d.isoformat()}"><text:p>{d}</text:p></table:table-cell>')
        st = rng.choice(["cd", "cdm"])
        return (f'<table:table-cell table:style-name="{st}" office:value-type="date" '
                f'office:date-value="{d.date().isoformat()}"><text:p>{d.date()}</text:p></table:table-cell>')
    if k == "time":
        h, m, s = rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)
        return (f'<table:table-cell table:style-name="ct" office:value-type="time" '
                f'office:time-value="PT{h:02d}H{m:02d}M{s:02d}S"><text:p>{h:02d}:{m:02d}:{s:02d}</text:p></table:table-cell>')
    if k == "duration":
        h, m, s = rng.randint(24, 300), rng.randint(0, 59), rng.randint(0, 59)
        return (f'<table:table-cell table:style-name="ch" office:value-type="time" '
                f'office:time-value="PT{h}H{m:02d}M{s:02d}S"><text:p>{h}:{m:02d}:{s:02d}</text:p></table:table-cell>')
    if k == "bool":
        b = rng.random() < 0.5
        return (f'<table:table-cell office:value-type="boolean" office:boolean-value="{"true" if b else "false"}">'
                f'<text:p>{"TRUE" if b else "FALSE"}</text:p></table:table-cell>')
    if k == "pct":
        v = round(rng.random(), 3)
        return f'<table:table-cell table:style-name="cp" office:value-type="percentage" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'
    if k == "cur":
        v = round(rng.uniform(0, 1e4), 2)
        return (f'<table:table-cell office:value-type="currency" office:currency="VND" office:value="{v}">'
                f'<text:p>{v}</text:p></table:table-cell>')
    if k == "formula":
        a, b = rng.randint(1, 99), rng.randint(1, 99)
        f = rng.choice([f"of:={a}+{b}", f'of:=CONCATENATE("a";"{a}")', f"of:={a}>{b}", f"of:=ROUND({a}/{b};3)"])
        return f'<table:table-cell table:formula="{esc(f)}"><text:p/></table:table-cell>'
    return '<table:table-cell table:formula="of:=1/0"><text:p/></table:table-cell>'


def table(rng, name, rows, cols):
    out = [f'<table:table table:name="{esc(name)}">']
    if rng.random() < 0.3:
        out.append(f'<table:table-row table:number-rows-repeated="{rng.randint(1, 3)}"><table:table-cell/></table:table-row>')
    for _ in range(rows):
        cells = []
        for _ in range(cols):
            if rng.random() < 0.15:
                cells.append(f'<table:table-cell table:number-columns-repeated="{rng.randint(1, 2)}"/>')
            else:
                cells.append(ods_cell(rng))
        out.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
    out.append("</table:table>")
    return "".join(out)


def content(rng, sheets, root="office:document", extra=""):
    tables = "".join(table(rng, n, rng.randint(1, 25), rng.randint(1, 7)) for n in sheets)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<{root} {NS} office:version="1.2"{extra}>'
            f"{STYLES}<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></{root}>")


def write_ods(path, xml):
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype", (2024, 1, 1, 0, 0, 0)), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr(zipfile.ZipInfo("content.xml", (2024, 1, 1, 0, 0, 0)), xml, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr(zipfile.ZipInfo("META-INF/manifest.xml", (2024, 1, 1, 0, 0, 0)),
                   '<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
                   'opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
                   'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
                   'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
                   compress_type=zipfile.ZIP_DEFLATED)


def sources(src, seed, fods=30, ods=10, csv=12):
    paths = []
    names = [["Sheet1"], ["Sheet1", "Báo cáo"], ["A&B", "Sheet2", "Số liệu 2024"], ["Data"]]
    for k in range(fods):
        rng = random.Random(f"{seed}/fods/{k}")
        p = os.path.join(src, f"lo-fods-{k}.fods")
        extra = ' office:mimetype="application/vnd.oasis.opendocument.spreadsheet"'
        with open(p, "w", encoding="utf-8") as f:
            f.write(content(rng, rng.choice(names), extra=extra))
        paths.append(p)
    for k in range(ods):
        rng = random.Random(f"{seed}/ods/{k}")
        p = os.path.join(src, f"lo-ods-{k}.ods")
        write_ods(p, content(rng, rng.choice(names), root="office:document-content"))
        paths.append(p)
    for k in range(csv):
        rng = random.Random(f"{seed}/csv/{k}")
        p = os.path.join(src, f"lo-csv-{k}.csv")
        rows = []
        for r in range(rng.randint(1, 30)):
            row = []
            for c in range(rng.randint(1, 6)):
                x = rng.choice(["int", "float", "text", "date", "bool", "empty"])
                if x == "int":
                    row.append(str(rng.randint(-10 ** 9, 10 ** 9)))
                elif x == "float":
                    row.append(repr(round(rng.uniform(-1e4, 1e4), rng.randint(1, 6))))
                elif x == "text":
                    t = V.text(rng)
                    row.append('"' + t.replace('"', '""') + '"' if any(ch in t for ch in ',"\n\r') else t)
                elif x == "date":
                    row.append((datetime.date(1950, 1, 1) + datetime.timedelta(days=rng.randint(0, 30000))).isoformat())
                elif x == "bool":
                    row.append(rng.choice(["TRUE", "FALSE"]))
                else:
                    row.append("")
            rows.append(",".join(row))
        with open(p, "w", encoding="utf-8", newline="") as f:
            f.write("\r\n".join(rows) + "\r\n")
        paths.append(p)
    return paths


def soffice():
    for c in ("soffice", "libreoffice", "/usr/lib/libreoffice/program/soffice"):
        path = shutil.which(c) or (c if os.path.isfile(c) else None)
        if path:
            return path
    return None


def _target(p, out):
    return os.path.join(out, os.path.splitext(os.path.basename(p))[0] + ".xlsx")


def convert(paths, out):
    """Converts every source in one soffice run (it is slow to start), private profile;
    a second run for any file the first did not convert (soffice is occasionally flaky)."""
    exe = soffice()
    if exe is None:
        raise SystemExit("error: soffice not found (install libreoffice-calc-nogui) or pass --no-libreoffice")
    profile = tempfile.mkdtemp(prefix="corpus-lo-profile-")
    try:
        todo = paths
        for attempt in range(2):
            cmd = [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to",
                   "xlsx:Calc MS Excel 2007 XML", "--outdir", out] + todo
            r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300, text=True)
            todo = [p for p in paths if not os.path.exists(_target(p, out))]
            if not todo:
                break
            if attempt == 1 or r.returncode != 0 and len(todo) == len(paths):
                raise SystemExit(f"error: soffice failed ({r.returncode}): {r.stdout[-500:]}")
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    made = []
    for p in paths:
        x = _target(p, out)
        if not os.path.exists(x):
            raise SystemExit(f"error: soffice did not convert {os.path.basename(p)}")
        normalise_zip(x)
        made.append(x)
    return made
