import XLSX

/// The cells of a submission as validation sees them: every sheet held sparse in memory
/// (submission forms are small). Built from a `Workbook` by `Validator`, or in memory by tests.
struct WorkbookSnapshot: Sendable {
    /// The file name as submitted (not a path).
    var fileName: String
    var sheets: [SheetSnapshot]
    /// The workbook's date system: what a plain number typed into a date field means
    /// (cells with a date format are already 1900-system `ExcelDate`s).
    var dateSystem: ExcelDate.System = .d1900

    /// The sheet with this name: exact, then folded (case, spacing, NFC/NFD).
    func sheet(named name: String) -> SheetSnapshot? {
        sheets.first { $0.name == name } ?? sheets.first { LabelKey($0.name) == LabelKey(name) }
    }
}

/// One sheet: its name, position, visibility and non-absent cells. The cells are held in
/// row-major order with an index of rows (no hashing per cell); the non-blank cells and
/// the last non-blank row are worked out once, when it is made.
struct SheetSnapshot: Sendable {
    let name: String
    /// Zero-based position in the workbook.
    let index: Int
    let hidden: Bool
    /// Non-blank cells in row-major order.
    let filledCells: [(CellRef, SheetCell)]
    /// The last row holding a non-blank value, or -1.
    let lastRow: Int
    /// Every cell read, row-major, one per reference.
    private let ordered: [(CellRef, SheetCell)]
    /// The rows that have cells, ascending, and where each starts in `ordered`
    /// (`rowStarts[i] ..< rowStarts[i + 1]` for `rows[i]`).
    private let rows: [Int]
    private let rowStarts: [Int]

    init(name: String, index: Int, hidden: Bool = false, cells: [CellRef: SheetCell]) {
        self.init(name: name, index: index, hidden: hidden, inOrder: cells.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    /// A sheet from cells in row-major order, as a reader gives them (if they are not,
    /// strictly, they are sorted here, the last of equal references winning).
    init(name: String, index: Int, hidden: Bool = false, orderedCells: [(CellRef, SheetCell)]) {
        let strictlyOrdered = orderedCells.indices.dropFirst().allSatisfy { orderedCells[$0 - 1].0 < orderedCells[$0].0 }
        if strictlyOrdered {
            self.init(name: name, index: index, hidden: hidden, inOrder: orderedCells)
        } else {
            var cells: [CellRef: SheetCell] = [:]
            for (ref, cell) in orderedCells { cells[ref] = cell }
            self.init(name: name, index: index, hidden: hidden, cells: cells)
        }
    }

    private init(name: String, index: Int, hidden: Bool, inOrder: [(CellRef, SheetCell)]) {
        self.name = name
        self.index = index
        self.hidden = hidden
        ordered = inOrder
        var rows: [Int] = [], starts: [Int] = []
        for (i, (ref, _)) in inOrder.enumerated() where rows.last != ref.row {
            rows.append(ref.row)
            starts.append(i)
        }
        starts.append(inOrder.count)
        self.rows = rows
        rowStarts = starts
        filledCells = inOrder.filter { !$0.1.isBlank }
        lastRow = filledCells.last?.0.row ?? -1
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

    /// The cell at `ref`, empty when absent.
    subscript(ref: CellRef) -> SheetCell {
        self[ref.column, in: cells(inRow: ref.row)]
    }

    /// The cells read in one row, ascending by column; empty when the row has none.
    /// (A reader of many cells of a row finds the row once, then each cell in it.)
    func cells(inRow row: Int) -> ArraySlice<(CellRef, SheetCell)> {
        var lo = 0, hi = rows.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if rows[mid] < row { lo = mid + 1 } else { hi = mid }
        }
        guard lo < rows.count, rows[lo] == row else { return [] }
        return ordered[rowStarts[lo] ..< rowStarts[lo + 1]]
    }

    /// The cell in `column` among one row's cells (`cells(inRow:)`), empty when absent.
    subscript(column: Int, in row: ArraySlice<(CellRef, SheetCell)>) -> SheetCell {
        var a = row.startIndex, b = row.endIndex
        while a < b {
            let mid = (a + b) / 2
            if row[mid].0.column < column { a = mid + 1 } else { b = mid }
        }
        return a < row.endIndex && row[a].0.column == column ? row[a].1 : SheetCell(value: .empty)
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
            return FieldReader.isWhitespace(first) && s.allSatisfy(\.isWhitespace)
        default: return false
        }
    }
}
