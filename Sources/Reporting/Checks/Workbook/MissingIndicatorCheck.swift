import XLSX

/// `missing-indicator`: an indicator code not found in the form's key column.
/// `duplicate-key`: an indicator code found in more than one row (the first is read).
struct MissingIndicatorCheck: Check {
    let scope = CheckScope.workbook
    func run(_ ctx: ValidationContext) {
        for f in ctx.forms {
            let keyColumn = f.form.keyColumn.map(CellRef.columnName) ?? ""
            for code in f.missing {
                let label = ctx.template.indicator(code)?.label
                ctx.report("missing-indicator", sheet: f.sheetName, cell: keyColumn.isEmpty ? nil : keyColumn, expected: code,
                    params: ["indicator": code, "label.vi": label?.vi ?? "", "label.en": label?.en ?? ""])
            }
            for (code, rows) in f.duplicates.sorted(by: { $0.key < $1.key }) {
                guard let kc = f.form.keyColumn, let first = f.rows[code] else { continue }
                for r in rows {
                    ctx.report("duplicate-key", sheet: f.sheetName, cell: CellRef(row: r, column: kc).description,
                        expected: "unique", found: code, params: ["first": CellRef(row: first, column: kc).description])
                }
            }
        }
    }
}
