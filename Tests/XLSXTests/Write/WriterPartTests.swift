import Testing

@testable import XLSX

/// The exact XML of each part of one small workbook.
@Suite struct WriterPartTests {
    static func smallWorkbook() throws -> WorkbookWriter {
        let b = WorkbookWriter()
        let s = try b.addWorksheet("Tóm tắt")
        s.merge(
            CellRange("A1:B1")!, value: .string("Tổng hợp"),
            style: CellStyle(font: Font(bold: true), alignment: Alignment(horizontal: .center)))
        s.write(.number(1873.5), at: CellRef("A2")!, style: CellStyle(numberFormat: "#,##0"))
        s.write(.date(ExcelDate(serial: 42691)), at: CellRef("B2")!)
        s.writeFormula("A2*2", cached: .number(3747), at: CellRef("A3")!)
        s.write(.bool(true), at: CellRef("B3")!)
        s.write(.error(.na), at: CellRef("C3")!)
        s.write(.string("Tổng hợp"), at: CellRef("C2")!)
        s.freezePanes(rows: 1)
        s.setColumnWidth(0, 20)
        s.setRowHeight(0, 30)
        return b
    }

    static let decl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    @Test func partOrderAndPaths() throws {
        let parts = try WriterTestSupport.parts(of: Self.smallWorkbook().bytes())
        #expect(parts.map(\.path) == [
            "[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml", "xl/workbook.xml",
            "xl/_rels/workbook.xml.rels", "xl/theme/theme1.xml", "xl/styles.xml", "xl/sharedStrings.xml",
            "xl/worksheets/sheet1.xml",
        ])
    }

    @Test func worksheetXML() throws {
        let xml = try WriterTestSupport.part("xl/worksheets/sheet1.xml", of: Self.smallWorkbook().bytes())
        #expect(xml == Self.decl + """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <dimension ref="A1:C3"/><sheetViews><sheetView tabSelected="1" workbookViewId="0">\
            <pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>\
            <selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>\
            <sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="1" width="20" customWidth="1"/></cols>\
            <sheetData><row r="1" ht="30" customHeight="1"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" s="1"/></row>\
            <row r="2"><c r="A2" s="2"><v>1873.5</v></c><c r="B2" s="3"><v>42691</v></c><c r="C2" t="s"><v>0</v></c></row>\
            <row r="3"><c r="A3"><f>A2*2</f><v>3747</v></c><c r="B3" t="b"><v>1</v></c><c r="C3" t="e"><v>#N/A</v></c></row>\
            </sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>\
            <pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>
            """)
    }

    @Test func stylesXML() throws {
        let xml = try WriterTestSupport.part("xl/styles.xml", of: Self.smallWorkbook().bytes())
        #expect(xml == Self.decl + """
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>\
            <fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
            <font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>\
            <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center"/></xf>\
            <xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/>\
            <tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16"/></styleSheet>
            """)
    }

    @Test func sharedStringsXML() throws {
        let xml = try WriterTestSupport.part("xl/sharedStrings.xml", of: Self.smallWorkbook().bytes())
        #expect(xml == Self.decl + """
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="1"><si><t>Tổng hợp</t></si></sst>
            """)
    }

    @Test func workbookAndRelationshipsXML() throws {
        let bytes = try Self.smallWorkbook().bytes()
        #expect(try WriterTestSupport.part("xl/workbook.xml", of: bytes) == Self.decl + """
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <workbookPr/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="16384" windowHeight="8192"/></bookViews>\
            <sheets><sheet name="Tóm tắt" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>
            """)
        #expect(try WriterTestSupport.part("xl/_rels/workbook.xml.rels", of: bytes) == Self.decl + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
            <Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/></Relationships>
            """)
        #expect(try WriterTestSupport.part("_rels/.rels", of: bytes) == Self.decl + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
            <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>
            """)
    }

    @Test func contentTypesXML() throws {
        let xml = try WriterTestSupport.part("[Content_Types].xml", of: Self.smallWorkbook().bytes())
        #expect(xml == Self.decl + """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
            <Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
            <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
            <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>
            """)
    }

    /// The theme is the standard Office one, the same bytes in every workbook: the
    /// accents charts fall back on, the fonts, and the schema's minimum of three styles each.
    @Test func themeXML() throws {
        let a = try #require(try WriterTestSupport.part("xl/theme/theme1.xml", of: Self.smallWorkbook().bytes()))
        let other = WorkbookWriter()
        _ = try other.addStreamingWorksheet("x")
        let b = try WriterTestSupport.part("xl/theme/theme1.xml", of: other.bytes())
        #expect(a == b)
        #expect(a.hasPrefix(Self.decl + "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"Office Theme\"><a:themeElements><a:clrScheme name=\"Office\">"))
        #expect(a.contains("<a:accent1><a:srgbClr val=\"4472C4\"/></a:accent1>"))
        #expect(a.contains("<a:minorFont><a:latin typeface=\"Calibri\""))
        let itemStarts = [
            "fillStyleLst": ["<a:solidFill>", "<a:gradFill"], "lnStyleLst": ["<a:ln "],
            "effectStyleLst": ["<a:effectStyle>"], "bgFillStyleLst": ["<a:solidFill>", "<a:gradFill"],
        ]
        for (list, starts) in itemStarts {
            let body = a.components(separatedBy: "<a:\(list)>")[1].components(separatedBy: "</a:\(list)>")[0]
            let items = starts.map { body.components(separatedBy: $0).count - 1 }.reduce(0, +)
            #expect(items == 3, "\(list) holds three styles")
        }
        #expect(a.hasSuffix("</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"))
    }

    @Test func documentPropertiesXML() throws {
        let b = try Self.smallWorkbook()
        b.properties = DocumentProperties(
            title: "Tổng hợp NQ04", author: "Ban Tổ chức", company: "Tỉnh ủy Điện Biên",
            created: DocumentProperties.Timestamp(iso: "2016-11-17T08:30:00Z")!)
        let bytes = try b.bytes()
        #expect(try WriterTestSupport.part("docProps/core.xml", of: bytes) == Self.decl + """
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
            <dc:title>Tổng hợp NQ04</dc:title><dc:creator>Ban Tổ chức</dc:creator><cp:lastModifiedBy>Ban Tổ chức</cp:lastModifiedBy>\
            <dcterms:created xsi:type="dcterms:W3CDTF">2016-11-17T08:30:00Z</dcterms:created>\
            <dcterms:modified xsi:type="dcterms:W3CDTF">2016-11-17T08:30:00Z</dcterms:modified></cp:coreProperties>
            """)
        let app = try WriterTestSupport.part("docProps/app.xml", of: bytes) ?? ""
        #expect(app.contains("<TitlesOfParts><vt:vector size=\"1\" baseType=\"lpstr\"><vt:lpstr>Tóm tắt</vt:lpstr></vt:vector></TitlesOfParts><Company>Tỉnh ủy Điện Biên</Company>"))
        #expect(DocumentProperties.Timestamp(iso: "2016-13-01") == nil)
        #expect(DocumentProperties.Timestamp(iso: "2016-11-17")?.description == "2016-11-17T00:00:00Z")
    }

    @Test func featuresXML() throws {
        let b = WorkbookWriter()
        let s = try b.addWorksheet("Thôn bản")
        s.write(.string("STT"), at: CellRef("A3")!)
        s.autoFilter(CellRange("A3:G3")!)
        s.addValidation(DataValidation(.list(["Có", "Không"]), range: CellRange("E4:E100")!, inputTitle: "Chi bộ", inputMessage: "Chọn Có hoặc Không"))
        s.addValidation(DataValidation(.whole(.greaterThanOrEqual(0)), ranges: [CellRange("F4:F100")!], errorTitle: "Sai", errorMessage: "Số nguyên ≥ 0"))
        s.addValidation(DataValidation(.decimal(.between(0, 1.5)), range: CellRange("H4")!))
        s.protect(SheetProtection(password: "nq04", allowFormatColumns: true))
        s.pageSetup = PageSetup(orientation: .landscape, paperSize: 9, fitToWidth: 1, repeatRows: 2...2, header: "&CThôn bản", footer: "&P / &N")
        let bytes = try b.bytes()
        let xml = try WriterTestSupport.part("xl/worksheets/sheet1.xml", of: bytes) ?? ""
        #expect(xml.contains("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr><dimension ref=\"A3\"/>"))
        #expect(xml.contains("""
            </sheetData><sheetProtection password="\(SheetProtection.legacyHash("nq04"))" sheet="1" objects="1" scenarios="1" formatColumns="0"/>\
            <autoFilter ref="A3:G3"/><dataValidations count="3">\
            <dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" promptTitle="Chi bộ" prompt="Chọn Có hoặc Không" sqref="E4:E100"><formula1>"Có,Không"</formula1></dataValidation>\
            <dataValidation type="whole" operator="greaterThanOrEqual" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="Sai" error="Số nguyên ≥ 0" sqref="F4:F100"><formula1>0</formula1></dataValidation>\
            <dataValidation type="decimal" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="H4"><formula1>0</formula1><formula2>1.5</formula2></dataValidation>\
            </dataValidations><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>\
            <pageSetup paperSize="9" fitToWidth="1" fitToHeight="0" orientation="landscape"/>\
            <headerFooter><oddHeader>&amp;CThôn bản</oddHeader><oddFooter>&amp;P / &amp;N</oddFooter></headerFooter></worksheet>
            """))
        let wb = try WriterTestSupport.part("xl/workbook.xml", of: bytes) ?? ""
        #expect(wb.contains("""
            <definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Thôn bản'!$A$3:$G$3</definedName>\
            <definedName name="_xlnm.Print_Titles" localSheetId="0">'Thôn bản'!$3:$3</definedName></definedNames>
            """))
    }

    @Test func legacyPasswordHash() {
        // Known values of Excel's legacy sheet-protection hash.
        #expect(SheetProtection.legacyHash("password") == "83AF")
        #expect(SheetProtection.legacyHash("") == "CE4B")
    }
}
