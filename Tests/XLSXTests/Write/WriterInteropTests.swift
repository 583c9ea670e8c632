import Foundation
import Testing

@testable import XLSX

/// Files read back by programs that are not ours: openpyxl (python3) and LibreOffice.
@Suite struct WriterInteropTests {
    /// A workbook with every cell type and feature the consolidation and blank forms use.
    static func featureWorkbook() throws -> WorkbookWriter {
        let b = WorkbookWriter()
        b.properties = DocumentProperties(title: "NQ04 2016", author: "Ban Tổ chức Tỉnh ủy",
                                          created: DocumentProperties.Timestamp(year: 2016, month: 11, day: 17))
        let s = try b.addWorksheet("Chỉ tiêu")
        let title = CellStyle(font: Font(name: "Times New Roman", size: 14, bold: true), alignment: Alignment(horizontal: .center, wrap: true))
        s.merge(CellRange("A1:G1")!, value: .string("BÁO CÁO KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT SỐ 04-NQ/TU"), style: title)
        let header = CellStyle(font: Font(bold: true), fill: Fill("DDEBF7"), border: .all(.thin), alignment: Alignment(horizontal: .center, vertical: .center, wrap: true))
        for (i, h) in ["Mã chỉ tiêu", "STT", "Chỉ tiêu", "Đơn vị tính", "Ban đầu", "Đến kỳ", "Ghi chú"].enumerated() {
            s.write(.string(h), at: CellRef(row: 3, column: i), style: header)
        }
        s.write(.string("DV"), at: CellRef("A5")!)
        s.write(.number(1), at: CellRef("B5")!)
        s.write(.string("Tổng số đơn vị cơ sở"), at: CellRef("C5")!, style: CellStyle(alignment: Alignment(indent: 1)))
        s.write(.number(821), at: CellRef("E5")!, style: CellStyle(numberFormat: "#,##0"))
        s.write(.number(1813.5), at: CellRef("F5")!, style: CellStyle(numberFormat: "#,##0.00"))
        s.write(.number(0.777), at: CellRef("G5")!, style: CellStyle(numberFormat: "0.00%"))
        s.writeFormula("E5+F5", cached: .number(2634.5), at: CellRef("E6")!)
        s.writeFormula("C5&\"!\"", cached: .string("Tổng số đơn vị cơ sở!"), at: CellRef("F6")!)
        s.writeFormula("E5>F5", cached: .bool(false), at: CellRef("G6")!)
        s.writeFormula("1/0", cached: .error(.div0), at: CellRef("D6")!)
        s.write(.bool(true), at: CellRef("A7")!)
        s.write(.error(.na), at: CellRef("B7")!)
        s.write(.date(ExcelDate(serial: ExcelDate.serial(year: 2016, month: 11, day: 17))), at: CellRef("C7")!)
        s.write(.date(ExcelDate(serial: 42691.5, kind: .dateTime)), at: CellRef("D7")!)
        s.write(.empty, at: CellRef("E7")!, style: CellStyle(fill: Fill("FFF2CC"), locked: false))
        s.write(.string("  spaced _x0041_ \u{01}"), at: CellRef("F7")!)
        s.freezePanes(rows: 4, columns: 1)
        s.setColumnWidth(2, 40)
        s.setRowHeight(0, 36)
        s.autoFilter(CellRange("A4:G7")!)
        s.addValidation(DataValidation(.list(["Có", "Không"]), range: CellRange("E8:E20")!, inputTitle: "Chi bộ", inputMessage: "Chọn"))
        s.addValidation(DataValidation(.whole(.between(0, 5000)), range: CellRange("E5:F14")!, errorMessage: "Số nguyên từ 0 đến 5000"))
        s.addValidation(DataValidation(.date(.greaterThanOrEqual(ExcelDate.serial(year: 2016, month: 1, day: 1))), range: CellRange("C7")!))
        s.pageSetup = PageSetup(orientation: .landscape, paperSize: 9, fitToWidth: 1, repeatRows: 3...3, header: "&CNQ04", footer: "&P/&N")
        s.protect()
        let hidden = try b.addWorksheet("Danh mục")
        hidden.state = .hidden
        hidden.write(.string("Có"), at: CellRef("A1")!)
        try b.defineName("CoKhong", refersTo: "'Danh mục'!$A$1:$A$2")
        return b
    }

