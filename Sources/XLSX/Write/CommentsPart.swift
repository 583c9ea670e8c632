/// Writes `xl/commentsN.xml`: a sheet's cell comments (authors, then one `<comment>` per
/// cell in row then column order).
enum CommentsPart {
    static let contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"

    /// `comments` sorted by cell, one per cell (the last given wins).
    static func ordered(_ comments: [CellComment]) -> [CellComment] {
        var byCell: [CellRef: CellComment] = [:]
        for c in comments { byCell[c.cell] = c }
        return byCell.values.sorted { ($0.cell.row, $0.cell.column) < ($1.cell.row, $1.cell.column) }
    }

    static func write(_ comments: [CellComment], into w: inout XMLWriter) {
        w.declaration()
        w.raw("<comments xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">")
        var authors: [String] = []
        for c in comments where !authors.contains(c.author) { authors.append(c.author) }
        w.raw("<authors>")
        for a in authors { w.element("author", text: a) }
        w.raw("</authors><commentList>")
        for c in comments {
            w.start("comment")
            w.attr("ref", c.cell.description)
            w.attr("authorId", authors.firstIndex(of: c.author) ?? 0)
            w.raw("><text><r><rPr><sz val=\"9\"/><rFont val=\"Tahoma\"/><family val=\"2\"/></rPr><t xml:space=\"preserve\">")
            XMLEscaper.appendSharedString(c.text, to: &w.bytes)
            w.raw("</t></r></text></comment>")
        }
        w.raw("</commentList></comments>")
    }
}
