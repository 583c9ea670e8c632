/// The workbook's style table: fonts, fills, borders, number formats and cell formats
/// (`xf`), each deduplicated, in first-use order. Writes `xl/styles.xml`.
final class StylesPart {
    /// One `<xf>` in `cellXfs`.
    struct Format: Hashable {
        var numFmt: Int
        var font: Int
        var fill: Int
        var border: Int
        var alignment: Alignment?
        var locked: Bool
        var hidden: Bool
    }

    private(set) var fonts: [Font] = [Font()]
    private var fontIDs: [Font: Int] = [Font(): 0]
    /// Custom fills; ids start at 2 (0 and 1 are Excel's required none and gray125).
    private(set) var fills: [Fill] = []
    private var fillIDs: [Fill: Int] = [:]
    /// Borders; id 0 is no border.
    private(set) var borders: [Border] = [Border()]
    private var borderIDs: [Border: Int] = [Border(): 0]
    /// Custom number formats, ids from 164.
    private(set) var numberFormats: [String] = []
    private var numberFormatIDs: [String: Int] = [:]
    private(set) var formats: [Format] = []
    private var formatIDs: [Format: Int] = [:]
    private var styleIDs: [CellStyle: Int] = [:]

    init() {
        _ = index(for: CellStyle())
    }

    /// The `s` attribute for `style`, adding it to the table when new.
    func index(for style: CellStyle) -> Int {
        if let i = styleIDs[style] { return i }
        let f = Format(
            numFmt: numberFormatID(style.numberFormat), font: fontID(style.font), fill: fillID(style.fill),
            border: borderID(style.border), alignment: style.alignment == Alignment() ? nil : style.alignment,
            locked: style.locked, hidden: style.hidden)
        let i: Int
        if let existing = formatIDs[f] {
            i = existing
        } else {
            i = formats.count
            formats.append(f)
            formatIDs[f] = i
        }
        styleIDs[style] = i
        return i
    }

    var count: Int { formats.count }

    private func fontID(_ f: Font) -> Int {
        if let i = fontIDs[f] { return i }
        fonts.append(f)
        fontIDs[f] = fonts.count - 1
        return fonts.count - 1
    }

    private func fillID(_ f: Fill?) -> Int {
        guard let f else { return 0 }
        if let i = fillIDs[f] { return i }
        fills.append(f)
        fillIDs[f] = fills.count + 1
        return fills.count + 1
    }

    private func borderID(_ b: Border?) -> Int {
        guard let b else { return 0 }
        if let i = borderIDs[b] { return i }
        borders.append(b)
        borderIDs[b] = borders.count - 1
        return borders.count - 1
    }

    private func numberFormatID(_ code: String?) -> Int {
        guard let code, !code.isEmpty, code != "General" else { return 0 }
        if let b = StylesPart.builtInFormats[code] { return b }
        if let i = numberFormatIDs[code] { return i }
        let id = 164 + numberFormats.count
        numberFormats.append(code)
        numberFormatIDs[code] = id
        return id
    }

    /// Excel's built-in number formats that are the same in every locale.
    static let builtInFormats: [String: Int] = [
        "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "0.00E+00": 11,
        "# ?/?": 12, "# ??/??": 13, "mm-dd-yy": 14, "d-mmm-yy": 15, "d-mmm": 16, "mmm-yy": 17,
        "h:mm AM/PM": 18, "h:mm:ss AM/PM": 19, "h:mm": 20, "h:mm:ss": 21, "m/d/yy h:mm": 22,
        "#,##0 ;(#,##0)": 37, "#,##0 ;[Red](#,##0)": 38, "#,##0.00;(#,##0.00)": 39,
        "#,##0.00;[Red](#,##0.00)": 40, "mm:ss": 45, "[h]:mm:ss": 46, "mmss.0": 47, "##0.0E+0": 48,
        "@": 49,
    ]

    // MARK: - xl/styles.xml

