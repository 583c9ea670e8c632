import XLSX

/// `header-not-found`: no row near the top of a list sheet carries the column labels.
/// `missing-column`: the header row lacks a required column.
struct HeaderCheck: Check {
    let scope = CheckScope.table
    func run(_ ctx: ValidationContext) {
        for l in ctx.lists {
            guard let header = l.headerRow else {
                ctx.report("header-not-found", sheet: l.sheetName,
                    expected: l.list.columns.map(\.label.vi).joined(separator: " | "),
                    params: ["expected.en": l.list.columns.map(\.label.en).joined(separator: " | ")])
                continue
            }
            let lastCol = l.columns.values.max() ?? 0
            let range = CellRange(first: CellRef(row: header, column: 0), last: CellRef(row: header, column: lastCol))
            for c in l.missingColumns {
                ctx.report("missing-column", sheet: l.sheetName, cell: range.description, expected: c.label.vi,
                    params: ["expected.en": c.label.en, "column": c.id])
            }
        }
    }
}
