import Foundation
import Reporting
import Testing

/// The change audit's comparison of a unit's accepted files (issue 16 item 7).
@Suite struct ChangeAuditTests {
    func figures(_ file: String, at seconds: Int64, _ values: [String: [String: Double]], hash: String? = nil) -> AcceptedFigures {
        AcceptedFigures(unit: "MCH", period: "2016", file: file, hash: hash ?? file, received: Timestamp(seconds: seconds, offset: 25200), values: values)
    }

    @Test func eachFileIsComparedWithTheOneReceivedBeforeIt() {
        let a = figures("a.xlsx", at: 100, ["KN": ["current": 140], "TB": ["baseline": 126, "current": 126]])
        let b = figures("b.xlsx", at: 200, ["KN": ["current": 142], "TB": ["baseline": 126, "current": 126]])
        let c = figures("c.xlsx", at: 300, ["KN": ["current": 142], "TB": ["baseline": 126, "current": 127]])
        let changes = ChangeAudit.changes([c, a, b])  // any order in
        #expect(changes.map { "\($0.indicator).\($0.column) \($0.old ?? -1)->\($0.new ?? -1) \($0.oldFile)->\($0.newFile)" } == [
            "KN.current 140.0->142.0 a.xlsx->b.xlsx", "TB.current 126.0->127.0 b.xlsx->c.xlsx",
        ])
    }

    @Test func theSameContentTwiceChangesNothingAndAFigureGoneIsShownAsADash() {
        let a = figures("a.xlsx", at: 100, ["KN": ["current": 140]], hash: "h")
        let again = figures("a-copy.xlsx", at: 150, ["KN": ["current": 140]], hash: "h")
        #expect(ChangeAudit.changes([a, again]).isEmpty)
        let b = figures("b.xlsx", at: 200, ["KN": [:]])
        let gone = ChangeAudit.changes([a, b])
        #expect(gone.count == 1 && gone[0].old == 140 && gone[0].new == nil)
        let issue = ChangeAudit.issues(gone, cells: [:], template: nil)[0]
        #expect(issue.code == "figure-changed" && issue.severity == .info && issue.params["old"] == "140" && issue.expected == nil && issue.found == "—")
        #expect(IssueCatalogue.message(for: issue, lang: .en).hasPrefix("KN: 140 → — (earlier file: a.xlsx, received"))
    }
}
