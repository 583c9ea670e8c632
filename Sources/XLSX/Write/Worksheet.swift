/// A worksheet held in memory until the workbook is written: cells in any order,
/// overwritten freely. For forms, summaries and anything up to some tens of thousands of
/// cells; use `StreamingWorksheet` for large tables.
///
/// Methods do not throw: the first problem (a cell beyond Excel's grid, text over 32,767
/// characters, overlapping merges, a bad validation) is kept and thrown by
/// `WorkbookWriter.write(to:)` / `bytes()`, naming the sheet and cell.
public final class Worksheet {
    struct Entry {
        var value: CellValue
        var formula: String?
        var style: Int
    }

    /// The sheet's name as given.
    public let name: String
    /// Zero-based position in the workbook.
    public let index: Int
    let context: WorkbookContext
    var features = SheetFeatures()
    private(set) var rows: [Int: [Int: Entry]] = [:]
    private(set) var rowHeights: [Int: Double] = [:]
    /// The first problem found; thrown when the workbook is written.
    public private(set) var problem: XLSXWriteError?

    init(name: String, index: Int, context: WorkbookContext) {
        self.name = name
        self.index = index
        self.context = context
    }

    /// Print settings (orientation, paper, fit to width, repeated rows, header/footer).
    public var pageSetup: PageSetup {
        get { features.pageSetup }
        set { features.pageSetup = newValue }
    }

    /// Visible, hidden or very hidden.
    public var state: SheetState {
        get { features.state }
        set { features.state = newValue }
    }

    /// Same as `state` (the name in the architecture contract).
    public var hidden: SheetState {
        get { features.state }
        set { features.state = newValue }
    }

    /// Writes a value (a `.date` without a number format gets the workbook's date format).
    /// `.empty` with a style is a styled blank; `.empty` without one removes the cell.
    public func write(_ value: CellValue, at ref: CellRef, style: CellStyle? = nil) {
        put(value, formula: nil, at: ref, style: style)
    }

    /// Writes a value at zero-based `row`, `column`.
    public func write(_ value: CellValue, row: Int, column: Int, style: CellStyle? = nil) {
        put(value, formula: nil, at: CellRef(row: row, column: column), style: style)
    }

    /// Writes a formula (with or without `=`) and the result viewers show without
    /// recalculating: a number, string, bool, error, date or `.empty` (computed on open).
    public func writeFormula(_ formula: String, cached: CellValue, at ref: CellRef, style: CellStyle? = nil) {
        put(cached, formula: formula, at: ref, style: style)
    }

    /// Sets a style on a cell, keeping its value (a styled blank when it has none).
    public func setStyle(_ style: CellStyle, at ref: CellRef) {
        guard inGrid(ref) else { return }
        if var e = rows[ref.row]?[ref.column] {
            e.style = context.styleIndex(style, for: e.value)
            rows[ref.row]![ref.column] = e
        } else {
            put(.empty, formula: nil, at: ref, style: style)
        }
    }

    /// Column width in characters of the default font (zero-based column).
    public func setColumnWidth(_ column: Int, _ width: Double) {
        guard inGrid(CellRef(row: 0, column: column)) else { return }
        features.columnWidths[column] = width
    }

    /// Row height in points (zero-based row).
    public func setRowHeight(_ row: Int, _ height: Double) {
        guard inGrid(CellRef(row: row, column: 0)) else { return }
        rowHeights[row] = height
    }

    /// Merges `range`, writing `value` in its first cell and `style` on every cell (so
    /// borders and fills cover the whole merged area).
    public func merge(_ range: CellRange, value: CellValue = .empty, style: CellStyle? = nil) {
        guard inGrid(range.first), inGrid(range.last) else { return }
        if range.first != range.last, let clash = features.addMerge(range) {
            fail(.overlappingMerge(sheet: name, clash, range))
            return
        }
        put(value, formula: nil, at: range.first, style: style)
        guard let style else { return }
        for r in range.first.row...range.last.row {
            for c in range.first.column...range.last.column where r != range.first.row || c != range.first.column {
                setStyle(style, at: CellRef(row: r, column: c))
            }
        }
    }

