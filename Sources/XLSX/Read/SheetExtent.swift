/// The used range of a worksheet, found by streaming it (one row in memory).
public enum SheetExtent {
    /// The range spanning every non-empty cell; nil for an empty sheet. Never from `<dimension>`.
    public static func usedRange(_ workbook: Workbook, _ sheet: SheetInfo) throws(XLSXError) -> CellRange? {
        var minRow = Int.max, maxRow = -1, minCol = Int.max, maxCol = -1
        try workbook.stream(sheet, collectMerges: false) { row in
            for c in row.cells where !c.value.isEmpty {
                minRow = min(minRow, row.index)
                maxRow = max(maxRow, row.index)
                minCol = min(minCol, c.column)
                maxCol = max(maxCol, c.column)
            }
            return true
        }
        guard maxRow >= 0 else { return nil }
        return CellRange(first: CellRef(row: minRow, column: minCol), last: CellRef(row: maxRow, column: maxCol))
    }
}
