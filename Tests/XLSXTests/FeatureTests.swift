import Testing

@testable import XLSX

/// One test per fixture; fixtures are named after the feature they pin.
@Suite struct FeatureTests {
    /// The Resolution 04 form every container variant carries (made by XlsxWriter).
    static let form: [String: CellValue] = [
        "A1": .string("BÁO CÁO KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT SỐ 04-NQ/TU"),
        "A3": .string("Mã biểu mẫu"), "B3": .string("NQ04"),
        "A4": .string("Mã đơn vị"), "B4": .string("MNH"),
        "A5": .string("Tên đơn vị"), "B5": .string("Huyện ủy Mường Nhé"),
        "A6": .string("Kỳ báo cáo"), "B6": .number(2016),
        "A7": .string("Ngày báo cáo"), "B7": .date(ExcelDate(serial: 42691, kind: .date)),
    ]

    @Test(arguments: [
        "shared_strings_xlsxwriter.xlsx", "shared_strings_libreoffice.xlsx", "zip64.xlsx",
        "data_descriptor.xlsx", "zip64_data_descriptor.xlsx", "stored_entries.xlsx", "backslash_parts.xlsx",
        "strict_namespaces.xlsx", "relative_targets.xlsx", "macro_enabled.xlsm",
    ])
    func containerVariantsReadTheSameForm(_ name: String) throws {
        let wb = try Fixture.open(name)
        #expect(wb.sheets.first?.name == "Thông tin", "\(name)")
        let diff = try firstDifference(wb, sheet: "Thông tin", FeatureTests.form)
        #expect(diff == nil, "\(name): \(diff ?? "")")
    }

    @Test func mergedTitleIsReadFromXlsxWriter() throws {
        let wb = try Fixture.open("shared_strings_xlsxwriter.xlsx")
        let grid = try wb.grid(of: wb.sheets[0])
        #expect(grid.mergedRanges.map(\.description) == ["A1:D1"])
    }

    @Test func relativeTargetsAndWorkbookPartName() throws {
        let wb = try Fixture.open("relative_targets.xlsx")
        #expect(wb.workbookPart == "xl/book/main.xml")
        #expect(wb.sheets[0].part == "xl/worksheets/sheet1.xml")
    }

    @Test func backslashPartsMatchWithoutCase() throws {
        let wb = try Fixture.open("backslash_parts.xlsx")
        #expect(wb.sheets[0].part == "XL/WORKSHEETS/SHEET1.XML")
    }

    @Test func hiddenSheetsInWorkbookOrder() throws {
        let wb = try Fixture.open("hidden_sheets.xlsx")
        #expect(wb.sheets.map(\.name) == ["Visible", "Hidden", "VeryHidden", "Empty"])
        #expect(wb.sheets.map(\.state) == [.visible, .hidden, .veryHidden, .visible])
        #expect(wb.sheets.map(\.index) == [0, 1, 2, 3])
        #expect(try firstDifference(wb, sheet: "VeryHidden", ["B2": .string("vh")]) == nil)
        #expect(try wb.grid(of: wb.sheets[3]).usedRange == nil)
        #expect(wb.sheet(named: "hidden")?.name == "Hidden")
    }

    @Test func chartsheetListedAndSkipped() throws {
        let wb = try Fixture.open("chartsheet.xlsx")
        #expect(wb.sheets.map(\.name) == ["Data", "Chart", "After"])
        #expect(wb.sheets.map(\.kind) == [.worksheet, .chartsheet, .worksheet])
        #expect(wb.worksheets.map(\.name) == ["Data", "After"])
        #expect(throws: XLSXError.self) { try wb.grid(of: wb.sheets[1]) }
        #expect(try firstDifference(wb, sheet: "After", ["A1": .string("after")]) == nil)
    }

    @Test func date1904() throws {
        let wb = try Fixture.open("date_1904.xlsx")
        #expect(wb.is1904)
        let grid = try wb.grid(of: wb.sheets[0])
        guard case .date(let d) = grid.value(at: CellRef("A1")!) else {
            Issue.record("A1 is not a date: \(grid.value(at: CellRef("A1")!))")
            return
        }
        #expect(d.serial == 42691)  // moved to the 1900 system where the cell was read
        #expect(CSVExport.formatDate(d) == "2016-11-17")
        #expect(grid.value(at: CellRef("A3")!) == .number(5))
    }

    @Test func date1900LeapBug() throws {
        let wb = try Fixture.open("date_1900_leap_bug.xlsx")
        let grid = try wb.grid(of: wb.sheets[0])
        let texts = (0..<5).map { CSVExport.text(grid.value(at: CellRef(row: $0, column: 0))) }
        #expect(texts == ["1900-01-01", "1900-02-28", "1900-02-29", "1900-03-01", "2016-11-17"])
    }