    /// Freezes the top `rows` rows and the left `columns` columns.
    public func freezePanes(rows: Int, columns: Int = 0) {
        guard rows >= 0, columns >= 0, inGrid(CellRef(row: rows, column: columns)) else { return }
        features.frozenRows = rows
        features.frozenColumns = columns
    }

    /// Adds filter buttons on the first row of `range` (and the `_xlnm._FilterDatabase` name).
    public func autoFilter(_ range: CellRange) {
        guard inGrid(range.last) else { return }
        features.autoFilter = range
    }

    /// Adds a data validation (dropdown list, whole/decimal/date range, ...).
    public func addValidation(_ v: DataValidation) {
        if let why = v.problem() {
            fail(.invalidValidation(sheet: name, range: v.ranges.map(\.description).joined(separator: " "), reason: why))
            return
        }
        features.validations.append(v)
    }

    /// Protects the sheet: locked cells cannot be edited, unlocked ones can.
    public func protect(_ p: SheetProtection = .init()) {
        features.protection = p
    }

    // MARK: - internals

    private func put(_ value: CellValue, formula: String?, at ref: CellRef, style: CellStyle?) {
        guard inGrid(ref) else { return }
        if case .empty = value, style == nil, formula == nil {
            rows[ref.row]?[ref.column] = nil
            return
        }
        let s = context.styleIndex(style, for: value)
        rows[ref.row, default: [:]][ref.column] = Entry(value: value, formula: formula, style: s)
    }

    func inGrid(_ ref: CellRef) -> Bool {
        if ref.row >= 0, ref.row < CellRef.maxRows, ref.column >= 0, ref.column < CellRef.maxColumns { return true }
        fail(.cellOutOfRange(sheet: name, row: ref.row, column: ref.column))
        return false
    }

    func fail(_ e: XLSXWriteError) {
        if problem == nil { problem = e }
    }

    /// The range the cells cover, or nil for an empty sheet.
    var usedRange: CellRange? {
        guard let minRow = rows.keys.min(), let maxRow = rows.keys.max() else { return nil }
        var minCol = Int.max
        var maxCol = -1
        for (_, cells) in rows {
            for c in cells.keys {
                minCol = min(minCol, c)
                maxCol = max(maxCol, c)
            }
        }
        guard maxCol >= 0 else { return nil }
        return CellRange(first: CellRef(row: minRow, column: minCol), last: CellRef(row: maxRow, column: maxCol))
    }

    /// The whole part, deflated.
    func serialize(strings: SharedStringsPart, selected: Bool) throws(XLSXWriteError) -> CompressedEntry {
        if let problem { throw problem }
        let compressor = try EntryCompressor(level: context.options.deflateLevel, spill: false)
        var w = XMLWriter(capacity: 1 << 16)
        WorksheetPart.header(features, dimension: usedRange ?? CellRange(first: .init(row: 0, column: 0), last: .init(row: 0, column: 0)), selected: selected, into: &w)
        var encoder = CellEncoder(sheetName: name)
        let rowNumbers = Set(rows.keys).union(rowHeights.keys).sorted()
        for r in rowNumbers {
            encoder.beginRow(r, height: rowHeights[r], into: &w)
            if let cells = rows[r] {
                for c in cells.keys.sorted() {
                    let e = cells[c]!
                    try encoder.cell(column: c, value: e.value, formula: e.formula, style: e.style, strings: strings, into: &w)
                }
            }
            encoder.endRow(into: &w)
            if w.bytes.count >= 1 << 18 {
                try compressor.write(w.bytes)
                w.bytes.removeAll(keepingCapacity: true)
            }
        }
        WorksheetPart.footer(features, sheetName: name, into: &w)
        try compressor.write(w.bytes)
        return try compressor.finish()
    }
}
