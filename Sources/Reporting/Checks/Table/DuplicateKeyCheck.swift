import XLSX

/// `duplicate-key`: two rows of a list with the same unique key (one column, or several
/// together: commune + village). Compared folded; rows with a blank key part are skipped.
struct DuplicateKeyCheck: Check {
    let scope = CheckScope.table
    func run(_ ctx: ValidationContext) {
        for l in ctx.lists {
            for key in l.list.unique {
                guard key.allSatisfy({ l.columns[$0] != nil }) else { continue }
                let keyColumn = l.columns[key[0]]!
                // One key per row: a composite key's parts are kept side by side for two parts
                // (commune + village, the common case) and joined only beyond.
                var seen: [RowKey: Int] = [:]
                seen.reserveCapacity(l.rows.count)
                var parts: [LabelKey] = []
                rows: for row in l.rows {
                    parts.removeAll(keepingCapacity: true)
                    for id in key {
                        let v = Value(row[id])
                        if v == .missing { continue rows }
                        parts.append(LabelKey(v.display))
                    }
                    let k: RowKey = parts.count == 1 ? .one(parts[0]) : parts.count == 2 ? .two(parts[0], parts[1]) : .joined(LabelKey(joining: parts))
                    if let first = seen[k] {
                        let cell = CellRef(row: row.row, column: keyColumn)
                        let shown = key.map { Value(row[$0]).display }.joined(separator: " / ")
                        let firstCell = CellRef(row: first, column: keyColumn)
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

/// A row's unique key: one part, two parts, or more parts joined (length-prefixed).
private enum RowKey: Hashable {
    case one(LabelKey)
    case two(LabelKey, LabelKey)
    case joined(LabelKey)
}
