import Foundation
import Testing
import XLSX

@testable import Reporting

/// The annotated file returned to a district: openpyxl finds the problems sheet with its
/// links, and the fills and comments on the cells the report names; validating it
/// unchanged gives the same issues.
@Suite struct AnnotatedWorkbookTests {
    static let invalid = Repo.root + "/Samples/invalid"

    static func validator() throws -> Validator {
        let template = try TemplateLoader.load(path: Repo.nq04Template)
        return Validator(template: template, period: template.period.parse("2016"))
    }

    static func annotated(_ name: String, into dir: String) throws -> (FileReport, String) {
        let report = try validator().validate(path: invalid + "/" + name).0
        let book = try AnnotatedWorkbook.build(
            source: try Workbook(path: invalid + "/" + name, options: ReadOptions(formulas: true)), report: report)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/" + name
        try book.write(to: path)
        return (report, path)
    }

    static func key(_ i: Reporting.Issue) -> String { "\(i.code) \(i.severity.rawValue) \(i.sheet ?? "")!\(i.cell ?? "")" }

    @Test func validatingItUnchangedGivesTheSameIssues() throws {
        let dir = NSTemporaryDirectory() + "annotated-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for name in ["NQ04_DBP_2016.xlsx", "NQ04_DBI_2016.xlsx", "NQ04_NPO_2016.xlsx", "NQ04_TCH_2016.xlsx"] {
            let (report, path) = try Self.annotated(name, into: dir)
            #expect(!report.issues.isEmpty)
            let again = try Self.validator().validate(path: path).0
            #expect(again.issues.map(Self.key).sorted() == report.issues.map(Self.key).sorted(), "\(name)")
            #expect(again.status == report.status)
        }
    }

    @Test func problemsAreSortedErrorsFirst() {
        let issues = [
            Reporting.Issue(code: "b", severity: .info, file: "f", sheet: "A", cell: "B2"),
            Reporting.Issue(code: "c", severity: .warning, file: "f", sheet: "A", cell: "C10"),
            Reporting.Issue(code: "d", severity: .error, file: "f", sheet: "B", cell: "A1"),
            Reporting.Issue(code: "e", severity: .warning, file: "f", sheet: "A", cell: "C9"),
        ]
        #expect(AnnotatedWorkbook.sorted(issues).map(\.code) == ["d", "e", "c", "b"])
    }

    static let script = #"""
        import json, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        out = {"sheets": wb.sheetnames, "cells": {}}
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for c in row:
                    fill = c.fill.fgColor.rgb if c.fill is not None and c.fill.fill_type == "solid" else None
                    if c.comment or fill or c.hyperlink:
                        out["cells"][ws.title + "!" + c.coordinate] = {
                            "value": None if c.value is None else str(c.value), "fill": fill,
                            "comment": c.comment.text if c.comment else None,
                            "link": c.hyperlink.location if c.hyperlink else None}
        print(json.dumps(out, ensure_ascii=False))
        """#

    @Test(.enabled(if: Python.available, "python3 with openpyxl is not installed"))
    func openpyxlFindsTheMarksOnTheCellsTheReportNames() throws {
        let dir = NSTemporaryDirectory() + "annotated-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (report, path) = try Self.annotated("NQ04_DBP_2016.xlsx", into: dir)
        let r = try Python.run(["-c", Self.script, path])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let sheets = try #require(json["sheets"] as? [String])
        #expect(sheets.first == "Cần sửa" && sheets.contains("Chỉ tiêu") && sheets.contains("Thôn bản"))
        let cells = try #require(json["cells"] as? [String: [String: Any]])
        let marked = report.issues.filter { $0.sheet != nil && $0.cell != nil }
        #expect(!marked.isEmpty)
        for issue in marked {
            let at = "\(issue.sheet!)!\(CellRange(issue.cell!)!.first)"
            let cell = try #require(cells[at], "no mark at \(at)")
            let fill = issue.severity == .error ? "FFFFC7CE" : issue.severity == .warning ? "FFFFEB9C" : "FFDDEBF7"
            #expect(cell["fill"] as? String == fill, "\(at)")
            let comment = try #require(cell["comment"] as? String)
            #expect(comment.contains(IssueCatalogue.message(for: issue, lang: .vi)) && comment.contains(IssueCatalogue.message(for: issue, lang: .en)))
            #expect(comment.range(of: "Error: ")?.lowerBound ?? comment.range(of: "Warning: ")?.lowerBound ?? comment.range(of: "Note: ")!.lowerBound
                    > comment.range(of: IssueCatalogue.message(for: issue, lang: .vi))!.lowerBound, "Vietnamese first")
        }
        // The problems sheet: one row per issue, errors first, each linking to its cell.
        let links = cells.filter { $0.key.hasPrefix("Cần sửa!C") }.compactMapValues { $0["link"] as? String }
        #expect(links.count == marked.count)
        #expect(Set(links.values) == Set(marked.map { "'\($0.sheet!)'!\($0.cell!)" }))
        // The submitted values are still there.
        #expect(cells["Chỉ tiêu!F6"]?["value"] as? String == "258", "number stored as text stays text")
    }

    /// LibreOffice opens it and, saving it again, keeps the comments, fills and links.
    @Test(.enabled(if: LibreOffice.path != nil && Python.available, "LibreOffice or openpyxl is not installed"))
    func libreOfficeKeepsTheMarks() throws {
        let dir = NSTemporaryDirectory() + "annotated-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (report, path) = try Self.annotated("NQ04_TCH_2016.xlsx", into: dir)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: LibreOffice.path!)
        p.arguments = ["--headless", "-env:UserInstallation=file:///tmp/lo-annotated", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
                       "--outdir", dir + "/again", path]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let r = try Python.run(["-c", Self.script, dir + "/again/NQ04_TCH_2016.xlsx"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let cells = try #require(json["cells"] as? [String: [String: Any]])
        for issue in report.issues where issue.sheet != nil && issue.cell != nil {
            let at = "\(issue.sheet!)!\(issue.cell!)"
            #expect((cells[at]?["comment"] as? String)?.contains(IssueCatalogue.message(for: issue, lang: .en)) == true, "\(at)")
            #expect(cells[at]?["fill"] != nil, "\(at)")
        }
        #expect(cells.values.contains { ($0["link"] as? String)?.contains("'Chỉ tiêu'!") == true })
    }
}
