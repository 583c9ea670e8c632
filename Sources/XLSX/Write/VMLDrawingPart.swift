/// Writes `xl/drawings/vmlDrawingN.vml`: the legacy drawing that makes spreadsheet
/// programs show a sheet's comments (one hidden note box per comment, anchored beside its
/// cell, sized to its text). The comments part holds the text; this only places it.
enum VMLDrawingPart {
    static let contentType = "application/vnd.openxmlformats-officedocument.vmlDrawing"
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing"

    /// `comments` in the comments part's order; `block` numbers this drawing's shape ids
    /// (1024 per block, unique in the workbook).
    static func write(_ comments: [CellComment], block: Int, into w: inout XMLWriter) {
        w.raw("<xml xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:x=\"urn:schemas-microsoft-com:office:excel\">")
        w.raw("<o:shapelayout v:ext=\"edit\"><o:idmap v:ext=\"edit\"")
        w.attr("data", block)
        w.raw("/></o:shapelayout>")
        w.raw("<v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\" path=\"m,l,21600r21600,l21600,xe\"><v:stroke joinstyle=\"miter\"/><v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>")
        for (i, c) in comments.enumerated() {
            let lines = lineCount(c.text)
            w.raw("<v:shape")
            w.attr("id", "_x0000_s\(block * 1024 + i + 1)")
            w.raw(" type=\"#_x0000_t202\"")
            w.attr("style", "position:absolute;margin-left:60pt;margin-top:2pt;width:216pt;height:\(lines * 12 + 8)pt;z-index:\(i + 1);visibility:hidden")
            w.raw(" fillcolor=\"#ffffe1\" o:insetmode=\"auto\"><v:fill color2=\"#ffffe1\"/><v:shadow on=\"t\" color=\"black\" obscured=\"t\"/><v:path o:connecttype=\"none\"/>")
            w.raw("<v:textbox style=\"mso-direction-alt:auto\"><div style=\"text-align:left\"></div></v:textbox>")
            w.raw("<x:ClientData ObjectType=\"Note\"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>")
            let top = max(0, c.cell.row - 1)
            w.text("\(c.cell.column + 1), 15, \(top), 2, \(c.cell.column + 4), 15, \(top + lines + 1), 2")
            w.raw("</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>")
            w.int(c.cell.row)
            w.raw("</x:Row><x:Column>")
            w.int(c.cell.column)
            w.raw("</x:Column></x:ClientData></v:shape>")
        }
        w.raw("</xml>")
    }

    /// Lines the text takes in a box about 45 characters wide.
    static func lineCount(_ text: String) -> Int {
        var n = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            n += max(1, (line.count + 44) / 45)
        }
        return min(max(n, 2), 30)
    }
}
