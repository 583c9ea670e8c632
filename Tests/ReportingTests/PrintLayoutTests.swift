import Foundation
import Testing
import XLSX

@testable import Reporting

/// Issue 19 item 3: sheets print readably on A4. Read back by openpyxl (another reader).
@Suite struct PrintLayoutTests {
    typealias F = ConsolidationFixtures

    /// openpyxl's view of one sheet's print settings, as JSON.
    static func printSettings(_ path: String, sheet: String) throws -> [String: Any] {
        let script = """
            import json, sys, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1])[sys.argv[2]]
            pr = ws.sheet_properties.pageSetUpPr
            print(json.dumps({
                "titleCols": ws.print_title_cols, "titleRows": ws.print_title_rows,
                "colBreaks": [b.id for b in ws.col_breaks.brk], "fitToPage": bool(pr and pr.fitToPage),
                "heights": {str(r): d.height for r, d in ws.row_dimensions.items() if d.height},
                "values": {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None},
                "wrap": [c.coordinate for row in ws.iter_rows() for c in row if c.value is not None and c.alignment.wrap_text],
                "width": ws.column_dimensions["A"].width,
                "widths": {k: d.width for k, d in ws.column_dimensions.items() if d.width},
            }))
            """
        let r = try Python.run(["-c", script, path, sheet])
        try #require(r.status == 0, "\(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    @Test func byUnitColumnsSplitBetweenIndicatorsWithinThePage() {
        let layout = ProvincialWorkbook.ByUnitLayout(F.spec)
        var widths: [Double] = [6, 10, 30, 22]
        for _ in layout.valueColumns { widths.append(12) }
        for _ in layout.targetColumns { widths.append(13) }
        let breaks = layout.pageBreaks(widths: widths)
        #expect(!breaks.isEmpty, "the fixture's by-unit sheet is wider than a page")
        // Each break starts an indicator's first column (or a target's), and each page fits.
        let starts = Set(layout.valueColumns.indices.filter { $0 == 0 || layout.valueColumns[$0 - 1].indicator.code != layout.valueColumns[$0].indicator.code }
            .map { layout.valueColumns[$0].sheetColumn } + layout.targetColumns.map(\.sheetColumn))
        #expect(breaks.allSatisfy(starts.contains))
        var pageStart = 3
        for end in breaks + [widths.count] {
            let w = widths[0..<3].reduce(0, +) + widths[pageStart..<end].reduce(0, +)
            #expect(w <= 100 || end - pageStart == 1, "page from column \(pageStart) is \(w) wide")
            pageStart = end
        }
    }

    @Test(.enabled(if: OpenpyxlDump.available, "python3 with openpyxl is not installed"))
    func byUnitSheetPrintsFullSizeWithRepeatedTitles() throws {
        let (subs, reports) = F.allAccepted()
        let c = Consolidator(spec: F.spec).consolidate(subs, reports: reports, period: .year(2016))
        let dir = try ConsolidationTempDir()
        defer { dir.remove() }
        let path = dir.path + "/tong-hop.xlsx"
        try ProvincialWorkbook.write(c, reports: reports, to: path)
        let p = try Self.printSettings(path, sheet: "Theo đơn vị")
        #expect(p["fitToPage"] as? Bool == false, "not shrunk to one page wide")
        #expect(p["titleCols"] as? String == "$A:$C")
        #expect(p["titleRows"] as? String == "$4:$5")
        let layout = ProvincialWorkbook.ByUnitLayout(F.spec)
        let breaks = try #require(p["colBreaks"] as? [Int])
        #expect(!breaks.isEmpty && breaks.allSatisfy { $0 > ProvincialWorkbook.ByUnitLayout.fixedColumns && $0 <= layout.lastColumn })
        let values = try #require(p["values"] as? [String: Any])
        #expect(values["A1"] as? String == "SỐ LIỆU THEO ĐƠN VỊ")  // short: column A repeats on every page
    }

