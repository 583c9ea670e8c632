import Foundation
import Testing

@testable import XLSX

/// Charts, comments and internal links: the parts they add, checked as XML, by openpyxl
/// and by openxml-audit (Excel's SDK validator) when they are installed.
@Suite struct WriterDrawingTests {
    static let units = ["Điện Biên Phủ", "Mường Lay", "Mường Nhé"]
    static let admitted: [Double?] = [258, 40, 112]
    static let target: [Double?] = [260, 40, 154]

    /// Two sheets: figures with a bar + target-line chart, comments and links; a second
    /// sheet with a stacked horizontal chart and a comment of its own.
    static func drawingWorkbook() throws -> WorkbookWriter {
        let b = WorkbookWriter()
        let s = try b.addWorksheet("Theo đơn vị")
        s.write(.string("Đơn vị"), at: CellRef("A1")!)
        s.write(.string("Kết nạp"), at: CellRef("B1")!)
        s.write(.string("Chỉ tiêu"), at: CellRef("C1")!)
        for (i, u) in units.enumerated() {
            s.write(.string(u), row: i + 1, column: 0)
            s.write(.number(admitted[i]!), row: i + 1, column: 1)
            s.write(.number(target[i]!), row: i + 1, column: 2)
        }
        let cats = Chart.Data.text("'Theo đơn vị'!$A$2:$A$4", units)
        s.addChart(
            Chart(
                title: "Kết nạp so với chỉ tiêu", series: [
                    .init(name: "Kết nạp", categories: cats, values: .numbers("'Theo đơn vị'!$B$2:$B$4", admitted), labels: true),
                    .init(name: "Chỉ tiêu", categories: cats, values: .numbers("'Theo đơn vị'!$C$2:$C$4", target), kind: .line, colour: "C00000"),
                ], valueFormat: "#,##0", valueAxisTitle: "Đảng viên", minimum: 0, font: "Times New Roman"),
            from: CellRef("E2")!, to: CellRef("M20")!)
        s.addComment(CellComment(cell: CellRef("B4")!, text: "Dưới chỉ tiêu (112 < 154).\nBelow the target (112 < 154)."))
        s.addComment(CellComment(cell: CellRef("B2")!, text: "Đạt 99%", author: "Ban Tổ chức"))
        let t = try b.addWorksheet("Lỗi")
        t.write(.string("Xem ô B4"), at: CellRef("A1")!)
        t.addLink(InternalLink(cell: CellRef("A1")!, sheet: "Theo đơn vị", target: CellRange("B4")!, tooltip: "Mường Nhé"))
        t.addComment(CellComment(cell: CellRef("A1")!, text: "Liên kết tới ô có lỗi"))
        t.addChart(
            Chart(direction: .bar, grouping: .stacked, series: [
                .init(name: "Kết nạp", categories: cats, values: .numbers("'Theo đơn vị'!$B$2:$B$4", [258, nil, 112])),
                .init(name: "Chỉ tiêu", categories: cats, values: .numbers("'Theo đơn vị'!$C$2:$C$4", target)),
            ]),
            from: CellRef("C3")!, to: CellRef("J18")!)
        return b
    }