    /// The whole part.
    func write(into w: inout XMLWriter) {
        w.declaration()
        w.raw("<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">")
        writeNumberFormats(&w)
        writeFonts(&w)
        writeFills(&w)
        writeBorders(&w)
        w.raw(
            "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        )
        writeCellFormats(&w)
        w.raw("<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>")
        w.raw("<dxfs count=\"0\"/><tableStyles count=\"0\" defaultTableStyle=\"TableStyleMedium9\" defaultPivotStyle=\"PivotStyleLight16\"/>")
        w.raw("</styleSheet>")
    }

    private func writeNumberFormats(_ w: inout XMLWriter) {
        guard !numberFormats.isEmpty else { return }
        w.start("numFmts")
        w.attr("count", numberFormats.count)
        w.close()
        for (i, code) in numberFormats.enumerated() {
            w.start("numFmt")
            w.attr("numFmtId", 164 + i)
            w.attr("formatCode", code)
            w.selfClose()
        }
        w.end("numFmts")
    }

    private func writeFonts(_ w: inout XMLWriter) {
        w.start("fonts")
        w.attr("count", fonts.count)
        w.close()
        for f in fonts {
            w.raw("<font>")
            if f.bold { w.raw("<b/>") }
            if f.italic { w.raw("<i/>") }
            if f.strike { w.raw("<strike/>") }
            if f.underline { w.raw("<u/>") }
            w.start("sz")
            w.attr("val", f.size)
            w.selfClose()
            if let c = f.color {
                w.start("color")
                w.attr("rgb", c)
                w.selfClose()
            }
            w.start("name")
            w.attr("val", f.name)
            w.selfClose()
            w.raw("<family val=\"2\"/>")
            w.raw("</font>")
        }
        w.end("fonts")
    }

    private func writeFills(_ w: inout XMLWriter) {
        w.start("fills")
        w.attr("count", fills.count + 2)
        w.close()
        w.raw("<fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>")
        for f in fills {
            w.raw("<fill><patternFill patternType=\"solid\"><fgColor")
            w.attr("rgb", f.color)
            w.raw("/><bgColor indexed=\"64\"/></patternFill></fill>")
        }
        w.end("fills")
    }

    private func writeBorders(_ w: inout XMLWriter) {
        w.start("borders")
        w.attr("count", borders.count)
        w.close()
        for b in borders {
            w.raw("<border>")
            side(&w, "left", b.left)
            side(&w, "right", b.right)
            side(&w, "top", b.top)
            side(&w, "bottom", b.bottom)
            w.raw("<diagonal/></border>")
        }
        w.end("borders")
    }

    private func side(_ w: inout XMLWriter, _ name: StaticString, _ s: Border.Side?) {
        w.start(name)
        guard let s else { return w.selfClose() }
        w.attr("style", s.style.rawValue)
        w.close()
        if let c = s.color {
            w.start("color")
            w.attr("rgb", c)
            w.selfClose()
        } else {
            w.raw("<color indexed=\"64\"/>")
        }
        w.end(name)
    }

    private func writeCellFormats(_ w: inout XMLWriter) {
        w.start("cellXfs")
        w.attr("count", formats.count)
        w.close()
        for f in formats {
            w.start("xf")
            w.attr("numFmtId", f.numFmt)
            w.attr("fontId", f.font)
            w.attr("fillId", f.fill)
            w.attr("borderId", f.border)
            w.attr("xfId", 0)
            if f.numFmt != 0 { w.attr("applyNumberFormat", 1) }
            if f.font != 0 { w.attr("applyFont", 1) }
            if f.fill != 0 { w.attr("applyFill", 1) }
            if f.border != 0 { w.attr("applyBorder", 1) }
            if f.alignment != nil { w.attr("applyAlignment", 1) }
            let protection = !f.locked || f.hidden
            if protection { w.attr("applyProtection", 1) }
            guard f.alignment != nil || protection else {
                w.selfClose()
                continue
            }
            w.close()
            if let a = f.alignment { alignment(&w, a) }
            if protection {
                w.start("protection")
                if !f.locked { w.attr("locked", 0) }
                if f.hidden { w.attr("hidden", 1) }
                w.selfClose()
            }
            w.end("xf")
        }
        w.end("cellXfs")
    }

    private func alignment(_ w: inout XMLWriter, _ a: Alignment) {
        w.start("alignment")
        if let h = a.horizontal { w.attr("horizontal", h.rawValue) }
        if let v = a.vertical { w.attr("vertical", v.rawValue) }
        if a.rotation != 0 { w.attr("textRotation", a.rotation) }
        if a.wrap { w.attr("wrapText", 1) }
        if a.indent > 0 { w.attr("indent", a.indent) }
        if a.shrink { w.attr("shrinkToFit", 1) }
        w.selfClose()
    }
}