    static let dumpScript = """
        import json, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        out = {"sheets": wb.sheetnames, "states": [ws.sheet_state for ws in wb.worksheets],
               "title": wb.properties.title, "creator": wb.properties.creator,
               "created": wb.properties.created.isoformat(), "names": sorted(wb.defined_names.keys())}
        ws = wb.worksheets[0]
        cells = {}
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    cells[c.coordinate] = [type(c.value).__name__, str(c.value), c.number_format]
        out["cells"] = cells
        out["merged"] = sorted(str(r) for r in ws.merged_cells.ranges)
        out["freeze"] = ws.freeze_panes
        out["dv"] = sorted([dv.type, str(dv.sqref), dv.formula1, dv.formula2, dv.operator, dv.prompt, dv.error] for dv in ws.data_validations.dataValidation)
        out["print_titles"] = ws.print_title_rows
        out["autofilter"] = ws.auto_filter.ref
        out["protected"] = ws.protection.sheet
        out["e7_locked"] = ws["E7"].protection.locked
        out["a1_bold"] = ws["A1"].font.b
        out["a4_fill"] = ws["A4"].fill.fgColor.rgb
        out["c_width"] = ws.column_dimensions["C"].width
        out["orientation"] = ws.page_setup.orientation
        out["paper"] = ws.page_setup.paperSize
        out["fit"] = ws.sheet_properties.pageSetUpPr.fitToPage
        out["header"] = ws.oddHeader.center.text
        print(json.dumps(out, ensure_ascii=False, sort_keys=True))
        """

