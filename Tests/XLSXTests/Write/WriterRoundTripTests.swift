import Testing

@testable import XLSX

/// Written workbooks read back through our own reader (Sources/XLSX/Read).
@Suite struct WriterRoundTripTests {
    @Test func everyCellTypeAndFeature() throws {
        let bytes = try WriterInteropTests.featureWorkbook().bytes()
        let book = try Workbook(bytes: bytes, name: "features.xlsx", options: ReadOptions(formulas: true))
        #expect(book.sheets.map(\.name) == ["Chỉ tiêu", "Danh mục"])
        #expect(book.sheets.map(\.state) == [.visible, .hidden])
        #expect(!book.is1904)
        let names = book.definedNames.map { "\($0.name)|\($0.refersTo)|\($0.localSheet.map(String.init) ?? "-")|\($0.hidden)" }
        // Sorted as Excel sorts them: by name without the _xlnm. prefix.
        #expect(names == [
            "_xlnm._FilterDatabase|'Chỉ tiêu'!$A$4:$G$7|0|true",
            "CoKhong|'Danh mục'!$A$1:$A$2|-|false",
            "_xlnm.Print_Titles|'Chỉ tiêu'!$4:$4|0|false",
        ])
        let grid = try book.grid(of: book.sheets[0])
        #expect(grid.mergedRanges == [CellRange("A1:G1")!])
        func v(_ a1: String) -> CellValue { grid.value(at: CellRef(a1)!) }
        func format(_ a1: String) -> String? { grid[CellRef(a1)!].flatMap { book.numberFormat(style: $0.style) } }
        #expect(v("A1") == .string("BÁO CÁO KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT SỐ 04-NQ/TU"))
        #expect(v("C4") == .string("Chỉ tiêu"))
        #expect(v("E5") == .number(821))
        #expect(format("E5") == "#,##0")
        #expect(v("F5") == .number(1813.5))
        #expect(format("F5") == "#,##0.00")
        #expect(format("G5") == "0.00%")
        #expect(v("A7") == .bool(true))
        #expect(v("B7") == .error(.na))
        #expect(v("C7") == .date(ExcelDate(serial: 42691)))
        #expect(format("C7") == "dd/mm/yyyy")
        #expect(v("D7").numericValue == 42691.5)
        #expect(v("F7") == .string("  spaced _x0041_ \u{01}"))  // _x005F_ and _x0001_ undone
        let e6 = grid[CellRef("E6")!]
        #expect(e6?.hasFormula == true && e6?.formula == "E5+F5" && e6?.value == .number(2634.5))
        #expect(grid[CellRef("F6")!]?.value == .string("Tổng số đơn vị cơ sở!"))
        #expect(grid[CellRef("F6")!]?.formula == "C5&\"!\"")
        #expect(grid[CellRef("G6")!]?.value == .bool(false))
        #expect(grid[CellRef("D6")!]?.value == .error(.div0))
        #expect(grid.usedRange == CellRange("A1:G7")!)
    }

    @Test func streamedRowsComeBackInOrder() throws {
        let b = WorkbookWriter()
        let s = try b.addStreamingWorksheet("Roster")
        var expected: [[CellValue]] = []
        for i in 0..<5000 {
            let row: [CellValue] = [
                .number(Double(i + 1)), .string("Hờ A \(i % 97)"), .date(ExcelDate(serial: 30000 + Double(i))),
                i % 3 == 0 ? .empty : .number(Double(i) * 0.01), .bool(i % 2 == 0),
            ]
            try s.appendRow(row)
            expected.append(row)
        }
        let book = try Workbook(bytes: try b.bytes(), name: "roster.xlsx")
        var n = 0
        try book.forEachRow(in: book.sheets[0]) { row in
            let want = expected[row.index]
            for c in row.cells { #expect(c.value == want[c.column], "row \(row.index) col \(c.column)") }
            #expect(row.cells.count == want.filter { !$0.isEmpty }.count)
            n += 1
        }
        #expect(n == 5000)
    }

    @Test func stringsThatNeedEscapingSurvive() throws {
        let texts = ["a & b < c > d", "\"quoted\"", " lead", "trail ", "line\nbreak", "tab\there", "cr\r\nlf",
                     "_x0041_", "_x005F_", "\u{07}bell", "emoji 🇻🇳", "Khơ Mú", "", "  "]
        let b = WorkbookWriter()
        let s = try b.addWorksheet("Escapes")
        for (i, t) in texts.enumerated() {
            s.write(.string(t), at: CellRef(row: i, column: 0))
            s.writeFormula("A\(i + 1)", cached: .string(t), at: CellRef(row: i, column: 1))
        }
        let book = try Workbook(bytes: try b.bytes(), name: "escapes.xlsx")
        let grid = try book.grid(of: book.sheets[0])
        for (i, t) in texts.enumerated() {
            #expect(grid.value(at: CellRef(row: i, column: 0)) == (t.isEmpty ? .empty : .string(t)) || grid.value(at: CellRef(row: i, column: 0)) == .string(t), "A\(i + 1)")
            #expect(grid.value(at: CellRef(row: i, column: 1)) == (t.isEmpty ? .empty : .string(t)) || grid.value(at: CellRef(row: i, column: 1)) == .string(t), "B\(i + 1)")
        }
    }
}
