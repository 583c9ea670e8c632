import XLSX

/// `duplicate-key`: two rows of a list with the same unique key (one column, or several
/// together: commune + village). Compared folded; rows with a blank key part are skipped.
struct DuplicateKeyCheck: Check {
    let scope = CheckScope.table
    func run(_ ctx: ValidationContext) {
        for l in ctx.lists {
            for key in l.list.unique {
                guard key.allSatisfy({ l.columns[$0] != nil }) else { continue }
                // One key per row, the parts joined (an array of keys per row cost more).
                var seen: [LabelKey: Int] = [:]
                seen.reserveCapacity(l.rows.count)
                var parts: [LabelKey] = []
                rows: for row in l.rows {
                    parts.removeAll(keepingCapacity: true)
                    for id in key {
                        let v = Value(row[id])
                        if v == .missing { continue rows }
                        parts.append(LabelKey(v.display))
                    }
                    let k = parts.count == 1 ? parts[0] : LabelKey(joining: parts)
                    let cell = CellRef(row: row.row, column: l.columns[key[0]]!)
                    if let first = seen[k] {
                        let shown = key.map { Value(row[$0]).display }.joined(separator: " / ")
                        let firstCell = CellRef(row: first, column: l.columns[key[0]]!)
                        ctx.report("duplicate-key", sheet: l.sheetName, cell: cell.description, expected: key.joined(separator: " + "),
                            found: shown, params: ["first": firstCell.description, "list": l.list.id])
                    } else {
                        seen[k] = row.row
                    }
                }
            }
        }
    }
}
