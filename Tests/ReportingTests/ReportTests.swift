import Foundation
import Mustache
import Testing

@testable import Reporting

/// The catalogue and the three report formats.
@Suite struct ReportTests {
    let reports: [FileReport] = [
        FileReport(file: "NQ04_MNH_2016.xlsx", status: .rejected, unit: "MNH", period: "2016", issues: [
            Issue(code: "number-as-text", severity: .warning, file: "NQ04_MNH_2016.xlsx", sheet: "Chỉ tiêu", cell: "F7", expected: "1873", found: "1.873"),
            Issue(code: "nq04-dv-tong", severity: .error, file: "NQ04_MNH_2016.xlsx", sheet: "Chỉ tiêu", cell: "E7", expected: "== 10", found: "14",
                params: ["left": "14", "right": "10", "message.vi": "Tổng {left} khác {right}", "message.en": "Sum {left} is not {right}"]),
            Issue(code: "missing-sheet", severity: .error, file: "NQ04_MNH_2016.xlsx", sheet: "Kết nạp", expected: "Kết nạp"),
        ]),
        FileReport(file: "NQ04_DBP_2016.xlsx", status: .accepted, unit: "DBP", period: "2016", issues: []),
    ]

    @Test func everyCodeHasMessagesInBothLanguagesWithKnownPlaceholders() {
        let builtIn = ["unreadable-file", "missing-sheet", "missing-indicator", "missing-column", "header-not-found", "number-as-text",
            "blank-required", "wrong-type", "duplicate-key", "out-of-range", "pattern-mismatch", "value-not-allowed", "too-long",
            "unknown-code", "formula-without-value", "error-value", "data-in-hidden-sheet", "data-outside-area", "wrong-unit",
            "unknown-unit", "wrong-period", "file-name-mismatch", "not-applicable-filled", "unit-missing", "unit-rejected",
            "duplicate-member", "village-claimed-twice", "superseded"]
        for code in builtIn {
            let e = IssueCatalogue.entry(code)
            #expect(e != nil, "\(code) is not in the catalogue")
            #expect(e?.message.vi != e?.message.en, "\(code)")
        }
        #expect(Set(IssueCatalogue.entries.map(\.code)).count == IssueCatalogue.entries.count)
        #expect(IssueCatalogue.entries.allSatisfy { $0.code.allSatisfy { $0.isLowercase || $0 == "-" } })
    }

    @Test func messagesFillPlaceholders() {
        let i = reports[0].issues[0]
        #expect(IssueCatalogue.message(for: i, lang: .vi) == "Số được nhập dạng văn bản \"1.873\"; đã đọc là 1873")
        #expect(IssueCatalogue.message(for: i, lang: .en) == "A number is stored as text \"1.873\"; read as 1873")
        #expect(IssueCatalogue.message(for: reports[0].issues[1], lang: .en) == "Sum 14 is not 10")
        let localized = Issue(code: "blank-required", severity: .error, file: "f", params: ["column": "x", "column.vi": "Số đảng viên", "column.en": "Party members"])
        #expect(IssueCatalogue.message(for: localized, lang: .en) == "A required cell is blank (Party members)")
        #expect(IssueCatalogue.fill("{unknown} {found}", issue: Issue(code: "x", severity: .info, file: "f", found: "1"), lang: .vi) == "{unknown} 1")
    }

    @Test func textReportColoursOnlyWhenAsked() {
        let plain = TextReport.render(reports, lang: .en, color: false)
        #expect(plain.contains("NQ04_MNH_2016.xlsx: Rejected (MNH 2016) — Errors: 2, Warnings: 1, Info: 0"))
        #expect(plain.contains("  error [Chỉ tiêu!E7]: Sum 14 is not 10 (nq04-dv-tong)"))
        #expect(plain.hasSuffix("Accepted: 1, Accepted with warnings: 0, Rejected: 1, Unreadable: 0\n"))
        #expect(!plain.contains("\u{1B}"))
        #expect(TextReport.render(reports, lang: .vi, color: true).contains("\u{1B}[31;1mKhông đạt\u{1B}[0m"))
    }

    @Test func jsonReportFollowsTheSchemaAndIsDeterministic() throws {
        let text = JSONReport.render(reports, lang: .vi, template: "NQ04", period: "2016")
        #expect(text == JSONReport.render(reports, lang: .vi, template: "NQ04", period: "2016"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["schema"] as? String == "tonghop.validation/1")
        let files = try #require(json["files"] as? [[String: Any]])
        let issues = try #require(files[0]["issues"] as? [[String: Any]])
        #expect(issues[1]["message"] as? String == "Tổng 14 khác 10")
        #expect((issues[1]["params"] as? [String: String])?.keys.sorted() == ["left", "right"])
        #expect(issues[2]["cell"] == nil)
        #expect(files[0]["counts"] as? [String: Int] == ["error": 2, "warning": 1, "info": 0])
    }

    @Test func htmlReportGroupsBySheetAndEscapes() throws {
        var r = reports
        r[1].issues = [Issue(code: "wrong-type", severity: .error, file: "NQ04_DBP_2016.xlsx", sheet: "Thôn bản", cell: "F9", expected: "a whole number", found: "<b>nhiều</b>")]
        r[1].status = .rejected
        let html = try HTMLReport.render(r, lang: .en, title: Localized(vi: "Báo cáo", en: "Report"), period: "2016",
            units: [ReportingUnit(code: "MNH", name: "Huyện ủy Mường Nhé")])
        #expect(html.contains("<h3>Chỉ tiêu</h3>") && html.contains("<h3>Kết nạp</h3>") && html.contains("<h3>Thôn bản</h3>"))
        #expect(html.contains("Huyện ủy Mường Nhé"))
        #expect(html.contains("&lt;b&gt;nhiều&lt;/b&gt;") && !html.contains("<b>nhiều</b>"))
        #expect(html.contains("<td class=\"cell\">F7</td>"))
        #expect(html.contains("class=\"badge rejected\""))
        #expect(!html.contains("<script"))
        // Chỉ tiêu's two issues sit in one table, before the Kết nạp group.
        let ci = html.range(of: "<h3>Chỉ tiêu</h3>")!.lowerBound, kn = html.range(of: "<h3>Kết nạp</h3>")!.lowerBound
        #expect(ci < kn)
    }

    @Test func pageEscaperMatchesMustachesOwn() throws {
        let mustache = try MustacheTemplate(string: "{{x}}")
        let texts = ["", "plain", "Huyện ủy Mường Nhé", "<b>\"a\" & 'b'</b>", "&amp;", "x < y > z", "'", "\u{1F600}<", "e\u{301}&"]
        for t in texts {
            #expect(HTMLEscaper().escapeText(t) == mustache.render(["x": t]), "\(t)")
        }
    }

    @Test func eachLanguagesPageHasItsWordsInPlace() throws {
        for lang in Language.allCases {
            let text = HTMLReport.specialised(HTMLReport.page, lang)
            #expect(!text.contains("{{words.") && !text.contains("{{title}}") && !text.contains("{{lang}}"))
            #expect(text.contains("<html lang=\"\(lang.rawValue)\">"))
            #expect(text.contains("<h1>\(ReportStrings.word("title", lang))</h1>"))
            // What the context decides is left to it.
            #expect(text.contains("{{#files}}") && text.contains("{{message}}") && text.contains("{{period}}"))
        }
        let en = try HTMLReport.render(reports, lang: .en)
        let vi = try HTMLReport.render(reports, lang: .vi)
        #expect(en.contains("<th>Severity</th>") && vi.contains("<th>Mức</th>") && !vi.contains("<th>Severity</th>"))
    }
}