    @Test func partsAndRelationships() throws {
        let bytes = try Self.drawingWorkbook().bytes()
        let parts = try WriterTestSupport.parts(of: bytes)
        #expect(Array(parts.map(\.path).suffix(14)) == [
            "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
            "xl/worksheets/_rels/sheet1.xml.rels", "xl/drawings/drawing1.xml", "xl/drawings/_rels/drawing1.xml.rels",
            "xl/charts/chart1.xml", "xl/comments1.xml", "xl/drawings/vmlDrawing1.vml",
            "xl/worksheets/_rels/sheet2.xml.rels", "xl/drawings/drawing2.xml", "xl/drawings/_rels/drawing2.xml.rels",
            "xl/charts/chart2.xml", "xl/comments2.xml", "xl/drawings/vmlDrawing2.vml",
        ])
        let rels = try #require(try WriterTestSupport.part("xl/worksheets/_rels/sheet1.xml.rels", of: bytes))
        #expect(rels.contains("<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing\" Target=\"../drawings/drawing1.xml\"/>"))
        #expect(rels.contains("<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments\" Target=\"../comments1.xml\"/>"))
        #expect(rels.contains("<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing\" Target=\"../drawings/vmlDrawing1.vml\"/>"))
        let types = try #require(try WriterTestSupport.part("[Content_Types].xml", of: bytes))
        #expect(types.contains("<Default Extension=\"vml\" ContentType=\"application/vnd.openxmlformats-officedocument.vmlDrawing\"/>"))
        #expect(types.contains("<Override PartName=\"/xl/charts/chart2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.drawingml.chart+xml\"/>"))
        #expect(types.contains("<Override PartName=\"/xl/drawings/drawing1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.drawing+xml\"/>"))
        #expect(types.contains("<Override PartName=\"/xl/comments2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml\"/>"))
        // The sheet ends with links, page margins, then the drawing and the legacy drawing (schema order).
        let sheet2 = try #require(try WriterTestSupport.part("xl/worksheets/sheet2.xml", of: bytes))
        #expect(sheet2.hasSuffix(
            "</sheetData><hyperlinks><hyperlink ref=\"A1\" location=\"'Theo đơn vị'!B4\" tooltip=\"Mường Nhé\" display=\"'Theo đơn vị'!B4\"/></hyperlinks>"
                + "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
                + "<drawing r:id=\"rId1\"/><legacyDrawing r:id=\"rId3\"/></worksheet>"))
        #expect(try Self.drawingWorkbook().bytes() == bytes, "same input, same bytes")
    }

    @Test func chartXML() throws {
        let bytes = try Self.drawingWorkbook().bytes()
        let chart = try #require(try WriterTestSupport.part("xl/charts/chart1.xml", of: bytes))
        // A clustered column chart, then the line chart over it, on one pair of axes.
        let order = ["<c:title>", "<c:barChart><c:barDir val=\"col\"/><c:grouping val=\"clustered\"/>", "<c:dLbls>",
                     "<c:lineChart>", "<c:catAx>", "<c:valAx>", "<c:legend>"]
        let at = order.map { chart.range(of: $0)?.lowerBound }
        #expect(at.allSatisfy { $0 != nil }, "\(order) all present")
        #expect(at.compactMap { $0 } == at.compactMap { $0 }.sorted(), "in schema order")
        #expect(chart.contains("<c:tx><c:v>Chỉ tiêu</c:v></c:tx>"))
        #expect(chart.contains("<c:cat><c:strRef><c:f>'Theo đơn vị'!$A$2:$A$4</c:f><c:strCache><c:ptCount val=\"3\"/><c:pt idx=\"0\"><c:v>Điện Biên Phủ</c:v></c:pt>"))
        #expect(chart.contains("<c:val><c:numRef><c:f>'Theo đơn vị'!$C$2:$C$4</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val=\"3\"/><c:pt idx=\"0\"><c:v>260</c:v></c:pt><c:pt idx=\"1\"><c:v>40</c:v></c:pt><c:pt idx=\"2\"><c:v>154</c:v></c:pt></c:numCache>"))
        #expect(chart.contains("<a:latin typeface=\"Times New Roman\"/>"))
        #expect(chart.contains("<c:scaling><c:orientation val=\"minMax\"/><c:min val=\"0\"/></c:scaling>"))
        let stacked = try #require(try WriterTestSupport.part("xl/charts/chart2.xml", of: bytes))
        #expect(stacked.contains("<c:barDir val=\"bar\"/><c:grouping val=\"stacked\"/>"))
        #expect(stacked.contains("<c:overlap val=\"100\"/>"))
        // A blank point is left out of the cache (a gap), the count stays.
        #expect(stacked.contains("<c:ptCount val=\"3\"/><c:pt idx=\"0\"><c:v>258</c:v></c:pt><c:pt idx=\"2\"><c:v>112</c:v></c:pt>"))
        #expect(!stacked.contains("<c:lineChart>") && stacked.contains("<c:autoTitleDeleted val=\"1\"/>"))
        let drawing = try #require(try WriterTestSupport.part("xl/drawings/drawing1.xml", of: bytes))
        #expect(drawing.contains("<xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>12</xdr:col>"))
        #expect(drawing.contains("<c:chart xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" r:id=\"rId1\"/>"))
    }

    @Test func commentsXML() throws {
        let bytes = try Self.drawingWorkbook().bytes()
        let comments = try #require(try WriterTestSupport.part("xl/comments1.xml", of: bytes))
        // Sorted by cell; authors in order of first use.
        #expect(comments == WriterPartTests.decl + """
            <comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Ban Tổ chức</author><author>TongHop</author></authors>\
            <commentList><comment ref="B2" authorId="0"><text><r><rPr><sz val="9"/><rFont val="Tahoma"/><family val="2"/></rPr><t xml:space="preserve">Đạt 99%</t></r></text></comment>\
            <comment ref="B4" authorId="1"><text><r><rPr><sz val="9"/><rFont val="Tahoma"/><family val="2"/></rPr><t xml:space="preserve">Dưới chỉ tiêu (112 &lt; 154).
            Below the target (112 &lt; 154).</t></r></text></comment></commentList></comments>
            """)
        let vml = try #require(try WriterTestSupport.part("xl/drawings/vmlDrawing1.vml", of: bytes))
        #expect(vml.contains("<o:idmap v:ext=\"edit\" data=\"1\"/>"))
        #expect(vml.contains("id=\"_x0000_s1025\"") && vml.contains("id=\"_x0000_s1026\""))
        #expect(vml.contains("<x:Row>3</x:Row><x:Column>1</x:Column>"))
        let vml2 = try #require(try WriterTestSupport.part("xl/drawings/vmlDrawing2.vml", of: bytes))
        #expect(vml2.contains("data=\"2\"") && vml2.contains("id=\"_x0000_s2049\""), "shape ids unique in the workbook")
    }

    @Test func manualPageBreaksAfterTheHeaderFooter() throws {
        let b = WorkbookWriter()
        let s = try b.addWorksheet("A")
        s.write(.number(1), at: CellRef("A1")!)
        var setup = PageSetup(footer: "&P")
        setup.rowBreaks = [40, 20, 20, 0]  // sorted, once each; none before the first row
        s.pageSetup = setup
        let xml = try #require(try WriterTestSupport.part("xl/worksheets/sheet1.xml", of: b.bytes()))
        #expect(xml.hasSuffix(
            "<headerFooter><oddFooter>&amp;P</oddFooter></headerFooter><rowBreaks count=\"2\" manualBreakCount=\"2\">"
                + "<brk id=\"20\" max=\"16383\" man=\"1\"/><brk id=\"40\" max=\"16383\" man=\"1\"/></rowBreaks></worksheet>"))
    }

    @Test func badChartsAreThrownWithTheSheet() throws {
        let b = WorkbookWriter()
        let s = try b.addWorksheet("A")
        s.addChart(Chart(series: []), from: CellRef("A1")!, to: CellRef("C5")!)
        #expect(throws: XLSXWriteError.invalidChart(sheet: "A", reason: "a chart needs at least one series")) { try b.bytes() }
        let c = WorkbookWriter()
        let t = try c.addWorksheet("B")
        let d = Chart.Data.numbers("B!$A$1:$A$2", [1, 2])
        t.addChart(Chart(series: [.init(name: "x", categories: d, values: d, colour: "red")]), from: CellRef("A1")!, to: CellRef("C5")!)
        #expect(throws: XLSXWriteError.invalidChart(sheet: "B", reason: "series 'x': colour 'red' is not RRGGBB")) { try c.bytes() }
    }

    static let dumpScript = """
        import json, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        out = {}
        for ws in wb.worksheets:
            charts = []
            for ch in ws._charts:
                kinds = [type(ch).__name__] + [type(c).__name__ for c in getattr(ch, '_charts', [])[1:]]
                series = []
                for c in [ch] + list(getattr(ch, '_charts', [])[1:]):
                    for s in c.series:
                        series.append({"name": s.tx.v if s.tx is not None else None,
                                       "values": s.val.numRef.f, "categories": s.cat.strRef.f,
                                       "cache": [p.v for p in s.val.numRef.numCache.pt]})
                charts.append({"kinds": kinds, "grouping": ch.grouping, "type": getattr(ch, 'type', None),
                               "series": series, "anchor": ch.anchor._from.col})
            comments = {c.coordinate: [c.comment.text, c.comment.author] for row in ws.iter_rows() for c in row if c.comment}
            links = {c.coordinate: c.hyperlink.location for row in ws.iter_rows() for c in row if c.hyperlink}
            out[ws.title] = {"charts": charts, "comments": comments, "links": links}
        print(json.dumps(out, ensure_ascii=False))
        """

    @Test func openpyxlFindsChartsCommentsAndLinks() throws {
        guard WriterTestSupport.python3WithOpenpyxl != nil else {
            print("skipping openpyxlFindsChartsCommentsAndLinks: python3 with openpyxl not found")
            return
        }
        let dir = WriterTestSupport.temporaryFolder()
        defer { WriterTestSupport.remove(dir) }
        let path = dir + "/drawings.xlsx"
        try Self.drawingWorkbook().write(to: path)
        let out = try #require(WriterTestSupport.python(Self.dumpScript, [path]))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: [String: Any]])
        let first = try #require(json["Theo đơn vị"])
        let charts = try #require(first["charts"] as? [[String: Any]])
        #expect(charts.count == 1)
        #expect(charts.first?["kinds"] as? [String] == ["BarChart", "LineChart"])
        let series = charts.first?["series"] as? [[String: Any]] ?? []
        #expect(series.map { $0["values"] as? String } == ["'Theo đơn vị'!$B$2:$B$4", "'Theo đơn vị'!$C$2:$C$4"])
        #expect(series.map { $0["name"] as? String } == ["Kết nạp", "Chỉ tiêu"])
        #expect(series.last?["cache"] as? [Double] == [260, 40, 154])
        #expect(charts.first?["anchor"] as? Int == 4)
        let comments = try #require(first["comments"] as? [String: [String]])
        #expect(comments["B4"] == ["Dưới chỉ tiêu (112 < 154).\nBelow the target (112 < 154).", "TongHop"])
        #expect(comments["B2"] == ["Đạt 99%", "Ban Tổ chức"])
        let second = try #require(json["Lỗi"])
        #expect((second["links"] as? [String: String])?["A1"] == "'Theo đơn vị'!B4")
        #expect((second["charts"] as? [[String: Any]])?.first?["grouping"] as? String == "stacked")
        #expect((second["comments"] as? [String: [String]])?["A1"]?.first == "Liên kết tới ô có lỗi")
    }

    /// openxml-audit (the Open XML SDK's validator in Python) on PATH: no violation.
    @Test func openxmlAuditFindsNothing() throws {
        guard let audit = WriterTestSupport.openxmlAudit else {
            print("skipping openxmlAuditFindsNothing: openxml-audit not found")
            return
        }
        let dir = WriterTestSupport.temporaryFolder()
        defer { WriterTestSupport.remove(dir) }
        let path = dir + "/drawings.xlsx"
        try Self.drawingWorkbook().write(to: path)
        let r = WriterTestSupport.run(audit, ["--format", "microsoft365", "--max-errors", "0", path])
        #expect(r.status == 0, "openxml-audit: \(r.out)\(r.err)")
    }
}