    @Test func customDateFormats() throws {
        let wb = try Fixture.open("custom_date_formats.xlsx")
        let grid = try wb.grid(of: wb.sheets[0])
        for row in grid.rows {
            guard let value = row.cell(at: 0)?.value, case .string(let want) = row.cell(at: 1)?.value else { continue }
            let code = row.cell(at: 2).map { CSVExport.text($0.value) } ?? ""
            let got: String
            switch value {
            case .date(let d): got = d.kind.rawValue
            case .number: got = "number"
            default: got = "other"
            }
            #expect(got == want, "Formats!A\(row.index + 1) (\(code)): expected \(want), found \(got)")
        }
    }

    @Test func numberFormatScanner() {
        #expect(NumberFormat.dateKind(code: "dd/mm/yyyy") == .date)
        #expect(NumberFormat.dateKind(code: "[h]:mm") == .duration)
        #expect(NumberFormat.dateKind(code: "[Red][<0]0.00;0.00") == nil)
        #expect(NumberFormat.dateKind(code: "\"ngày\" 0") == nil)
        #expect(NumberFormat.dateKind(code: "0.00_);[Red](0.00)") == nil)
        #expect(NumberFormat.dateKind(code: "* #,##0") == nil)
        #expect(NumberFormat.dateKind(code: "yyyy-mm-dd hh:mm:ss") == .dateTime)
        #expect(NumberFormat.dateKind(code: "[$-F400]h:mm:ss AM/PM") == .time)
        #expect(NumberFormat.dateKind(builtinID: 14) == .date)
        #expect(NumberFormat.dateKind(builtinID: 46) == .duration)
        #expect(NumberFormat.dateKind(builtinID: 4) == nil)
    }

    @Test func sharedStringsRich() throws {
        let wb = try Fixture.open("shared_strings_rich.xlsx")
        let diff = try firstDifference(
            wb, sheet: "Rich",
            [
                "A1": .string("Huyện Mường Nhé 2016"), "B1": .string("Huyện "), "A2": .string("  spaces kept  "),
                "A3": .string("tab\there"), "A4": .string("line1\nline2"), "A5": .string("ctl\u{01}x"),
                "A6": .string("_x0041_ literal"),
            ])
        #expect(diff == nil, "\(diff ?? "")")
    }

    @Test func sharedStringsPhonetic() throws {
        let wb = try Fixture.open("shared_strings_phonetic.xlsx")
        let diff = try firstDifference(
            wb, sheet: "Thông tin",
            ["A1": .string("漢字"), "B1": .string("  two runs"), "C1": .string("a\r\nb _x0041_ &<>")])
        #expect(diff == nil, "\(diff ?? "")")
    }

    @Test func inlineStringsOpenpyxl() throws {
        // openpyxl writes every string inline (t="inlineStr").
        let wb = try Fixture.open("basic_values.xlsx")
        #expect(wb.sharedStrings.isEmpty)
        #expect(try wb.grid(of: wb.sheets[0]).value(at: CellRef("A2")!) == .string("Điện Biên"))
    }

    @Test func errorsKeptAsErrors() throws {
        let wb = try Fixture.open("errors.xlsx")
        let want: [CellError] = [.na, .div0, .value, .ref, .name, .num, .null]
        var expected: [String: CellValue] = [:]
        for (i, e) in want.enumerated() { expected["A\(i + 1)"] = .error(e) }
        let diff = try firstDifference(wb, sheet: "Errors", expected)
        #expect(diff == nil, "\(diff ?? "")")
    }

    @Test func formulasCachedValuesAndText() throws {
        let plain = try Fixture.open("formulas.xlsx")
        let g = try plain.grid(of: plain.sheets[0])
        #expect(g[CellRef("A3")!]?.value == .number(5))
        #expect(g[CellRef("A3")!]?.hasFormula == true)
        #expect(g[CellRef("A3")!]?.formula == nil)
        #expect(g[CellRef("B1")!]?.value == .string("yes"))
        #expect(g[CellRef("B2")!]?.value == .bool(true))
        let withText = try Fixture.open("formulas.xlsx", options: ReadOptions(formulas: true))
        let h = try withText.grid(of: withText.sheets[0])
        #expect(h[CellRef("A3")!]?.formula == "SUM(A1:A2)")
        #expect(h[CellRef("B1")!]?.formula == "IF(A1>1,\"yes\",\"no\")")
        #expect(h[CellRef("A1")!]?.formula == nil)
    }

