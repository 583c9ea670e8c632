import Foundation
import Testing

@testable import XLSX

/// The reader defects of issue 14, each pinned by a file another program made (openpyxl,
/// XlsxWriter) and then, where no writer produces the habit, edited by
/// make_fidelity_fixtures.py. Sheets that check values carry their expectations: column A
/// the cell, column B the text of the `inspect` CSV contract, column C why.
@Suite struct FidelityTests {
    /// Each row's A cell as the CSV contract prints it, against its B text; the first
    /// difference as `Sheet!A7 (why): expected ..., found ...`.
    static func expectationsDiffer(_ file: String, limits: ReaderLimits = .default) throws -> [String] {
        let wb = try Workbook(path: Fixture.path(file), limits: limits)
        let grid = try wb.grid(of: wb.sheets[0])
        var problems: [String] = []
        for row in grid.rows {
            guard case .string(let want) = row.cell(at: 1)?.value else { continue }
            let got = CSVExport.text(row.cell(at: 0)?.value ?? .empty)
            if got != want {
                let why = row.cell(at: 2).map { CSVExport.text($0.value) } ?? ""
                problems.append("\(file) \(wb.sheets[0].name)!A\(row.index + 1) (\(why)): expected \(want), found \(got)")
            }
        }
        if grid.rows.count < 5 { problems.append("\(file): only \(grid.rows.count) rows read") }
        return problems
    }

