import Testing
@testable import XLSX

@Suite struct ModelTests {
    @Test func cellRefRoundTrip() {
        #expect(CellRef("B7") == CellRef(row: 6, column: 1))
        #expect(CellRef("XFD1048576")?.description == "XFD1048576")
        #expect(CellRef("XFE1") == nil)
        #expect(CellRef("A0") == nil)
        #expect(CellRange("C3:A1")?.description == "A1:C3")
    }

    @Test func excelDates() {
        #expect(ExcelDate(serial: 60).components?.day == 29)
        #expect(ExcelDate(serial: 61).components.map { [$0.year, $0.month, $0.day] } == [1900, 3, 1])
        #expect(ExcelDate.serial(year: 2016, month: 5, day: 23) == 42513)
        #expect(ExcelDate(cellSerial: 0, format: .date, system: .d1904)?.components?.year == 1904)
        #expect(ExcelDate(serial: 42513.5).components?.hour == 12)
    }

    @Test func zlibRoundTrip() throws {
        let text = Array(String(repeating: "Điện Biên 1.873 ", count: 1000).utf8)
        let packed = try Deflater.compress(text, level: 6)
        #expect(packed.count < text.count / 10)
        let inf = try Inflater()
        var out = [UInt8](repeating: 0, count: text.count + 16)
        let (c, p) = try packed.withUnsafeBytes { i in try out.withUnsafeMutableBytes { o in try inf.inflate(i, into: o) } }
        #expect(c == packed.count && p == text.count && inf.finished)
        #expect(Array(out[0..<p]) == text)
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    }
}