    @Test(.enabled(if: OpenpyxlDump.available, "python3 with openpyxl is not installed"))
    func instructionsWrapWithRowsTallEnoughAndRulesInWords() throws {
        let dir = TempDir()
        let path = dir.path + "/blank.xlsx"
        try BlankForm.build(nq04, unit: ReportingUnit(code: "MNH", name: "Huyện ủy Mường Nhé"), period: nq04.period.parse("2016")).write(to: path)
        let p = try Self.printSettings(path, sheet: BlankForm.instructionsSheet)
        let values = try #require(p["values"] as? [String: String])
        let heights = try #require(p["heights"] as? [String: Double])
        let wrapped = Set(try #require(p["wrap"] as? [String]))
        let width = try #require(p["width"] as? Double)
        #expect(width <= 70, "fits A4 portrait")
        for (cell, text) in values {
            #expect(wrapped.contains(cell), "\(cell) does not wrap")
            let row = String(cell.dropFirst())
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                .reduce(0) { $0 + max(1, Int((Double($1.count) / (width * 1.05)).rounded(.up))) }
            #expect((heights[row] ?? 15) >= Double(lines) * 15, "\(cell): \(lines) lines in \(heights[row] ?? 15) pt")
        }
        #expect(!values.values.contains { $0.contains("==") || $0.contains("count(") })
        #expect(values.values.contains { $0.contains("NQ04_MNH_2016.xlsx") && !$0.contains("{unit}") })
        // The lists sheet heads its columns in Vietnamese, not with the reference lists' keys.
        let lists = try #require(try Self.printSettings(path, sheet: BlankForm.listsSheet)["values"] as? [String: String])
        #expect(lists["A1"] == "Xã, phường, thị trấn" && lists["B1"] == "Dân tộc", "\(lists["A1"] ?? "") \(lists["B1"] ?? "")")
    }

    @Test(.enabled(if: OpenpyxlDump.available, "python3 with openpyxl is not installed"))
    func issuesSheetFitsA4AndEachRowIsTallEnoughForItsMessage() throws {
        let (subs, accepted) = F.allAccepted()
        var reports = accepted
        let long = Issue(
            code: "outlier", severity: .warning, file: reports[0].file, sheet: "Chỉ tiêu", cell: "F7", found: "192",
            params: ["unit": "DBD", "low": "69", "high": "71", "direction.vi": "cao hơn nhiều so với", "direction.en": "above",
                     "indicator.vi": "KN (Số đảng viên mới được kết nạp trong kỳ báo cáo của đơn vị)", "indicator.en": "KN"])
        reports[0].issues.append(long)
        reports[0].status = .acceptedWithWarnings
        let c = Consolidator(spec: F.spec).consolidate(subs, reports: reports, period: .year(2016))
        let dir = try ConsolidationTempDir()
        defer { dir.remove() }
        let path = dir.path + "/tong-hop.xlsx"
        try ProvincialWorkbook.write(c, reports: reports, to: path)
        let p = try Self.printSettings(path, sheet: "Lỗi kiểm tra")
        // Printed at 100 % width over 0.5" margins of A4 landscape, about 146 units fit; the
        // sheet is fitted to one page wide, so its columns must stay near that to keep the
        // text at 9 pt or more (at most 170 units: a scale of 86 % or more).
        let widths = try #require(p["widths"] as? [String: Double])
        #expect(widths.values.reduce(0, +) <= 170, "\(widths)")
        let values = try #require(p["values"] as? [String: Any])
        let heights = try #require(p["heights"] as? [String: Double])
        let message = IssueCatalogue.message(for: long, lang: .vi)
        let cell = try #require(values.first { ($0.value as? String) == message }?.key, "the outlier's row")
        let row = String(cell.drop { $0.isLetter })
        let lines = SheetBuilder.wrappedLines(message, width: widths["K"] ?? 44)
        #expect(lines >= 2, "the fixture's message wraps")
        #expect((heights[row] ?? 15) >= Double(lines) * 15, "row \(row): \(lines) lines in \(heights[row] ?? 15) pt")
        #expect(Set(p["wrap"] as? [String] ?? []).contains(cell))
    }
}