    @Test func openpyxlReadsEverything() throws {
        guard WriterTestSupport.python3WithOpenpyxl != nil else {
            print("skipping openpyxlReadsEverything: python3 with openpyxl not found")
            return
        }
        let dir = WriterTestSupport.temporaryFolder()
        defer { WriterTestSupport.remove(dir) }
        let path = dir + "/features.xlsx"
        try Self.featureWorkbook().write(to: path)
        guard let out = WriterTestSupport.python(Self.dumpScript, [path]),
              let json = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any],
              let cells = json["cells"] as? [String: [String]]
        else {
            Issue.record("no JSON from openpyxl")
            return
        }
        #expect(json["sheets"] as? [String] == ["Chỉ tiêu", "Danh mục"])
        #expect(json["states"] as? [String] == ["visible", "hidden"])
        #expect(json["title"] as? String == "NQ04 2016")
        #expect(json["creator"] as? String == "Ban Tổ chức Tỉnh ủy")
        #expect(json["created"] as? String == "2016-11-17T00:00:00")
        #expect(json["names"] as? [String] == ["CoKhong"])
        #expect(cells["A1"] == ["str", "BÁO CÁO KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT SỐ 04-NQ/TU", "General"])
        #expect(cells["E5"] == ["int", "821", "#,##0"])
        #expect(cells["F5"] == ["float", "1813.5", "#,##0.00"])
        #expect(cells["G5"] == ["float", "0.777", "0.00%"])
        #expect(cells["E6"] == ["str", "=E5+F5", "General"])
        #expect(cells["A7"] == ["bool", "True", "General"])
        #expect(cells["B7"] == ["str", "#N/A", "General"])
        #expect(cells["C7"] == ["datetime", "2016-11-17 00:00:00", "dd/mm/yyyy"])
        #expect(cells["D7"] == ["datetime", "2016-11-17 12:00:00", "dd/mm/yyyy hh:mm:ss"])
        // openpyxl undoes _x005F_ but leaves _x0001_ as text (it drops control characters).
        #expect(cells["F7"] == ["str", "  spaced _x0041_ _x0001_", "General"])
        #expect(json["merged"] as? [String] == ["A1:G1"])
        #expect(json["freeze"] as? String == "B5")
        let dv = json["dv"] as? [[Any]] ?? []
        #expect(dv.count == 3)
        #expect(dv.contains { ($0[0] as? String) == "list" && ($0[1] as? String) == "E8:E20" && ($0[2] as? String) == "\"Có,Không\"" && ($0[5] as? String) == "Chọn" })
        #expect(dv.contains { ($0[0] as? String) == "whole" && ($0[2] as? String) == "0" && ($0[3] as? String) == "5000" && ($0[6] as? String) == "Số nguyên từ 0 đến 5000" })
        #expect(dv.contains { ($0[0] as? String) == "date" && ($0[4] as? String) == "greaterThanOrEqual" && ($0[2] as? String) == "42370" })
        #expect(json["print_titles"] as? String == "$4:$4")
        #expect(json["autofilter"] as? String == "A4:G7")
        #expect(json["protected"] as? Bool == true)
        #expect(json["e7_locked"] as? Bool == false)
        #expect(json["a1_bold"] as? Bool == true)
        #expect(json["a4_fill"] as? String == "FFDDEBF7")
        #expect(json["c_width"] as? Double == 40)
        #expect(json["orientation"] as? String == "landscape")
        #expect(json["paper"] as? Int == 9)
        #expect(json["fit"] as? Bool == true)
        #expect(json["header"] as? String == "NQ04")
    }

    @Test func openpyxlReadsAStreamedSheetAndZip64() throws {
        guard WriterTestSupport.python3WithOpenpyxl != nil else {
            print("skipping openpyxlReadsAStreamedSheetAndZip64: python3 with openpyxl not found")
            return
        }
        let dir = WriterTestSupport.temporaryFolder()
        defer { WriterTestSupport.remove(dir) }
        let b = WorkbookWriter(options: WriterOptions(deflateLevel: 1))
        b.forceZip64 = true
        let s = try b.addStreamingWorksheet("Roster")
        for i in 0..<3000 {
            try s.appendRow([.number(Double(i + 1)), .string("Quàng Thị \(i % 50)"), .date(ExcelDate(serial: 40000 + Double(i))), .number(Double(i) / 8)])
        }
        try b.write(to: dir + "/roster.xlsx")
        let script = """
            import sys, openpyxl, zipfile
            assert zipfile.ZipFile(sys.argv[1]).testzip() is None
            ws = openpyxl.load_workbook(sys.argv[1], read_only=True).active
            rows = list(ws.iter_rows(values_only=True))
            print(len(rows), rows[0][0], rows[-1][0], rows[-1][1], rows[-1][2].date().isoformat(), sum(r[3] for r in rows))
            """
        let out = WriterTestSupport.python(script, [dir + "/roster.xlsx"])
        let last = ExcelDate(serial: 42999).components!
        #expect(last.year == 2017 && last.month == 9 && last.day == 21)
        #expect(out == "3000 1 3000 Quàng Thị 49 2017-09-21 \((0..<3000).reduce(0.0) { $0 + Double($1) / 8 })\n")
    }

    @Test func libreOfficeConvertsToTheSameValues() throws {
        guard let soffice = WriterTestSupport.soffice else {
            print("skipping libreOfficeConvertsToTheSameValues: soffice not found")
            return
        }
        let dir = WriterTestSupport.temporaryFolder()
        defer { WriterTestSupport.remove(dir) }
        let b = WorkbookWriter()
        let s = try b.addWorksheet("Sheet1")
        s.write(.string("Đơn vị"), at: CellRef("A1")!)
        s.write(.string("Số đảng viên"), at: CellRef("B1")!)
        s.write(.string("Ngày"), at: CellRef("C1")!)
        s.write(.string("Mường Nhé"), at: CellRef("A2")!)
        s.write(.number(112), at: CellRef("B2")!)
        s.write(.date(ExcelDate(serial: ExcelDate.serial(year: 2016, month: 11, day: 17))), at: CellRef("C2")!)
        s.write(.string("Nậm Pồ"), at: CellRef("A3")!)
        s.writeFormula("B2*2", cached: .number(224), at: CellRef("B3")!)
        s.write(.bool(true), at: CellRef("C3")!)
        try b.write(to: dir + "/lo.xlsx")
        let profile = "file://" + dir + "/lo-profile"
        let r = WriterTestSupport.run(soffice, ["-env:UserInstallation=" + profile, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir, dir + "/lo.xlsx"])
        #expect(r.status == 0, "soffice: \(r.err)")
        let csv = (try? String(contentsOfFile: dir + "/lo.csv", encoding: .utf8)) ?? ""
        #expect(csv.split(whereSeparator: \.isNewline) == ["Đơn vị,Số đảng viên,Ngày", "Mường Nhé,112,17/11/2016", "Nậm Pồ,224,TRUE"])
    }
}
