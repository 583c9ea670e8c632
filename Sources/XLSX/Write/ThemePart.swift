/// Writes `xl/theme/theme1.xml`: the standard Office theme (the colours, fonts and
/// formatting styles of Office 2013 and later), the same bytes in every workbook.
///
/// Cells never refer to it (our styles name their fonts and RGB colours), but Excel's own
/// validator requires a workbook to have a theme part, and charts draw their default
/// series colours from its accents.
enum ThemePart {
    static let contentType = "application/vnd.openxmlformats-officedocument.theme+xml"
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"

    /// The accent colours, in order; chart series without a colour of their own cycle through them.
    static let accents = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47"]

    static func write(into w: inout XMLWriter) {
        w.declaration()
        w.raw("<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"Office Theme\">")
        w.raw("<a:themeElements>")
        colourScheme(&w)
        fontScheme(&w)
        formatScheme(&w)
        w.raw("</a:themeElements>")
        w.raw("<a:objectDefaults/><a:extraClrSchemeLst/>")
        w.raw("</a:theme>")
    }

    // MARK: - elements

    private static func colourScheme(_ w: inout XMLWriter) {
        w.raw("<a:clrScheme name=\"Office\">")
        w.raw("<a:dk1><a:sysClr val=\"windowText\" lastClr=\"000000\"/></a:dk1>")
        w.raw("<a:lt1><a:sysClr val=\"window\" lastClr=\"FFFFFF\"/></a:lt1>")
        rgb(&w, "dk2", "44546A")
        rgb(&w, "lt2", "E7E6E6")
        let names: [StaticString] = ["accent1", "accent2", "accent3", "accent4", "accent5", "accent6"]
        for (name, colour) in zip(names, accents) { rgb(&w, name, colour) }
        rgb(&w, "hlink", "0563C1")
        rgb(&w, "folHlink", "954F72")
        w.raw("</a:clrScheme>")
    }

    private static func rgb(_ w: inout XMLWriter, _ name: StaticString, _ colour: String) {
        w.raw("<a:")
        w.raw(name)
        w.raw("><a:srgbClr")
        w.attr("val", colour)
        w.raw("/></a:")
        w.raw(name)
        w.raw(">")
    }

    private static func fontScheme(_ w: inout XMLWriter) {
        w.raw("<a:fontScheme name=\"Office\">")
        w.raw("<a:majorFont><a:latin typeface=\"Calibri Light\" panose=\"020F0302020204030204\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/></a:majorFont>")
        w.raw("<a:minorFont><a:latin typeface=\"Calibri\" panose=\"020F0502020204030204\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/></a:minorFont>")
        w.raw("</a:fontScheme>")
    }

    private static func formatScheme(_ w: inout XMLWriter) {
        w.raw("<a:fmtScheme name=\"Office\">")
        // Three fills, three lines, three effects, three background fills: the schema's minimum.
        w.raw("<a:fillStyleLst>")
        w.raw("<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>")
        gradient(&w, [(0, "<a:lumMod val=\"110000\"/><a:satMod val=\"105000\"/><a:tint val=\"67000\"/>"),
                      (50000, "<a:lumMod val=\"105000\"/><a:satMod val=\"103000\"/><a:tint val=\"73000\"/>"),
                      (100000, "<a:lumMod val=\"105000\"/><a:satMod val=\"109000\"/><a:tint val=\"81000\"/>")])
        gradient(&w, [(0, "<a:satMod val=\"103000\"/><a:lumMod val=\"102000\"/><a:tint val=\"94000\"/>"),
                      (50000, "<a:satMod val=\"110000\"/><a:lumMod val=\"100000\"/><a:shade val=\"100000\"/>"),
                      (100000, "<a:lumMod val=\"99000\"/><a:satMod val=\"120000\"/><a:shade val=\"78000\"/>")])
        w.raw("</a:fillStyleLst>")
        w.raw("<a:lnStyleLst>")
        for width in [6350, 12700, 19050] {
            w.raw("<a:ln")
            w.attr("w", width)
            w.raw(" cap=\"flat\" cmpd=\"sng\" algn=\"ctr\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill><a:prstDash val=\"solid\"/><a:miter lim=\"800000\"/></a:ln>")
        }
        w.raw("</a:lnStyleLst>")
        w.raw("<a:effectStyleLst>")
        w.raw("<a:effectStyle><a:effectLst/></a:effectStyle>")
        w.raw("<a:effectStyle><a:effectLst/></a:effectStyle>")
        w.raw("<a:effectStyle><a:effectLst><a:outerShdw blurRad=\"57150\" dist=\"19050\" dir=\"5400000\" algn=\"ctr\" rotWithShape=\"0\"><a:srgbClr val=\"000000\"><a:alpha val=\"63000\"/></a:srgbClr></a:outerShdw></a:effectLst></a:effectStyle>")
        w.raw("</a:effectStyleLst>")
        w.raw("<a:bgFillStyleLst>")
        w.raw("<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>")
        w.raw("<a:solidFill><a:schemeClr val=\"phClr\"><a:tint val=\"95000\"/><a:satMod val=\"170000\"/></a:schemeClr></a:solidFill>")
        gradient(&w, [(0, "<a:tint val=\"93000\"/><a:satMod val=\"150000\"/><a:shade val=\"98000\"/><a:lumMod val=\"102000\"/>"),
                      (50000, "<a:tint val=\"98000\"/><a:satMod val=\"130000\"/><a:shade val=\"90000\"/><a:lumMod val=\"103000\"/>"),
                      (100000, "<a:shade val=\"63000\"/><a:satMod val=\"120000\"/>")])
        w.raw("</a:bgFillStyleLst>")
        w.raw("</a:fmtScheme>")
    }

    /// A linear top-to-bottom gradient of the placeholder colour through `stops`.
    private static func gradient(_ w: inout XMLWriter, _ stops: [(position: Int, modifiers: StaticString)]) {
        w.raw("<a:gradFill rotWithShape=\"1\"><a:gsLst>")
        for s in stops {
            w.raw("<a:gs")
            w.attr("pos", s.position)
            w.raw("><a:schemeClr val=\"phClr\">")
            w.raw(s.modifiers)
            w.raw("</a:schemeClr></a:gs>")
        }
        w.raw("</a:gsLst><a:lin ang=\"5400000\" scaled=\"0\"/></a:gradFill>")
    }
}
