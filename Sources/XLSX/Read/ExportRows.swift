/// The row walk `CSVExport` and `JSONExport` share: streams a sheet's rows 0...`lastRow` in
/// order, one at a time, calling `emptyRow` for each row the sheet does not hold (gaps and
/// the tail) and `row` for each it does; rows after `lastRow` are skipped.
enum ExportRows {
    /// Walks the rows of `sheet` up to `lastRow` (zero-based, at least 0). With `ordered`
    /// false (the extent pass saw a row come after a later one; Excel always writes them
    /// ascending) the sheet is read whole through `Workbook.grid`, which sorts and merges
    /// its rows, within `maxGridCells`: only such sheets are held in memory.
    static func walk(
        _ workbook: Workbook, _ sheet: SheetInfo, lastRow: Int, ordered: Bool = true,
        emptyRow: @escaping (_ index: Int) throws(XLSXError) -> Void,
        row onRow: @escaping (Row) throws(XLSXError) -> Void
    ) throws(XLSXError) {
        var nextRow = 0
        var failure: XLSXError?
        let rows: (@escaping (Row) -> Bool) throws(XLSXError) -> Void
        if ordered {
            rows = { body throws(XLSXError) in try workbook.stream(sheet, collectMerges: false, body) }
        } else {
            let grid = try workbook.grid(of: sheet)
            rows = { body in for r in grid.rows where !body(r) { break } }
        }
        try rows { row in
            do throws(XLSXError) {
                guard row.index <= lastRow else { return true }
                guard row.index >= nextRow else {
                    throw XLSXError.invalidCell(
                        "row \(row.index + 1) comes after row \(nextRow) (rows out of order)",
                        sheet: sheet.name, cell: "A\(row.index + 1)")
                }
                while nextRow < row.index {
                    try emptyRow(nextRow)
                    nextRow += 1
                }
                try onRow(row)
                nextRow = row.index + 1
                return true
            } catch {
                failure = error
                return false
            }
        }
        if let failure { throw failure }
        while nextRow <= lastRow {
            try emptyRow(nextRow)
            nextRow += 1
        }
    }
}
