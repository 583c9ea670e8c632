/// A whole worksheet held in memory, sparse: the rows that have cells, and the merged ranges.
public struct SheetGrid: Sendable {
    /// Rows with at least one cell, ascending by index.
    public var rows: [Row]
    /// Merged ranges as listed in the sheet.
    public var mergedRanges: [CellRange]
    /// The range spanning every non-empty cell; computed from the cells, never from `<dimension>`.
    public var usedRange: CellRange?

    public init(rows: [Row], mergedRanges: [CellRange]) {
        self.rows = rows
        self.mergedRanges = mergedRanges
        var minRow = Int.max, maxRow = -1, minCol = Int.max, maxCol = -1
        for row in rows {
            for c in row.cells where !c.value.isEmpty {
                minRow = min(minRow, row.index)
                maxRow = max(maxRow, row.index)
                minCol = min(minCol, c.column)
                maxCol = max(maxCol, c.column)
            }
        }
        usedRange =
            maxRow < 0
            ? nil
            : CellRange(first: CellRef(row: minRow, column: minCol), last: CellRef(row: maxRow, column: maxCol))
    }

    /// The row with this zero-based index, if it has cells.
    public func row(_ index: Int) -> Row? {
        var lo = 0, hi = rows.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if rows[mid].index < index { lo = mid + 1 } else { hi = mid }
        }
        return lo < rows.count && rows[lo].index == index ? rows[lo] : nil
    }

    /// The cell at `ref`, if present.
    public subscript(ref: CellRef) -> Cell? {
        row(ref.row)?.cell(at: ref.column)
    }

    /// The value at `ref`; `.empty` for an absent cell.
    public func value(at ref: CellRef) -> CellValue {
        self[ref]?.value ?? .empty
    }

    /// The merged range containing `ref`, if any.
    public func mergedRange(containing ref: CellRef) -> CellRange? {
        mergedRanges.first { $0.contains(ref) }
    }
}
