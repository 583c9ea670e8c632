import Testing

@testable import XLSX

@Suite struct ReaderTests {
    @Test func basicValues() throws {
        let wb = try Fixture.open("basic_values.xlsx")
        #expect(wb.sheets.map(\.name) == ["Values"])
        let diff = try firstDifference(
            wb, sheet: "Values",
            [
                "A1": .string("text"), "B1": .string("comma, quote \"x\""), "C1": .number(3), "D1": .number(0.5),
                "E1": .number(1e-07), "F1": .bool(true), "G1": .bool(false), "H1": .number(-42),
                "A2": .string("Điện Biên"), "B3": .number(1_234_567.25),
                "C4": .date(ExcelDate(serial: 42691, kind: .date)),
                "D4": .date(ExcelDate(serial: 42513 + (14 * 3600 + 30 * 60 + 15) / 86400.0, kind: .dateTime)),
                "E4": .date(ExcelDate(serial: 8.5 / 24, kind: .time)),
            ])
        #expect(diff == nil, "\(diff ?? "")")
        let grid = try wb.grid(of: wb.sheets[0])
        #expect(grid.usedRange?.description == "A1:H4")
    }

    @Test func streamingRowsAscending() throws {
        let wb = try Fixture.open("basic_values.xlsx")
        var indexes: [Int] = []
        try wb.forEachRow(in: wb.sheets[0]) { indexes.append($0.index) }
        #expect(indexes == [0, 1, 2, 3])
    }

    @Test func bodyErrorStopsStreaming() throws {
        struct Stop: Error {}
        let wb = try Fixture.open("basic_values.xlsx")
        var seen = 0
        #expect(throws: Stop.self) {
            try wb.forEachRow(in: wb.sheets[0]) { _ in
                seen += 1
                throw Stop()
            }
        }
        #expect(seen == 1)
    }

    @Test func notZip() {
        #expect(throws: XLSXError.notZip) { try Workbook(bytes: Array("hello".utf8), name: "x") }
    }

    @Test func csvNumbers() {
        #expect(CSVExport.formatNumber(3) == "3")
        #expect(CSVExport.formatNumber(0.1 + 0.2) == "0.30000000000000004")
        #expect(CSVExport.formatNumber(1e-07) == "1e-07")
        #expect(CSVExport.formatNumber(-0.0) == "0")
        #expect(CSVExport.formatNumber(123.456) == "123.456")
        #expect(WorkbookStats.format12g(85066.42783564815) == "85066.4278356")
    }
}

/// The reader's fast decimal path must give strtod's double for every input it takes.
@Suite struct FastDecimalTests {
    @Test func agreesWithTheStandardParser() {
        var rng = SystemRandomNumberGenerator()
        var taken = 0
        for k in 0..<200_000 {
            let digits = Int.random(in: 1...19, using: &rng)
            var s = k % 3 == 0 ? "-" : ""
            let point = Int.random(in: 0...digits, using: &rng)
            for i in 0..<digits {
                if i == point && i > 0 { s += "." }
                s += String(Int.random(in: 0...9, using: &rng))
            }
            let bytes = Array(s.utf8)
            guard let fast = bytes.withUnsafeBufferPointer({ SheetParser.fastDecimal($0) }) else { continue }
            taken += 1
            let reference = Double(s)!
            #expect(fast.bitPattern == reference.bitPattern, "\(s): \(fast) vs \(reference)")
            if fast.bitPattern != reference.bitPattern { return }
        }
        #expect(taken > 100_000)
        for s in ["", "-", ".", "5.", "1e5", "1.2.3", "+1", " 1", "0x10", "9007199254740993", "12345678901234567890", "0.30000000000000004"] {
            #expect(Array(s.utf8).withUnsafeBufferPointer { SheetParser.fastDecimal($0) } == nil, "\(s)")
        }
        #expect(Array("-0".utf8).withUnsafeBufferPointer { SheetParser.fastDecimal($0) }?.sign == .minus)
        #expect(Array(".5".utf8).withUnsafeBufferPointer { SheetParser.fastDecimal($0) } == 0.5)
        #expect(Array("8.710000000000001".utf8).withUnsafeBufferPointer { SheetParser.fastDecimal($0) } == 8.710000000000001)
        #expect(Array("9007199254740992".utf8).withUnsafeBufferPointer { SheetParser.fastDecimal($0) } == 9007199254740992)
    }
}