    /// Formula texts of shared_formulas.xlsx with `formulas: true`: children carry their
    /// master's formula moved to their position (as openpyxl shows them, except D3, whose
    /// range leaves the sheet: Excel's `#REF!`); F2's si has no master; G2 is an array formula.
    static let sharedFormulaTexts: [String: String] = [
        "B2": "A2*2+$A$2+A$1", "B3": "A3*2+$A$2+A$1", "B4": "A4*2+$A$2+A$1", "B5": "A5*2+$A$2+A$1",
        "C2": "'Thông tin'!A2&\"A2\"", "C3": "'Thông tin'!A3&\"A2\"", "C4": "'Thông tin'!A4&\"A2\"",
        "D2": "SUM(A1048575:A1048576)", "D3": "SUM(#REF!)",
        "F2": "",
        "G2": "A2:A3*2",
        "H2": "A1+$B1", "I2": "B1+$B1", "H3": "A2+$B2", "I3": "B2+$B2",
        "B7": "SUM(A1:A2)*B$1+$A$3+COUNT($A:A)", "C7": "SUM(B1:B2)*C$1+$A$3+COUNT($A:B)",
        "D7": "SUM(C1:C2)*D$1+$A$3+COUNT($A:C)", "E7": "SUM(D1:D2)*E$1+$A$3+COUNT($A:D)",
    ]

    /// Every formula cell of the fixture's only sheet, by A1 reference.
    private static func formulaCells(_ options: ReadOptions) throws -> (grid: SheetGrid, formulas: [String: Cell]) {
        let wb = try Fixture.open("shared_formulas.xlsx", options: options)
        let g = try wb.grid(of: wb.sheets[0])
        var formulas: [String: Cell] = [:]
        for row in g.rows {
            for c in row.cells where c.hasFormula { formulas[CellRef(row: row.index, column: c.column).description] = c }
        }
        return (g, formulas)
    }

    @Test func sharedFormulaChildrenGetTheMovedText() throws {
        let (g, cells) = try Self.formulaCells(ReadOptions(formulas: true))
        #expect(Set(cells.keys) == Set(Self.sharedFormulaTexts.keys))
        for (ref, want) in Self.sharedFormulaTexts.sorted(by: { $0.key < $1.key }) {
            #expect(cells[ref]?.formula == want, "\(ref)")
        }
        // The other cell of the array range has a value and no formula.
        #expect(g[CellRef("G3")!]?.value == .number(40))
        #expect(g[CellRef("G3")!]?.hasFormula == false)
        #expect(g[CellRef("G3")!]?.formula == nil)
        // Cached values are still read.
        #expect(g.value(at: CellRef("B3")!) == .number(51))
        #expect(g.value(at: CellRef("C4")!) == .string("30A2"))
        #expect(g.value(at: CellRef("D3")!) == .error(.ref))
        #expect(g.value(at: CellRef("I3")!) == .number(62))
        #expect(g.value(at: CellRef("E7")!) == .number(36))
    }

    @Test func sharedFormulasWithoutFormulaOption() throws {
        let (plain, plainCells) = try Self.formulaCells(ReadOptions())
        let (withText, _) = try Self.formulaCells(ReadOptions(formulas: true))
        #expect(Set(plainCells.keys) == Set(Self.sharedFormulaTexts.keys))
        #expect(plainCells.values.allSatisfy { $0.formula == nil })
        // Same cells and values; only the formula texts differ.
        var stripped = withText.rows
        for r in stripped.indices {
            for c in stripped[r].cells.indices { stripped[r].cells[c].formula = nil }
        }
        #expect(plain.rows == stripped)
    }

