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

/// One sheet: its name, position, visibility and non-absent cells.
struct SheetSnapshot: Sendable {
    var name: String
    /// Zero-based position in the workbook.
    var index: Int
    var hidden: Bool
    var cells: [CellRef: SheetCell]

    init(name: String, index: Int, hidden: Bool = false, cells: [CellRef: SheetCell]) {
        self.name = name
        self.index = index
        self.hidden = hidden
        self.cells = cells
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

    /// The last row holding a non-blank value, or -1.
    var lastRow: Int { cells.filter { !$0.value.isBlank }.keys.map(\.row).max() ?? -1 }

    /// Non-blank cells in row-major order.
    var filledCells: [(CellRef, SheetCell)] {
        cells.filter { !$0.value.isBlank }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
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
        case .string(let s): return s.allSatisfy(\.isWhitespace)
        default: return false
        }
    }
}
