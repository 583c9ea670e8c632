import Testing

@testable import XLSX

/// Limits, determinism, ZIP layout and the streaming sheet.
@Suite struct WriterBehaviourTests {
    @Test func sheetNamesFollowExcelRules() throws {
        let b = WorkbookWriter()
        _ = try b.addWorksheet("Chỉ tiêu")
        #expect(throws: XLSXWriteError.duplicateSheetName("CHỈ TIÊU")) { try b.addWorksheet("CHỈ TIÊU") }
        for bad in ["", String(repeating: "x", count: 32), "a/b", "a[1]", "q?", "x:y", "s*", "back\\slash", "'quoted'", "History"] {
            #expect(throws: XLSXWriteError.self) { try b.addWorksheet(bad) }
        }
        _ = try b.addWorksheet(String(repeating: "Đ", count: 31))
    }

    @Test func gridLimitsAndTextLength() throws {
        let b = WorkbookWriter()
        let s = try b.addWorksheet("S")
        s.write(.number(1), at: CellRef(row: CellRef.maxRows - 1, column: CellRef.maxColumns - 1))
        #expect(s.problem == nil)
        s.write(.number(1), at: CellRef(row: CellRef.maxRows, column: 0))
        #expect(s.problem == .cellOutOfRange(sheet: "S", row: CellRef.maxRows, column: 0))
        #expect(throws: XLSXWriteError.cellOutOfRange(sheet: "S", row: CellRef.maxRows, column: 0)) { try b.bytes() }

        let b2 = WorkbookWriter()
        let t = try b2.addWorksheet("T")
        t.write(.string(String(repeating: "ệ", count: 32_767)), at: CellRef("A1")!)
        _ = try b2.bytes()
        t.write(.string(String(repeating: "a", count: 32_768)), at: CellRef("B2")!)
        #expect(throws: XLSXWriteError.textTooLong(sheet: "T", cell: "B2", length: 32_768)) { try b2.bytes() }

        let b3 = WorkbookWriter()
        let u = try b3.addWorksheet("U")
        u.write(.number(.nan), at: CellRef("C4")!)
        #expect(throws: XLSXWriteError.invalidNumber(sheet: "U", cell: "C4")) { try b3.bytes() }
        #expect(throws: XLSXWriteError.noSheets) { try WorkbookWriter().bytes() }
    }

    @Test func overlappingMergesAndBadValidations() throws {
        let b = WorkbookWriter()
        let s = try b.addWorksheet("S")
        s.merge(CellRange("A1:D1")!)
        s.merge(CellRange("C1:E2")!)
        #expect(s.problem == .overlappingMerge(sheet: "S", CellRange("A1:D1")!, CellRange("C1:E2")!))
        let s2 = try b.addWorksheet("S2")
        s2.addValidation(DataValidation(.list(["a,b"]), range: CellRange("A1")!))
        #expect(s2.problem != nil)
        let s3 = try b.addWorksheet("S3")
        s3.addValidation(DataValidation(.list((0..<100).map { "item\($0)" }), range: CellRange("A1")!))
        #expect(s3.problem?.description.contains("255") == true)
        #expect(throws: XLSXWriteError.self) { try b.defineName("A1", refersTo: "'S'!$A$1") }
        #expect(throws: XLSXWriteError.self) { try b.defineName("has space", refersTo: "'S'!$A$1") }
        try b.defineName("DanhMuc", refersTo: "'S'!$A$1:$A$9")
        #expect(throws: XLSXWriteError.self) { try b.defineName("danhmuc", refersTo: "'S'!$A$1") }
    }

    @Test func sameWorkbookGivesSameBytes() throws {
        let a = try WriterPartTests.smallWorkbook()
        let first = try a.bytes()
        #expect(try a.bytes() == first)  // writing twice does not change anything
        #expect(try WriterPartTests.smallWorkbook().bytes() == first)
        // Streaming sheets too (their rows go through a temporary file).
        func streamed() throws -> [UInt8] {
            let b = WorkbookWriter()
            let s = try b.addStreamingWorksheet("Roster")
            for i in 0..<2000 {
                try s.appendRow([.number(Double(i)), .string("Lò Văn \(i % 37)"), .date(ExcelDate(serial: 40000 + Double(i)))])
            }
            return try b.bytes()
        }
        #expect(try streamed() == streamed())
    }