    @Test(.enabled(if: WriterTestSupport.python3WithOpenpyxl != nil, "python3 with openpyxl is not installed"))
    func sharedFormulasMatchOpenpyxl() throws {
        // openpyxl moves shared formulas itself on load (with its Translator).
        let script = """
            import sys, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
            for row in ws.iter_rows():
                for c in row:
                    if isinstance(c.value, str) and c.value.startswith("="):
                        print(c.coordinate + "\\t" + c.value[1:])
            """
        let out = try #require(WriterTestSupport.python(script, [Fixture.path("shared_formulas.xlsx")]))
        var theirs: [String: String] = [:]
        for line in out.split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            theirs[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        let (_, ours) = try Self.formulaCells(ReadOptions(formulas: true))
        // openpyxl writes row 1048577 where Excel (and we) write #REF!; G2 is an ArrayFormula object.
        #expect(theirs["D3"] == "SUM(A1048576:A1048577)")
        let compared = Set(ours.keys).subtracting(["D3", "G2"])
        #expect(compared.count == 17)
        for ref in compared.sorted() {
            #expect(ours[ref]?.formula == theirs[ref], "\(ref)")
        }
    }

    @Test func cellsWithoutR() throws {
        let wb = try Fixture.open("cells_without_r.xlsx")
        let diff = try firstDifference(
            wb, sheet: "Thông tin",
            ["A1": .string("a"), "B1": .number(1), "A3": .number(2), "D3": .number(3), "E3": .number(4), "B4": .number(5)])
        #expect(diff == nil, "\(diff ?? "")")
    }

    @Test func isoDatesTD() throws {
        let wb = try Fixture.open("iso_dates_t_d.xlsx")
        let g = try wb.grid(of: wb.sheets[0])
        let texts = (0..<4).map { CSVExport.text(g.value(at: CellRef(row: 0, column: $0))) }
        #expect(texts == ["2016-11-17", "2016-11-17T08:30:00", "08:30:00", "1900-03-01"])
        #expect(g.value(at: CellRef("A1")!).numericValue == 42691)
    }

    @Test func mergedRangesAndDefinedNames() throws {
        let wb = try Fixture.open("merged_defined_names.xlsx")
        let g = try wb.grid(of: wb.sheets[0])
        #expect(Set(g.mergedRanges.map(\.description)) == ["A1:G1", "B3:C4"])
        #expect(g.mergedRange(containing: CellRef("C4")!)?.description == "B3:C4")
        let names = Dictionary(uniqueKeysWithValues: wb.definedNames.map { ($0.name, $0) })
        #expect(names["Tong"]?.refersTo == "'Chỉ tiêu'!$E$5:$F$14")
        #expect(names["Tong"]?.localSheet == nil)
        #expect(names["Rieng"]?.localSheet == 0)
    }

    @Test func cellAtXFD1048576SizesNothing() throws {
        let wb = try Fixture.open("cell_at_xfd1048576.xlsx")
        let g = try wb.grid(of: wb.sheets[0])
        #expect(g.rows.count == 1 && g.rows[0].cells.count == 1)
        #expect(g.usedRange?.description == "XFD1048576")
        #expect(g.value(at: CellRef("XFD1048576")!) == .number(1))
    }

    @Test(arguments: [
        ("not_a_zip.xlsx", "not a ZIP"), ("truncated.xlsx", "truncated"), ("crc_mismatch.xlsx", "CRC"),
        ("bzip2_entry.xlsx", "method 12 (bzip2)"), ("encrypted_entry.xlsx", "encrypted ZIP entry"),
        ("missing_sheet_part.xlsx", "missing part"), ("dtd_in_sheet.xlsx", "DTD"),
        ("legacy_libreoffice.xls", ".xls"), ("opendocument_libreoffice.ods", "OpenDocument"),
    ])
    func refusedWithAReason(_ name: String, _ reason: String) throws {
        do {
            let wb = try Fixture.open(name)
            for s in wb.worksheets { _ = try wb.grid(of: s) }
            Issue.record("\(name) was read")
        } catch let e as XLSXError {
            #expect(e.description.contains(reason), "\(name): \(e)")
        }
    }

    @Test func limitsNameTheLimit() throws {
        var limits = ReaderLimits.default
        limits.maxEntries = 3
        #expect {
            try Workbook(path: Fixture.path("basic_values.xlsx"), limits: limits)
        } throws: { ($0 as? XLSXError)?.description.contains("maxEntries") == true }
        limits = .default
        limits.maxCellTextLength = 5
        #expect {
            let wb = try Workbook(path: Fixture.path("shared_strings_rich.xlsx"), limits: limits)
            _ = try wb.grid(of: wb.sheets[0])
        } throws: { ($0 as? XLSXError)?.description.contains("maxCellTextLength") == true }
        limits = .default
        limits.maxFileSize = 100
        #expect {
            try Workbook(path: Fixture.path("basic_values.xlsx"), limits: limits)
        } throws: { ($0 as? XLSXError)?.description.contains("maxFileSize") == true }
    }

    @Test func statsChecksum() throws {
        let wb = try Fixture.open("shared_strings_xlsxwriter.xlsx")
        let s = try WorkbookStats(wb)
        #expect(s.cells == 11 && s.numeric == 2 && s.sum == 2016 + 42691)
        #expect(s.line == "cells=11 numeric=2 sum=44707")
    }

    @Test func partPaths() {
        #expect(PartPath.resolve("../worksheets/./sheet1.xml", from: "xl/book/main.xml") == "xl/worksheets/sheet1.xml")
        #expect(PartPath.resolve("/xl/styles.xml", from: "xl/workbook.xml") == "xl/styles.xml")
        #expect(PartPath.resolve("worksheets\\sheet1.xml", from: "xl/workbook.xml") == "xl/worksheets/sheet1.xml")
        #expect(PartPath.resolve("xl/workbook.xml", from: "") == "xl/workbook.xml")
        #expect(PartPath.relationships(of: "xl/book/main.xml") == "xl/book/_rels/main.xml.rels")
    }
}
