/// Everything about a sheet except its cells, shared by `Worksheet` and
/// `StreamingWorksheet` and written by `WorksheetPart`.
struct SheetFeatures {
    var columnWidths: [Int: Double] = [:]
    var frozenRows = 0
    var frozenColumns = 0
    var merges: [CellRange] = []
    var autoFilter: CellRange?
    var validations: [DataValidation] = []
    var protection: SheetProtection?
    var pageSetup = PageSetup()
    var state: SheetState = .visible
    var charts: [ChartPlacement] = []
    var comments: [CellComment] = []
    var links: [InternalLink] = []

    /// The sheet's relationship ids, in the order of its relationships part: the drawing
    /// (charts) first, then the comments and their VML drawing.
    var drawingId: String? { charts.isEmpty ? nil : "rId1" }
    var commentsId: String? { comments.isEmpty ? nil : "rId\(charts.isEmpty ? 1 : 2)" }
    var legacyDrawingId: String? { comments.isEmpty ? nil : "rId\(charts.isEmpty ? 2 : 3)" }

    /// Records `range` as merged unless it overlaps one already merged (returns that one).
    mutating func addMerge(_ range: CellRange) -> CellRange? {
        for m in merges
        where m.first.row <= range.last.row && range.first.row <= m.last.row && m.first.column <= range.last.column
            && range.first.column <= m.last.column
        {
            return m
        }
        merges.append(range)
        return nil
    }
}

/// `'Sheet name'` as a formula or defined name refers to a sheet (apostrophes doubled).
func quotedSheetName(_ name: String) -> String {
    var out = "'"
    for ch in name {
        out.append(ch)
        if ch == "'" { out.append("'") }
    }
    out.append("'")
    return out
}

/// `$A$3:$G$100` for a range.
func absoluteReference(_ r: CellRange) -> String {
    "$\(CellRef.columnName(r.first.column))$\(r.first.row + 1):$\(CellRef.columnName(r.last.column))$\(r.last.row + 1)"
}
