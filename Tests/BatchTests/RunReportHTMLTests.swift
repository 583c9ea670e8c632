import Foundation
@testable import Reporting
import Testing

@testable import Batch

/// The run report's page (issue 19 item 4): when its figures are from, the period, the
/// links, the unit reports' style, statuses that do not wrap, no table repeating another.
@Suite struct RunReportHTMLTests {
    func report() -> RunReport {
        var counts = RunCounts()
        counts.files = 2
        counts.expected = 3
        counts.missing = 1
        func unit(_ code: String, _ status: RunReport.UnitStatus, file: String?, errors: Int = 0) -> RunReport.UnitLine {
            RunReport.UnitLine(code: code, name: "Huyện ủy \(code)", expected: true, status: status, file: file, new: true,
                errors: errors, warnings: 0, superseded: [])
        }
        func file(_ name: String, _ unit: String, _ status: FileStatus, errors: Int = 0) -> RunReport.FileLine {
            RunReport.FileLine(file: name, sha256: String(repeating: "ab", count: 32), size: 10, unit: unit, period: "2016",
                status: status, new: true, errors: errors, warnings: 0, supersededBy: nil, copiedTo: nil)
        }
        return RunReport(
            job: "nq04-2016", period: "2016", workbook: "TongHop_NQ04_2016.xlsx", counts: counts,
            units: [unit("MNH", .accepted, file: "NQ04_MNH_2016.xlsx"), unit("TCH", .rejected, file: "NQ04_TCH_2016.xlsx", errors: 1),
                unit("NPO", .missing, file: nil)],
            files: [file("NQ04_MNH_2016.xlsx", "MNH", .accepted), file("NQ04_TCH_2016.xlsx", "TCH", .rejected, errors: 1)],
            issues: [
                Issue(code: "unit-missing", severity: .error, file: "", params: ["unit": "NPO"]),
                Issue(code: "unit-rejected", severity: .error, file: "NQ04_TCH_2016.xlsx", params: ["unit": "TCH"]),
                Issue(code: "duplicate-member", severity: .warning, file: "NQ04_MNH_2016.xlsx", expected: "MNH, TCH", found: "Lò Văn A"),
            ])
    }

    func page(_ lang: Language, asOf: Double? = 1_480_000_000) throws -> String {
        String(decoding: try report().htmlBytes(lang, dataAsOf: asOf), as: UTF8.self)
    }

    @Test func theHeadSaysThePeriodAndWhenTheFiguresAreFrom() throws {
        let vi = try page(.vi)
        #expect(vi.contains("Kỳ báo cáo: <b>2016</b>"))
        #expect(vi.contains("Số liệu đến: <b>2016-11-24 15:06 UTC</b>"))  // 1,480,000,000 s after 1970
        #expect(try page(.en).contains("Data as of: <b>2016-11-24 15:06 UTC</b>"))
        #expect(try !page(.vi, asOf: nil).contains("Số liệu đến"))
        #expect(try page(.vi) == page(.vi), "same report, same bytes")
    }

    @Test func withADeadlineTheTimesAreInTheProvincesZone() throws {
        var r = try report()
        r.timeliness = Timeliness(
            deadline: Timestamp(iso: "2016-11-15T17:00:00+07:00"),
            units: [.init(code: "MNH", name: "Huyện ủy Mường Nhé", state: .missing, received: nil, lateBy: nil, afterCorrection: false, files: 0)])
        let vi = String(decoding: try r.htmlBytes(.vi, dataAsOf: 1_480_000_000), as: UTF8.self)
        #expect(vi.contains("Số liệu đến: <b>24/11/2016 22:06 (UTC+07:00)</b>"))
        #expect(vi.contains("15/11/2016 17:00 (UTC+07:00)"))
    }

    @Test func unitsLinkTheirReportsAndReturnedFilesWithBadgesThatDoNotWrap() throws {
        let html = try page(.en)
        #expect(html.contains("<a href=\"units/MNH.en.html\">MNH</a>") && html.contains("<a href=\"units/TCH.en.html\">TCH</a>"))
        #expect(html.contains("<a href=\"returned/TCH/NQ04_TCH_2016.xlsx\""))
        #expect(!html.contains("href=\"returned/MNH") && !html.contains("units/NPO"))
        #expect(html.contains("<td class=\"st\"><span class=\"badge rejected\">Rejected</span></td>"))
        #expect(html.contains("td.st, td.nw { white-space: nowrap; }"))
        // The unit reports' look: the same font stack and badge colours.
        for rule in [".badge {", ".accepted { background: #e3f5e6; color: #17632a; }", "\"Segoe UI\", Arial, \"Noto Sans\""] {
            #expect(html.contains(rule) && HTMLReport.page.contains(rule.replacingOccurrences(of: " white-space: nowrap;", with: "")), "\(rule)")
        }
    }

    @Test func noTableRepeatsAnother() throws {
        let html = try page(.en)
        // Missing and rejected units are rows of the units table, not again issues.
        #expect(!html.contains("unit-missing") && !html.contains("unit-rejected"))
        #expect(html.contains("Issues across units (1)") && html.contains("duplicate-member"))
        // The new and superseded lists are columns of the files table, not sections.
        #expect(!html.contains("New submissions") && !html.contains("replaced by a newer one"))
        #expect(html.components(separatedBy: "<table").count - 1 == 4)  // summary, units, issues, files
        #expect(html.contains("Units that have not submitted (1):</b> NPO Huyện ủy NPO;"))
    }
}
