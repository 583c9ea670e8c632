import Foundation

/// Reads a workbook back with openpyxl (a reader that is not ours) and hands its cells,
/// formulas, formats, merges and print settings to the tests.
struct OpenpyxlDump {
    struct Cell {
        var value: Any?
        var formula: String?
        var format: String
        var number: Double? { (value as? NSNumber).map(\.doubleValue) }
        var text: String? { value as? String }
    }
    struct Sheet {
        var name: String
        var cells: [String: Cell]
        var merged: [String]
        var freeze: String?
        var orientation: String?
        var paperSize: Int?
        var fitToWidth: Int?
        var fitToPage: Bool
        var printTitleRows: String?
        var widths: [String: Double]
        var maxRow: Int

        subscript(_ ref: String) -> Cell? { cells[ref] }
        /// The row (1-based) whose column `column` holds `text`.
        func row(where column: String, is text: String) -> Int? {
            (1...max(maxRow, 1)).first { cells["\(column)\($0)"]?.text == text }
        }
    }
    var sheets: [Sheet]
    func sheet(_ name: String) -> Sheet? { sheets.first { $0.name == name } }

    static let script = #"""
import json, sys, datetime, openpyxl
path = sys.argv[1]
wf = openpyxl.load_workbook(path)                   # formulas
wv = openpyxl.load_workbook(path, data_only=True)   # cached values
out = []
def conv(v):
    if isinstance(v, (datetime.datetime, datetime.date)): return v.isoformat()
    return v
for ws in wf.worksheets:
    vs = wv[ws.title]
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is None: continue
            f = c.value if isinstance(c.value, str) and c.value.startswith("=") else None
            cells[c.coordinate] = {"v": conv(vs[c.coordinate].value), "f": f, "fmt": c.number_format}
    ps = ws.page_setup
    out.append({
        "name": ws.title, "cells": cells, "merged": sorted(str(m) for m in ws.merged_cells.ranges),
        "freeze": ws.freeze_panes, "orientation": ps.orientation,
        "paper": int(ps.paperSize) if ps.paperSize is not None else None,
        "fitW": int(ps.fitToWidth) if ps.fitToWidth is not None else None,
        "fitToPage": bool(ws.sheet_properties.pageSetUpPr.fitToPage) if ws.sheet_properties.pageSetUpPr else False,
        "titles": ws.print_title_rows,
        "widths": {k: d.width for k, d in ws.column_dimensions.items() if d.width},
        "maxRow": ws.max_row,
    })
print(json.dumps(out))
"""#

    /// Nil (with the reason) when python3 or openpyxl is missing.
    static let unavailableReason: String? = {
        let r = run(["-c", "import openpyxl"])
        return r?.status == 0 ? nil : "python3 with openpyxl is not installed; skipping the read-back"
    }()
    static var available: Bool { unavailableReason == nil }

    static func load(_ path: String) throws -> OpenpyxlDump {
        guard let r = run(["-c", script, path]), r.status == 0 else {
            throw DumpError(message: "openpyxl failed: \(run(["-c", script, path])?.stderr ?? "no python3")")
        }
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [[String: Any]]
        return OpenpyxlDump(sheets: json.map { s in
            let cells = (s["cells"] as! [String: [String: Any]]).mapValues { c in
                Cell(value: c["v"] is NSNull ? nil : c["v"], formula: c["f"] as? String, format: c["fmt"] as? String ?? "")
            }
            return Sheet(
                name: s["name"] as! String, cells: cells, merged: s["merged"] as! [String],
                freeze: s["freeze"] as? String, orientation: s["orientation"] as? String,
                paperSize: s["paper"] as? Int, fitToWidth: s["fitW"] as? Int, fitToPage: s["fitToPage"] as? Bool ?? false,
                printTitleRows: s["titles"] as? String,
                widths: (s["widths"] as? [String: Any] ?? [:]).mapValues { ($0 as? NSNumber)?.doubleValue ?? 0 },
                maxRow: s["maxRow"] as? Int ?? 0)
        })
    }

    struct DumpError: Error, CustomStringConvertible { var message: String; var description: String { message } }

    static func run(_ args: [String]) -> (status: Int32, stdout: String, stderr: String)? {
        try? Python.run(args)
    }
}

/// LibreOffice headless, when installed: converts a workbook to CSV (first sheet).
enum LibreOffice {
    static let path: String? = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/opt/libreoffice/program/soffice"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Converts `file` into `outDir`; returns the exit status and stderr.
    static func convertToCSV(_ file: String, outDir: String) -> (status: Int32, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path!)
        p.arguments = ["--headless", "-env:UserInstallation=file:///tmp/lo-consol", "--convert-to", "csv", "--outdir", outDir, file]
        let err = Pipe()
        p.standardOutput = FileHandle.nullDevice
        p.standardError = err
        do { try p.run() } catch { return (-1, "\(error)") }
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: e, as: UTF8.self))
    }
}

/// A scoped temporary folder, removed by `remove()`.
struct ConsolidationTempDir {
    let path: String
    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("consol-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
