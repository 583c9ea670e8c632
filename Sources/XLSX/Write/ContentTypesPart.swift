/// Writes `[Content_Types].xml`: the content type of every part in the package.
enum ContentTypesPart {
    /// `extra` are the parts beyond the fixed ones (drawings, charts, comments), in package
    /// order; `defaults` extra extensions (`vml`).
    static func write(
        sheetCount: Int, sharedStrings: Bool, extra: [(path: String, type: String)] = [],
        defaults: [(extension: String, type: String)] = [], into w: inout XMLWriter
    ) {
        w.declaration()
        w.raw("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
        w.raw("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
        for d in defaults {
            w.start("Default")
            w.attr("Extension", d.extension)
            w.attr("ContentType", d.type)
            w.selfClose()
        }
        w.raw("<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
        override(&w, PackagePath.workbook, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")
        for i in 0..<sheetCount {
            override(&w, PackagePath.worksheet(i), "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml")
        }
        override(&w, PackagePath.theme, ThemePart.contentType)
        override(&w, PackagePath.styles, "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml")
        if sharedStrings {
            override(&w, PackagePath.sharedStrings, "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml")
        }
        for e in extra { override(&w, e.path, e.type) }
        override(&w, PackagePath.coreProperties, "application/vnd.openxmlformats-package.core-properties+xml")
        override(&w, PackagePath.appProperties, "application/vnd.openxmlformats-officedocument.extended-properties+xml")
        w.raw("</Types>")
    }

    private static func override(_ w: inout XMLWriter, _ path: String, _ type: String) {
        w.start("Override")
        w.attr("PartName", "/" + path)
        w.attr("ContentType", type)
        w.selfClose()
    }
}
