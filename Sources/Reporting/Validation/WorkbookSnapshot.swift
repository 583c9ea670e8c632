import XLSX

/// The cells of a submission as validation sees them: every sheet held sparse in memory
/// (submission forms are small). Built from a `Workbook` by `Validator`, or in memory by tests.
struct WorkbookSnapshot: Sendable {
    /// The file name as submitted (not a path).
    var fileName: String
    var sheets: [SheetSnapshot]

    /// The sheet with this name: exact, then folded (case, spacing, NFC/NFD).
    func sheet(named name: String) -> SheetSnapshot? {
        sheets.first { $0.name == name } ?? sheets.first { LabelKey($0.name) == LabelKey(name) }
    }
}

/// One sheet: its name, position, visibility and non-absent cells. The non-blank cells
/// in row-major order and the last non-blank row are worked out once, when it is made.
struct SheetSnapshot: Sendable {
    let name: String
    /// Zero-based position in the workbook.
    let index: Int
    let hidden: Bool
    let cells: [CellRef: SheetCell]
    /// Non-blank cells in row-major order.
    let filledCells: [(CellRef, SheetCell)]
    /// The last row holding a non-blank value, or -1.
    let lastRow: Int

    init(name: String, index: Int, hidden: Bool = false, cells: [CellRef: SheetCell]) {
        let filled = cells.filter { !$0.value.isBlank }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        self.init(name: name, index: index, hidden: hidden, cells: cells, filledInOrder: filled)
    }

    /// A sheet from cells in row-major order, as a reader gives them (if they are not, strictly,
    /// they are sorted here, the last of equal references winning).
    init(name: String, index: Int, hidden: Bool = false, orderedCells: [(CellRef, SheetCell)]) {
        var cells: [CellRef: SheetCell] = [:]
        cells.reserveCapacity(orderedCells.count)
        var ordered = true
        for (i, (ref, cell)) in orderedCells.enumerated() {
            cells[ref] = cell
            if i > 0 && !(orderedCells[i - 1].0 < ref) { ordered = false }
        }
        guard ordered else {
            self.init(name: name, index: index, hidden: hidden, cells: cells)
            return
        }
        self.init(name: name, index: index, hidden: hidden, cells: cells, filledInOrder: orderedCells.filter { !$0.1.isBlank })
    }

    private init(name: String, index: Int, hidden: Bool, cells: [CellRef: SheetCell], filledInOrder: [(CellRef, SheetCell)]) {
        self.name = name
        self.index = index
        self.hidden = hidden
        self.cells = cells
        self.filledCells = filledInOrder
        self.lastRow = filledInOrder.last?.0.row ?? -1
    }

    /// A sheet from plain values, row by row from A1 (`nil` is an absent cell); for tests.
    init(name: String, index: Int, hidden: Bool = false, rows: [[CellValue?]]) {
        var cells: [CellRef: SheetCell] = [:]
        for (r, row) in rows.enumerated() {
            for (c, v) in row.enumerated() {
                if let v { cells[CellRef(row: r, column: c)] = SheetCell(value: v) }
            }
        }
        self.init(name: name, index: index, hidden: hidden, cells: cells)
    }

    subscript(ref: CellRef) -> SheetCell {
        cells[ref] ?? SheetCell(value: .empty)
    }
}

/// A cell: its value, and whether it holds a formula (whose cached value may be missing).
struct SheetCell: Sendable, Hashable {
    var value: CellValue
    var hasFormula: Bool = false

    /// Blank: empty, or text of only spaces, and no formula.
    var isBlank: Bool { value.isBlankText && !hasFormula }
}

extension CellValue {
    /// Empty, or a string of only whitespace.
    var isBlankText: Bool {
        switch self {
        case .empty: return true
        case .string(let s):
            // A character is whitespace when its first scalar is; most text fails on the first.
            guard let first = s.unicodeScalars.first else { return true }
            return first.properties.isWhitespace && s.allSatisfy(\.isWhitespace)
        default: return false
        }
    }
}
