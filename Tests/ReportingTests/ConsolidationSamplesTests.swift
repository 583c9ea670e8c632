import Foundation
import Reporting
import Testing
import XLSX

/// Issue 5's acceptance: every sample in `Samples/` validated, consolidated and written;
/// the workbook read back by openpyxl shows the published figures.
@Suite struct ConsolidationSamplesTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let samples = repo + "/Samples/2016"

    struct Validated: Sendable {
        var template: Template
        var spec: ConsolidationSpec
        var files: [(name: String, report: FileReport, submission: Submission?)]
    }

    /// Every `*.xlsx` of `Samples/` validated once (file-name order), shared by the tests.
    static let validated: Result<Validated, any Error> = Result {
        let template = try TemplateLoader.load(path: repo + "/Jobs/nq04/template.yaml")
        let spec = try ConsolidationSpec.load(template: template)
        let validator = Validator(template: template, period: template.period.parse("2016"))
        // Each unit's latest file: MCH's NQ04_MCH_2016_v2.xlsx replaces its first one.
        let all = try FileManager.default.contentsOfDirectory(atPath: samples).filter { $0.hasSuffix(".xlsx") }.sorted()
        let names = all.filter { !all.contains($0.replacingOccurrences(of: ".xlsx", with: "_v2.xlsx")) }
        let files = names.map { name in
            let (report, sub) = validator.validate(path: samples + "/" + name)
            return (name, report, sub)
        }
        return Validated(template: template, spec: spec, files: files)
    }

    /// Consolidates the validated samples, with `replace` swapping a sample for another file.
    static func consolidate(replace: [String: String] = [:]) throws -> (Consolidation, [FileReport]) {
        let v = try validated.get()
        let validator = Validator(template: v.template, period: v.template.period.parse("2016"))
        var reports: [FileReport] = []
        var subs: [Submission] = []
        for f in v.files {
            let (report, sub) = replace[f.name].map { validator.validate(path: $0) } ?? (f.report, f.submission)
            reports.append(report)
            if let sub { subs.append(sub) }
        }
        return (Consolidator(spec: v.spec).consolidate(subs, reports: reports, period: .year(2016)), reports)
    }

    @Test func everySampleIsAcceptedAndAddsUpToThePublishedCounts() throws {
        let (c, reports) = try Self.consolidate()
        #expect(reports.count == 10)
        for r in reports {
            #expect(r.status == .accepted || r.status == .acceptedWithWarnings, "\(r.file): \(r.issues.map(\.code))")
        }
        #expect(c.consolidatedUnits.count == 10)
        #expect(c.issues.filter { $0.severity == .error }.isEmpty, "\(c.issues)")
        func total(_ code: String, _ col: String = "current") -> Double? { c.indicator(code)?.total(col) }
        #expect(total("KN") == 1_873)
        #expect(total("KN_CT") == 2_000)
        #expect(total("DV") == 821)
        #expect(total("DV_CO") == 638)
        #expect(total("DV_CHUA") == 183)
        #expect(total("DV_CHUA", "baseline") == 191)
        #expect(total("TB") == 1_813)
        #expect(total("TB_CO") == 1_417)
        #expect(total("TB_CHUA") == 396)
        #expect(total("TB_TRANG") == 71)
        #expect(total("TB_TRANG", "baseline") == 95)
        #expect(c.actionRows.count == 71)
        #expect(c.lists.first?.rows.count == 1_873)
        let mnh = try #require(c.unit("MNH"))
        #expect(mnh.value("KN", "current") == 112)
        #expect(mnh.value("KN_CT", "current") == 154)
        #expect(mnh.value("TB_TRANG", "baseline") == 38)
        #expect(mnh.value("TB_TRANG", "current") == 18)
    }

    @Test(.enabled(if: OpenpyxlDump.available, "python3 with openpyxl is not installed"))
    func workbookFromSamplesShowsThePublishedFigures() throws {
        let (c, reports) = try Self.consolidate()
        let dir = try ConsolidationTempDir()
        defer { dir.remove() }
        let path = dir.path + "/NQ04_tong_hop_2016.xlsx"
        try ProvincialWorkbook.write(c, reports: reports, to: path)
        let dump = try OpenpyxlDump.load(path)

        let s = try #require(dump.sheet("Tổng hợp"))
        func row(_ code: String) throws -> Int { try #require(s.row(where: "B", is: code), "no row \(code)") }
        func value(_ ref: String) -> Double? { s[ref]?.number }
        let kn = try row("KN")
        #expect(value("F\(kn)") == 1_873)
        #expect(value("I\(kn)") == 2_000)
        #expect(abs((value("J\(kn)") ?? 0) - 0.9365) < 1e-12)
        #expect(s["J\(kn)"]?.format == "0.00%")
        #expect(s["F\(kn)"]?.format == "#,##0")
        #expect(value("F\(try row("DV"))") == 821)
        #expect(value("F\(try row("DV_CO"))") == 638)
        let dvco = try row("DV_CO/DV")
        #expect(String(format: "%.4f", value("F\(dvco)") ?? 0) == "0.7771")
        #expect(s["F\(dvco)"]?.format == "0.00%")
        let dvchua = try row("DV_CHUA")
        #expect(value("F\(dvchua)") == 183)
        #expect(value("E\(dvchua)") == 191)
        #expect(value("F\(try row("TB"))") == 1_813)
        #expect(value("F\(try row("TB_CO"))") == 1_417)
        #expect(value("F\(try row("TB_CHUA"))") == 396)
        #expect(String(format: "%.4f", value("F\(try row("TB_CHUA/TB"))") ?? 0) == "0.2184")
        let trang = try row("TB_TRANG")
        #expect(value("F\(trang)") == 71)
        #expect(value("E\(trang)") == 95)

        let u = try #require(dump.sheet("Theo đơn vị"))
        let mnh = try #require(u.row(where: "B", is: "MNH"))
        func col(_ code: String, _ offset: Int = 0) throws -> String {
            try #require(ConsolidationWorkbookTests.byUnitColumn(u, code, offset: offset))
        }
        #expect(u["\(try col("KN"))\(mnh)"]?.number == 112)
        #expect(u["\(try col("KN_CT"))\(mnh)"]?.number == 154)
        #expect(u["\(try col("TB_TRANG"))\(mnh)"]?.number == 38)
        #expect(u["\(try col("TB_TRANG", 1))\(mnh)"]?.number == 18)
        #expect(dump.sheet("Thôn trắng đảng viên")?.maxRow == 4 + 71)
        #expect(dump.sheet("Đảng viên kết nạp")?.maxRow == 4 + 1_873)

        if LibreOffice.path != nil {
            let r = LibreOffice.convertToCSV(path, outDir: dir.path)
            #expect(r.status == 0, "soffice: \(r.stderr)")
            #expect(FileManager.default.fileExists(atPath: dir.path + "/NQ04_tong_hop_2016.csv"))
        }
    }

    @Test func aRejectedSampleIsShownAndNotCounted() throws {
        let (all, _) = try Self.consolidate()
        let (c, reports) = try Self.consolidate(replace: ["NQ04_DBI_2016.xlsx": Self.repo + "/Samples/invalid/NQ04_DBI_2016.xlsx"])
        #expect(reports.first { $0.file == "NQ04_DBI_2016.xlsx" }?.status == .rejected)
        #expect(c.unit("DBI")?.status == .rejected)
        #expect(c.issues.contains { $0.code == "unit-rejected" && $0.params["unit"] == "DBI" })
        let kn = try #require(c.indicator("KN")?.totals["current"])
        let dbiKN = try #require(all.unit("DBI")?.value("KN", "current"))
        #expect(kn.value == 1_873 - dbiKN)
        #expect(kn.units == 9)
        #expect(kn.of == 10)
    }
}
