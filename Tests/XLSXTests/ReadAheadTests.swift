import Testing

@testable import XLSX

/// Parts over `ReadAheadReader.threshold` are inflated on a second thread: the parser
/// must see the same bytes and the same errors, and the thread must stop when the
/// parse stops early.
@Suite struct ReadAheadTests {
    /// One sheet of `rows` rows (about 60 bytes of XML each: 30,000 rows pass the threshold).
    static func bigWorkbook(rows: Int) throws -> [UInt8] {
        let b = WorkbookWriter()
        let s = try b.addStreamingWorksheet("Big")
        for i in 0..<rows {
            try s.appendRow([.number(Double(i)), .string("Bản \(i % 97)"), .number(Double(i) / 4)])
        }
        return try b.bytes()
    }

    static func drain(_ stream: any EntryStream, readSize: Int) throws -> [UInt8] {
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: readSize)
        while true {
            let n = try buf.withUnsafeMutableBytes { try stream.read(into: $0) }
            if n == 0 { return out }
            out += buf[0..<n]
        }
    }

    @Test func sameBytesAndRowsThroughTheSecondThread() throws {
        let wb = try Workbook(bytes: Self.bigWorkbook(rows: 30_000), name: "big.xlsx")
        let entry = try #require(wb.archive.entry(wb.sheets[0].part))
        #expect(entry.uncompressedSize >= ReadAheadReader.threshold)
        #expect(try wb.archive.stream(for: entry) is ReadAheadReader)
        let direct = try wb.archive.data(of: entry)
        for readSize in [1, 4000, 1 << 20] where readSize > 1 || direct.count < 4_000_000 {
            let ahead = ReadAheadReader(try wb.archive.reader(for: entry))
            #expect(try Self.drain(ahead, readSize: readSize) == direct)
            #expect(ahead.workerExited)
        }
        var count = 0
        var sum = 0.0
        try wb.forEachRow(in: wb.sheets[0]) { row in
            count += 1
            sum += row.cells[0].value.numericValue ?? 0
            #expect(row.cells[1].value == .string("Bản \(row.index % 97)"))
        }
        #expect(count == 30_000)
        #expect(sum == Double(29_999 * 30_000 / 2))
    }

    @Test func stoppingEarlyStopsTheThread() throws {
        let wb = try Workbook(bytes: Self.bigWorkbook(rows: 30_000), name: "big.xlsx")
        let info = wb.sheets[0]
        let entry = try #require(wb.archive.entry(info.part))
        for _ in 0..<10 {
            let context = SheetContext(
                sheetName: info.name, part: entry.name, sharedStrings: wb.sharedStrings, styles: wb.styles,
                dateSystem: .d1900, keepFormulas: false, maxText: 1000)
            let handler = SheetHandler(context: context)
            var rows = 0
            handler.onRow = { _ in
                rows += 1
                return false
            }
            let ahead = ReadAheadReader(try wb.archive.reader(for: entry))
            #expect(try SAXParser.parse(ahead, part: entry.name, handler: handler) == false)
            #expect(rows == 1)
            #expect(ahead.workerExited)
        }
    }

    @Test func aDamagedLargePartFailsWithItsName() throws {
        var bytes = try Self.bigWorkbook(rows: 30_000)
        let wb = try Workbook(bytes: bytes, name: "big.xlsx")
        let entry = try #require(wb.archive.entry(wb.sheets[0].part))
        let header = Int(entry.localHeaderOffset)
        let dataStart = header + 30 + Int(bytes[header + 26]) + Int(bytes[header + 27]) << 8
            + Int(bytes[header + 28]) + Int(bytes[header + 29]) << 8
        // Damage the deflate data near its end: most rows are read before the error.
        bytes[dataStart + Int(entry.compressedSize) * 9 / 10] ^= 0x55
        let damaged = try Workbook(bytes: bytes, name: "big.xlsx")
        var rows = 0
        do {
            try damaged.forEachRow(in: damaged.sheets[0]) { _ in rows += 1 }
            Issue.record("a damaged part was read without error")
        } catch let error as XLSXError {
            #expect(error.description.contains(entry.name))
        }
        #expect(rows > 1000 && rows < 30_000)
    }
}
