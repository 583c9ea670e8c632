import XLSX

/// `data-outside-area`: data the template does not read, so it would silently not count:
/// on a form, right of the last column or in a row with no known indicator code; on a
/// list, right of the header's columns or below the first blank row.
struct DataOutsideAreaCheck: Check {
    let scope = CheckScope.table
    func run(_ ctx: ValidationContext) {
        for f in ctx.forms {
            guard let sheet = ctx.sheets[f.form.sheet] else { continue }
            let firstRow = f.rows.values.min() ?? Int.max
            let indicatorRows = Set(f.rows.values).union(f.duplicates.values.flatMap { $0 })
            let valueColumns = Set(f.form.columns.map(\.column))
            let fixed = Set(f.form.indicators.flatMap { $0.cells.values })
            var cells: [(CellRef, String)] = []
            for (ref, cell) in sheet.filledCells where !fixed.contains(ref) {
                if ref.column > f.form.lastColumn {
                    cells.append((ref, show(cell)))
                } else if ref.row > firstRow, !indicatorRows.contains(ref.row), valueColumns.contains(ref.column) {
                    cells.append((ref, show(cell)))
                }
            }
            report(cells, sheet: f.sheetName, ctx)
        }
        for l in ctx.lists {
            guard let sheet = ctx.sheets[l.list.sheet], let header = l.headerRow else { continue }
            let lastCol = max(l.columns.values.max() ?? 0, l.list.columns.count - 1)
            let mapped = Set(l.columns.values)
            var cells: [(CellRef, String)] = []
            for (ref, cell) in sheet.filledCells where ref.row > header {
                if ref.row <= l.lastRow {
                    if ref.column > lastCol { cells.append((ref, show(cell))) }
                } else if mapped.contains(ref.column) {
                    cells.append((ref, show(cell)))
                }
            }
            report(cells, sheet: l.sheetName, ctx)
        }
    }

    /// One issue per row (a footer line should not flood the report).
    private func report(_ cells: [(CellRef, String)], sheet: String, _ ctx: ValidationContext) {
        let byRow = Dictionary(grouping: cells, by: { $0.0.row })
        for row in byRow.keys.sorted() {
            let rc = byRow[row]!.sorted { $0.0 < $1.0 }
            let range = rc.count == 1 ? rc[0].0.description : CellRange(first: rc.first!.0, last: rc.last!.0).description
            let found = rc.map(\.1).joined(separator: " | ")
            ctx.report("data-outside-area", sheet: sheet, cell: range, found: found.count > 80 ? String(found.prefix(77)) + "…" : found)
        }
    }

    private func show(_ c: SheetCell) -> String {
        switch c.value {
        case .string(let s): return s
        case .number(let d): return Value.format(d)
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .date(let d): return Value.formatDate(d.serial)
        case .error(let e): return e.rawValue
        case .empty: return c.hasFormula ? "=…" : ""
        }
    }
}
