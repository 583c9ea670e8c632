/// A note on a cell (Excel's "comment", LibreOffice's "comment"): a red corner on the cell
/// and the text in a yellow box when the pointer rests on it. Written to
/// `xl/commentsN.xml`, with the legacy VML drawing (`xl/drawings/vmlDrawingN.vml`) that
/// spreadsheet programs need to show it.
public struct CellComment: Sendable, Hashable {
    public var cell: CellRef
    /// The text; line feeds start new lines.
    public var text: String
    public var author: String

    public init(cell: CellRef, text: String, author: String = "TongHop") {
        self.cell = cell
        self.text = text
        self.author = author
    }
}

/// A link from a cell to a place in the same workbook (`'Sheet'!B7`), written to the
/// sheet's `<hyperlinks>` with a `location` (no relationship, nothing outside the file).
public struct InternalLink: Sendable, Hashable {
    public var cell: CellRef
    /// The sheet the link goes to.
    public var sheet: String
    /// The cell or range there.
    public var target: CellRange
    /// Shown when the pointer rests on the link.
    public var tooltip: String?

    public init(cell: CellRef, sheet: String, target: CellRange, tooltip: String? = nil) {
        self.cell = cell
        self.sheet = sheet
        self.target = target
        self.tooltip = tooltip
    }

    /// `'Sheet'!B7`, as the `location` attribute holds it.
    public var location: String { quotedSheetName(sheet) + "!" + target.description }
}
