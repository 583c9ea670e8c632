import Foundation
import Logging
import Reporting

@testable import Batch

// Test stand-ins for validation, consolidation and per-file reports, so the runner can be
// tested before (and independently of) the real ones. Never used outside the tests.

/// "Validates" a text file of `key=value` lines: unit, period, status, and figures `KN=112`.
struct TextValidator: FileValidating {
    func validate(path: String) -> (FileReport, Submission?) {
        let name = URL(fileURLWithPath: path).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8),
            text.hasPrefix("unit=")
        else {
            return (
                FileReport(
                    file: name, status: .unreadable,
                    issues: [Issue(code: "unreadable-file", severity: .error, file: name)]), nil
            )
        }
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let kv = line.split(separator: "=", maxSplits: 1).map(String.init)
            if kv.count == 2 { fields[kv[0]] = kv[1] }
        }
        let status = FileStatus(rawValue: fields["status"] ?? "accepted") ?? .accepted
        let issues =
            status == .rejected
            ? [Issue(code: "nq04-dv-tong", severity: .error, file: name, sheet: "Chỉ tiêu", cell: "F7")] : []
        let report = FileReport(file: name, status: status, unit: fields["unit"], period: fields["period"], issues: issues)
        var values: [String: [String: Double]] = [:]
        for (k, v) in fields where k.uppercased() == k { values[k] = ["current": Double(v) ?? 0] }
        let sub =
            status == .rejected
            ? nil : Submission(file: name, unit: fields["unit"]!, period: fields["period"]!, values: values, lists: [:])
        return (report, sub)
    }
}

/// Sums each indicator over units into a text "workbook".
struct SumConsolidator: Consolidating {
    func consolidate(submissions: [Submission], reports: [FileReport], expectedUnits: [String]) throws
        -> ConsolidationOutput
    {
        var totals: [String: Double] = [:]
        var lines = ["units: " + submissions.map(\.unit).joined(separator: ",")]
        for s in submissions { for (k, v) in s.values { totals[k, default: 0] += v["current"] ?? 0 } }
        for (k, v) in totals.sorted(by: { $0.key < $1.key }) { lines.append("\(k)=\(v)") }
        return ConsolidationOutput(workbook: Array((lines.joined(separator: "\n") + "\n").utf8), issues: [])
    }
}

/// Writes a FileReport as sorted-key JSON, tagged with the language.
struct JSONFileReports: FileReportRendering {
    func render(_ report: FileReport, format: OutputFormat, language: Language) throws -> [UInt8] {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return Array("\(format.rawValue) \(language.rawValue) ".utf8) + [UInt8](try e.encode(report))
    }
}

let nq04Units = [
    ExpectedUnit(code: "MNH", name: "Huyện ủy Mường Nhé"), ExpectedUnit(code: "TGI", name: "Huyện ủy Tuần Giáo"),
    ExpectedUnit(code: "DBP", name: "Thành ủy Điện Biên Phủ"),
]

func makeRunner(_ dir: TempFolder, units: [ExpectedUnit] = nq04Units, configure: (inout RunPlan) -> Void = { _ in })
    -> JobRunner
{
    var c = RunPlan(
        job: "test-job", period: Period(kind: .year, year: 2016, index: 1), inbox: dir.sub("inbox"), output: dir.path + "/out", expectedUnits: units,
        workbookName: "TongHop_TEST_2016.xlsx")
    c.workers = 3
    configure(&c)
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    return JobRunner(
        plan: c, validator: TextValidator(), consolidator: SumConsolidator(), fileReports: JSONFileReports(),
        logger: logger)
}

func submission(_ dir: TempFolder, _ name: String, unit: String, period: String = "2016", status: String = "accepted",
    kn: Int, modified: Double = 1_480_000_000)
{
    writeFile(dir.sub("inbox") + "/" + name, "unit=\(unit)\nperiod=\(period)\nstatus=\(status)\nKN=\(kn)\n", modified: modified)
}

/// Every file under `folder` (relative path -> bytes), the ledger and lock excluded.
func snapshot(_ folder: String) -> [String: [UInt8]] {
    var out: [String: [UInt8]] = [:]
    let e = FileManager.default.enumerator(atPath: folder)
    while let rel = e?.nextObject() as? String {
        if rel.hasPrefix("ledger.sqlite") || rel == ".tonghop.lock" { continue }
        var isDir: ObjCBool = false
        FileManager.default.fileExists(atPath: folder + "/" + rel, isDirectory: &isDir)
        if !isDir.boolValue { out[rel] = readBytes(folder + "/" + rel) }
    }
    return out
}
