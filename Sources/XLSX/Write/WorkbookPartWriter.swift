/// Writes `xl/workbook.xml`: the sheets (name, id, state, relationship), defined names
/// and calculation settings.
enum WorkbookPart {
    struct SheetEntry {
        var name: String
        var state: SheetState
    }

    struct Name {
        var name: String
        var refersTo: String
        var sheet: Int?
        var hidden: Bool
    }

    static func write(sheets: [SheetEntry], activeTab: Int, names: [Name], into w: inout XMLWriter) {
        w.declaration()
        w.raw(
            "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        )
        w.raw("<workbookPr/>")
        w.raw("<bookViews><workbookView xWindow=\"0\" yWindow=\"0\" windowWidth=\"16384\" windowHeight=\"8192\"")
        if activeTab > 0 { w.attr("activeTab", activeTab) }
        w.raw("/></bookViews>")
        w.raw("<sheets>")
        for (i, s) in sheets.enumerated() {
            w.start("sheet")
            w.attr("name", s.name)
            w.attr("sheetId", i + 1)
            if s.state != .visible { w.attr("state", s.state.rawValue) }
            w.attr("r:id", "rId\(i + 1)")
            w.selfClose()
        }
        w.raw("</sheets>")
        if !names.isEmpty {
            w.raw("<definedNames>")
            for n in names {
                w.start("definedName")
                w.attr("name", n.name)
                if let s = n.sheet { w.attr("localSheetId", s) }
                if n.hidden { w.attr("hidden", 1) }
                w.close()
                w.text(n.refersTo)
                w.end("definedName")
            }
            w.raw("</definedNames>")
        }
        w.raw("<calcPr calcId=\"191029\" fullCalcOnLoad=\"1\"/>")
        w.raw("</workbook>")
    }
}