    @Test func zipHeadersArePinned() throws {
        let bytes = try WriterPartTests.smallWorkbook().bytes()
        func u16(_ o: Int) -> Int { Int(bytes[o]) | Int(bytes[o + 1]) << 8 }
        // First local header: signature, version 20, no flags, deflate, 00:00 1980-01-01.
        #expect(Array(bytes[0..<4]) == [0x50, 0x4B, 0x03, 0x04])
        #expect(u16(4) == 20 && u16(6) == 0 && u16(8) == 8 && u16(10) == 0 && u16(12) == 0x21)
        #expect(String(decoding: bytes[30..<(30 + u16(26))], as: UTF8.self) == "[Content_Types].xml")
    }

    @Test func zip64RecordsReadBack() throws {
        let b = try WriterPartTests.smallWorkbook()
        b.forceZip64 = true
        let bytes = try b.bytes()
        let parts = try WriterTestSupport.parts(of: bytes)
        #expect(parts.count == 10)
        #expect(parts.last?.path == "xl/worksheets/sheet1.xml")
        // The ZIP64 end record and locator precede the classic end record.
        let n = bytes.count
        #expect(Array(bytes[(n - 42)..<(n - 38)]) == [0x50, 0x4B, 0x06, 0x07])
    }

    @Test func streamingSheetRules() throws {
        let b = WorkbookWriter()
        let s = try b.addStreamingWorksheet("Kết nạp")
        try s.freezePanes(rows: 1)
        try s.setColumnWidth(1, 28)
        try s.appendRow([.string("STT"), .string("Họ và tên")], styles: [CellStyle(font: Font(bold: true)), CellStyle(font: Font(bold: true))])
        #expect(throws: XLSXWriteError.tooLate(sheet: "Kết nạp", setting: "freeze panes")) { try s.freezePanes(rows: 2) }
        #expect(throws: XLSXWriteError.tooLate(sheet: "Kết nạp", setting: "column width")) { try s.setColumnWidth(0, 5) }
        try s.appendRow([.number(1), .string("Giàng A Páo"), .empty, .bool(false)], height: 20)
        try s.writeRow(5, [.number(2)])
        #expect(throws: XLSXWriteError.cellOutOfRange(sheet: "Kết nạp", row: 4, column: 0)) { try s.writeRow(4, [.number(3)]) }
        try s.merge(CellRange("A10:C10")!)
        s.pageSetup.repeatRows = 0...0
        let bytes = try b.bytes()
        let xml = try WriterTestSupport.part("xl/worksheets/sheet1.xml", of: bytes) ?? ""
        #expect(xml.contains("<cols><col min=\"2\" max=\"2\" width=\"28\" customWidth=\"1\"/></cols><sheetData><row r=\"1\"><c r=\"A1\" s=\"1\" t=\"s\"><v>0</v></c><c r=\"B1\" s=\"1\" t=\"s\"><v>1</v></c></row>"))
        #expect(xml.contains("<row r=\"2\" ht=\"20\" customHeight=\"1\"><c r=\"A2\"><v>1</v></c><c r=\"B2\" t=\"s\"><v>2</v></c><c r=\"D2\" t=\"b\"><v>0</v></c></row><row r=\"6\"><c r=\"A6\"><v>2</v></c></row></sheetData>"))
        #expect(xml.contains("<mergeCell ref=\"A10:C10\"/>"))
        #expect(throws: XLSXWriteError.self) { try b.bytes() }  // a streaming sheet is written once
    }

