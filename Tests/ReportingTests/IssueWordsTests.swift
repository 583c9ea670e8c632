import Foundation
import Testing
import XLSX

@testable import Reporting

/// Issue 19 item 5: each issue names what it is about in words, states the requirement
/// in words, and the reports list errors before warnings before notes, codes last.
@Suite struct IssueWordsTests {
    let good = SubmissionBuilder()

    @Test func aListCellIsNamedByItsRowsNameAndColumn() throws {
        // Row 5 is "Bản Nậm Là"; F is "Số đảng viên" (min 0).
        let r = good.with("Thôn bản", "F5", .number(-1)).validate().0
        let i = try #require(r.issues.first { $0.code == "out-of-range" })
        #expect(IssueCatalogue.subject(for: i, lang: .vi) == "Dòng 5 (Bản Nậm Là), cột “Số đảng viên”")
        #expect(IssueCatalogue.subject(for: i, lang: .en) == "Row 5 (Bản Nậm Là), column “Party members”")
        #expect(IssueCatalogue.requirement(for: i, lang: .en) == "between 0 and 5000")
        #expect(IssueCatalogue.message(for: i, lang: .en) == "The value -1 is out of range: it must be between 0 and 5000")
        #expect(IssueCatalogue.message(for: i, lang: .vi) == "Giá trị -1 nằm ngoài khoảng cho phép: phải từ 0 đến 5000")
        #expect(i.expected == "[0, 5000]")  // the language-neutral field is unchanged
    }

    @Test func aMembersRowIsNamedByTheMember() throws {
        let r = good.with("Kết nạp", "I5", .string("số 701")).validate().0
        let i = try #require(r.issues.first { $0.code == "pattern-mismatch" })
        #expect(IssueCatalogue.subject(for: i, lang: .en) == "Row 5 (Lò Thị Xuân), column “Decision number”")
    }

    @Test func aRuleNamesItsIndicatorAndTheRequirementInWords() throws {
        let r = good.with("Chỉ tiêu", "E9", .number(7)).validate().0  // DV_CO + DV_CHUA 14 != DV 10 (baseline)
        let i = try #require(r.issues.first { $0.code == "nq04-dv-tong" })
        #expect(IssueCatalogue.subject(for: i, lang: .en) == "Indicator 3 “Grassroots units”, column “When the resolution was issued (23/5/2016)”")
        #expect(IssueCatalogue.requirement(for: i, lang: .en) == "equal to indicator 3 “Grassroots units”, 10")
        #expect(IssueCatalogue.requirement(for: i, lang: .vi) == "bằng chỉ tiêu 3 “Tổng số đơn vị cơ sở”, 10")
        #expect(i.expected == "== 10")
    }

    @Test func aListCountRuleNamesTheIndicatorItMustEqual() throws {
        // Indicator TB (current) says 6 villages; the list has 5.
        let r = good.with("Chỉ tiêu", "F10", .number(6)).validate().0
        let i = try #require(r.issues.first { $0.code == "nq04-ds-thon-tong" })
        let words = try #require(IssueCatalogue.requirement(for: i, lang: .en))
        #expect(words.hasPrefix("equal to indicator ") && words.hasSuffix(", 6"), "\(words)")
    }

    let mixed = FileReport(file: "f.xlsx", status: .rejected, issues: [
        Issue(code: "superseded", severity: .info, file: "f.xlsx", expected: "g.xlsx"),
        Issue(code: "number-as-text", severity: .warning, file: "f.xlsx", sheet: "A", cell: "B2", expected: "1", found: "1 "),
        Issue(code: "wrong-type", severity: .error, file: "f.xlsx", sheet: "B", cell: "C3", expected: "a number", found: "x",
            params: ["what.vi": "Chỉ tiêu 1 “Đơn vị”", "what.en": "Indicator 1 “Units”"]),
    ])

    @Test func errorsComeBeforeWarningsBeforeNotes() {
        #expect(mixed.issuesBySeverity.map(\.severity) == [.error, .warning, .info])
        let text = TextReport.render([mixed], lang: .en, color: false)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[1] == "  error [B!C3] Indicator 1 “Units”: The value \"x\" is not a number (wrong-type)")
        #expect(lines[2].hasPrefix("  warning [A!B2]: ") && lines[2].hasSuffix("(number-as-text)"))
        #expect(lines[3].hasPrefix("  info: "))
    }

    @Test func htmlShowsTheSubjectBesideTheCellAndTheCodeApart() throws {
        let html = try HTMLReport.render([mixed], lang: .en)
        #expect(html.contains("<td class=\"cell\">C3</td><td>Indicator 1 “Units”</td>"))
        #expect(html.contains("<td class=\"code\">wrong-type</td>"))
        #expect(!html.contains("<br><span class=\"code\">"))
        // The error's sheet B comes before the warning's sheet A.
        let b = try #require(html.range(of: "<h3>B</h3>")).lowerBound, a = try #require(html.range(of: "<h3>A</h3>")).lowerBound
        #expect(b < a)
    }

    @Test func jsonCarriesTheWordsAsFields() throws {
        let text = JSONReport.render([mixed], lang: .en)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let issues = try #require((json["files"] as? [[String: Any]])?.first?["issues"] as? [[String: Any]])
        let wt = try #require(issues.first { $0["code"] as? String == "wrong-type" })
        #expect(wt["what"] as? String == "Indicator 1 “Units”")
        #expect((wt["params"] as? [String: String])?.keys.contains { $0.hasPrefix("what.") } == false)
    }
}