    /// The sheet as `tonghop inspect --format csv` prints it.
    static func csv(_ wb: Workbook, _ sheet: SheetInfo) throws -> String {
        let path = NSTemporaryDirectory() + "fidelity-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try CSVExport.write(wb, sheet: sheet, toPath: path)
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    // MARK: defect 1

    @Test func ampersandInAttributeValuesIsDecoded() throws {
        let wb = try Fixture.open("attribute_ampersand.xlsx")
        #expect(wb.sheets.map(\.name) == ["A&B", "Q&A <1>"])
        let ab = try #require(wb.sheet(named: "A&B"))
        // The relationship target `worksheets/sheet&amp;2.xml` names the part `sheet&2.xml`.
        let second = try #require(wb.sheet(named: "Q&A <1>"))
        #expect(second.part == "xl/worksheets/sheet&2.xml")
        #expect(try firstDifference(wb, sheet: "Q&A <1>", ["A1": .string("second")]) == nil)
        #expect(wb.definedNames.first { $0.name == "Cell_AB" }?.refersTo == "'A&B'!$A$1")
        let grid = try wb.grid(of: ab)
        let styled = try #require(grid[CellRef("A2")!])
        #expect(wb.numberFormat(style: styled.style) == "0.0\" R&D\"")
    }

    @Test func attributeDecoderReplacesEveryReference() {
        func decode(_ s: String) -> String {
            let input = Array(s.utf8)
            var out = [UInt8](repeating: 0, count: input.count)
            let n = input.withUnsafeBufferPointer { i in out.withUnsafeMutableBufferPointer { AttributeDecoder.unescape(i, into: $0.baseAddress!) } }
            return String(decoding: out[0..<n], as: UTF8.self)
        }
        // What libxml2 hands for `A&amp;B`, `&amp;lt;` (the text "&lt;"), and other references.
        #expect(decode("A&#38;B") == "A&B")
        #expect(decode("&#38;lt;") == "&lt;")
        #expect(decode("&amp;&lt;&gt;&quot;&apos;&#x26;&#1110;&#x1F600;") == "&<>\"'&і😀")
        #expect(decode("&unknown; & &#xZZ;") == "&unknown; & &#xZZ;")
    }

    // MARK: defect 2

    @Test func datesTheFormatGivesTheKindTheValueTheText() throws {
        let problems = try Self.expectationsDiffer("dates_value_decides.xlsx")
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func datesTheFormatGivesTheKindTheValueTheText1904() throws {
        let problems = try Self.expectationsDiffer("dates_value_decides_1904.xlsx")
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        // One normalised value: the 1904 cell holds the 1900 serial its twin would.
        let wb = try Fixture.open("dates_value_decides_1904.xlsx")
        let a4 = try wb.grid(of: wb.sheets[0]).value(at: CellRef("A4")!)
        #expect(a4 == .date(ExcelDate(serial: 45306.4375, kind: .dateTime)))
    }

    @Test func isoDateCellsPrintFromTheirText() throws {
        for file in ["iso_dates_text.xlsx", "iso_dates_text_1904.xlsx"] {
            let problems = try Self.expectationsDiffer(file)
            #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        }
    }

    // MARK: defect 3

    @Test func largeIntegralAndOverflowingNumbers() throws {
        let problems = try Self.expectationsDiffer("numbers_large.xlsx")
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        let wb = try Fixture.open("numbers_large.xlsx")
        _ = try wb.grid(of: wb.sheets[0])
        #expect(wb.sheetWarnings.contains { $0.contains("A8") && $0.contains("beyond the double range") })
    }

    // MARK: defect 4

    @Test func moduleSheetWithoutRelationshipIsListedWithoutData() throws {
        let wb = try Fixture.open("module_sheet_without_rid.xlsx")
        #expect(wb.sheets.map(\.name) == ["Data", "Module1", "After"])
        #expect(wb.sheets[1].kind == .module && wb.sheets[1].state == .veryHidden)
        #expect(try wb.grid(of: wb.sheets[1]).rows.isEmpty)
        #expect(try firstDifference(wb, sheet: "After", ["A1": .number(42)]) == nil)
        #expect(try firstDifference(wb, sheet: "Data", ["A1": .string("data")]) == nil)
    }

    @Test func repeatedRowsAreMergedAndRowsOutOfOrderSorted() throws {
        let wb = try Fixture.open("rows_repeated_and_out_of_order.xlsx")
        #expect(try Self.csv(wb, wb.sheets[0]) == "a,2,3\n11,,\n30,,\n,,\n4,5,6\n")
        let diff = try firstDifference(
            wb, sheet: "Rows",
            ["A1": .string("a"), "B1": .number(2), "C1": .number(3), "A2": .number(11), "A3": .number(30),
             "A5": .number(4), "B5": .number(5), "C5": .number(6)])
        #expect(diff == nil, "\(diff ?? "")")
        let warnings = wb.sheetWarnings.joined(separator: "\n")
        #expect(warnings.contains("row 1 is written more than once"), "\(warnings)")
        #expect(warnings.contains("rows out of order"), "\(warnings)")
        #expect(warnings.contains("cells of row 5 out of order"), "\(warnings)")
    }

    @Test func longRepeatedStringsPassTheBombGuard() throws {
        let wb = try Fixture.open("long_repeated_strings.xlsx")
        var rows = 0
        try wb.forEachRow(in: wb.sheets[0]) { row in
            rows += 1
            #expect(row.cells.count == 7)
        }
        #expect(rows == 1000)
        // The old guard (ratio 1:100 checked from 100 KB) refused this real-looking file.
        let old = ReaderLimits(minCompressionRatio: 0.01, ratioCheckThreshold: 100_000)
        #expect(throws: XLSXError.self) { try Self.expectationsDiffer("long_repeated_strings.xlsx", limits: old) }
    }

    // MARK: defect 5

    @Test func textWithoutPreserveIsTrimmedAsExcelShowsIt() throws {
        let wb = try Fixture.open("text_whitespace_without_preserve.xlsx")
        let diff = try firstDifference(
            wb, sheet: "Text",
            ["A1": .string("lead and trail"), "B1": .string("inline"), "A3": .string("tab"),
             "A4": .string("HuyệnMường Nhé"), "A5": .string("  kept  ")])
        #expect(diff == nil, "\(diff ?? "")")
        // White space only gives "" (an empty cell).
        #expect(try wb.grid(of: wb.sheets[0]).value(at: CellRef("A2")!) == .string(""))
    }

    // MARK: found by the corpus checker

    @Test func oddCellsFromHandEditsAreRead() throws {
        let wb = try Fixture.open("odd_cells_hand_edited.xlsx")
        #expect(try Self.csv(wb, wb.sheets[0]) == "x,\ninline,\n,1\n2024-01-15T10:30:00,\n2024-01-15T10:30:00,\nshared,42\n")
    }
}