    @Test func stylesAreDeduplicated() throws {
        let b = WorkbookWriter()
        let s = try b.addWorksheet("S")
        let header = CellStyle(font: Font(name: "Times New Roman", size: 12, bold: true, color: "1F4E79"), fill: Fill("DDEBF7"),
                               border: .all(.thin), alignment: Alignment(horizontal: .center, vertical: .center, wrap: true))
        for c in 0..<10 { s.write(.string("H\(c)"), at: CellRef(row: 0, column: c), style: header) }
        var input = CellStyle(fill: Fill("FFF2CC"), border: .all(.thin), numberFormat: "#,##0", locked: false)
        for r in 1..<20 { s.write(.empty, at: CellRef(row: r, column: 1), style: input) }
        input.alignment = Alignment(indent: 2)
        s.write(.number(5), at: CellRef("C2")!, style: input)
        s.write(.number(0.25), at: CellRef("D2")!, style: CellStyle(numberFormat: "0.00%"))
        s.write(.number(0.25), at: CellRef("E2")!, style: CellStyle(numberFormat: "0.000%"))
        let xml = try WriterTestSupport.part("xl/styles.xml", of: b.bytes()) ?? ""
        #expect(xml.contains("<cellXfs count=\"6\">"))
        #expect(xml.contains("<fonts count=\"2\">"))
        #expect(xml.contains("<fills count=\"4\">"))
        #expect(xml.contains("<borders count=\"2\">"))
        #expect(xml.contains("<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"0.000%\"/></numFmts>"))
        #expect(xml.contains("<font><b/><sz val=\"12\"/><color rgb=\"FF1F4E79\"/><name val=\"Times New Roman\"/><family val=\"2\"/></font>"))
        #expect(xml.contains("<alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/>"))
        #expect(xml.contains("<xf numFmtId=\"3\" fontId=\"0\" fillId=\"3\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\" applyProtection=\"1\"><alignment indent=\"2\"/><protection locked=\"0\"/></xf>"))
        #expect(xml.contains("<xf numFmtId=\"10\" fontId=\"0\""))
    }

    @Test func rowBuilderInternsBytesAndRepairsUTF8() throws {
        let b = WorkbookWriter()
        let s = try b.addStreamingWorksheet("Raw")
        var row = RowBuilder()
        for i in 0..<300 {
            row.removeAll()
            row.appendNumber(Double(i))
            row.appendText(bytes: Array("Bản Nà \(i % 3)".utf8))
            row.appendEmpty()
            row.appendDate(serial: 42691)
            row.appendText(bytes: [0x61, 0xFF, 0x62])  // malformed UTF-8
            try s.appendRow(row)
        }
        let bytes = try b.bytes()
        let sst = try WriterTestSupport.part("xl/sharedStrings.xml", of: bytes) ?? ""
        #expect(sst.contains("count=\"600\" uniqueCount=\"4\""))
        #expect(sst.contains("<si><t>a\u{FFFD}b</t></si>"))
        let sheet = try WriterTestSupport.part("xl/worksheets/sheet1.xml", of: bytes) ?? ""
        #expect(sheet.contains("<row r=\"300\"><c r=\"A300\"><v>299</v></c><c r=\"B300\" t=\"s\"><v>3</v></c><c r=\"D300\" s=\"1\"><v>42691</v></c><c r=\"E300\" t=\"s\"><v>1</v></c></row>"))
        // The pointer must not escape withUnsafeBufferPointer (ASan: heap-use-after-free).
        #expect([0xED, 0xA0, 0x80].withUnsafeBufferPointer { RowBuilder.isValidUTF8($0) } == false)  // a surrogate
        #expect(Array("Điện Biên 🇻🇳".utf8).withUnsafeBufferPointer { RowBuilder.isValidUTF8($0) })
    }

    @Test func abandonedStreamingSheetStopsItsThread() throws {
        for _ in 0..<20 {
            let b = WorkbookWriter()
            let s = try b.addStreamingWorksheet("Dropped")
            for i in 0..<3000 { try s.appendRow([.number(Double(i)), .string("x\(i)")]) }
            // Dropped without writing: deinit must stop the deflate thread (else this hangs or leaks).
        }
    }

    @Test func sharedStringTableGrowsAndKeepsOrder() {
        let t = SharedStringsPart()
        for i in 0..<5000 { #expect(t.index(of: "s\(i)") == i) }
        for i in stride(from: 4999, through: 0, by: -7) { #expect(t.index(of: "s\(i)") == i) }
        #expect(t.count == 5000)
        #expect(t.string(at: 1234) == "s1234")
        // Canonically equivalent but differently encoded texts stay distinct (Excel compares code points).
        #expect(t.index(of: "\u{1EC7}") != t.index(of: "e\u{323}\u{302}"))
    }
}
