/// The row walk `CSVExport` and `JSONExport` share: streams a sheet's rows 0...`lastRow` in
/// order, one at a time, calling `emptyRow` for each row the sheet does not hold (gaps and
/// the tail) and `row` for each it does; rows after `lastRow` are skipped.
enum ExportRows {
    /// Walks the rows of `sheet` up to `lastRow` (zero-based, at least 0). Throws
    /// `invalidCell` for a row that comes after a later one: streaming cannot reorder, and
    /// rows out of order would print on the wrong lines (Excel always writes them ascending).
    static func walk(
        _ workbook: Workbook, _ sheet: SheetInfo, lastRow: Int,
        emptyRow: @escaping (_ index: Int) throws(XLSXError) -> Void,
        row onRow: @escaping (Row) throws(XLSXError) -> Void
    ) throws(XLSXError) {
        var nextRow = 0
        var failure: XLSXError?
        try workbook.stream(sheet, collectMerges: false) { row in
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
