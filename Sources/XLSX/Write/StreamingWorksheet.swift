/// A worksheet written row by row as the rows come: each row is turned into XML and
/// deflated into a temporary file at once, so memory stays flat however many rows there
/// are (only the shared-string table grows, with the distinct strings).
///
/// Settings that Excel wants before the cells (column widths, frozen panes, fit to page)
/// must be set before the first row; later ones (merges, validations, protection,
/// autofilter, repeated rows) any time before the workbook is written.
public final class StreamingWorksheet {
    /// The sheet's name as given.
    public let name: String
    /// Zero-based position in the workbook.
    public let index: Int
    let context: WorkbookContext
    var features = SheetFeatures()
    private var pipeline: DeflatePipeline?
    private var w = XMLWriter(capacity: 1 << 19)
    private var encoder: CellEncoder
    private var started = false
    private var finished = false
    private var selected = false
    private var fitToPageWritten = false
    private var dateStyle = -1
    /// The next row to be written (zero-based) = rows written so far, gaps included.
    public private(set) var nextRow = 0

    init(name: String, index: Int, context: WorkbookContext) {
        self.name = name
        self.index = index
        self.context = context
        encoder = CellEncoder(sheetName: name)
    }

    deinit {
        if !finished { pipeline?.abandon() }
    }

    /// Print settings; `fitToWidth` must be set before the first row.
    public var pageSetup: PageSetup {
        get { features.pageSetup }
        set { features.pageSetup = newValue }
    }

    /// Visible, hidden or very hidden.
    public var state: SheetState {
        get { features.state }
        set { features.state = newValue }
    }

    /// Appends one row after the last (cells from column A; `.empty` with no style is no
    /// cell). `styles`, when given, styles the cell at the same position; dates without a
    /// number format get the workbook's date format.
    public func appendRow(_ cells: [CellValue], styles: [CellStyle?]? = nil, height: Double? = nil)
        throws(XLSXWriteError)
    {
        try writeRow(nextRow, cells, styles: styles, height: height)
    }

    /// Writes row `row` (zero-based), which must come after every row written so far.
    public func writeRow(_ row: Int, _ cells: [CellValue], styles: [CellStyle?]? = nil, height: Double? = nil)
        throws(XLSXWriteError)
    {
        guard !finished else { throw .tooLate(sheet: name, setting: "a row") }
        guard row >= nextRow, row < CellRef.maxRows else {
            throw .cellOutOfRange(sheet: name, row: row, column: 0)
        }
        guard cells.count <= CellRef.maxColumns else {
            throw .cellOutOfRange(sheet: name, row: row, column: cells.count - 1)
        }
        if !started { try start() }
        encoder.beginRow(row, height: height, into: &w)
        if let styles {
            for i in 0..<cells.count {
                let v = cells[i]
                let style = i < styles.count ? styles[i] : nil
                if case .empty = v, style == nil { continue }
                let s = context.styleIndex(style, for: v)
                try encoder.cell(column: i, value: v, formula: nil, style: s, strings: context.strings, into: &w)
            }
        } else {
            for i in 0..<cells.count {
                let v = cells[i]
                let s: Int
                switch v {
                case .empty: continue
                case .date: s = context.styleIndex(nil, for: v)
                default: s = 0
                }
                try encoder.cell(column: i, value: v, formula: nil, style: s, strings: context.strings, into: &w)
            }
        }
        encoder.endRow(into: &w)
        nextRow = row + 1
        if w.bytes.count >= StreamingWorksheet.chunk { try drain() }
    }

    /// Appends one row built from raw parts (the fast path for converters).
    public func appendRow(_ row: RowBuilder) throws(XLSXWriteError) {
        guard !finished else { throw .tooLate(sheet: name, setting: "a row") }
        guard nextRow < CellRef.maxRows else { throw .cellOutOfRange(sheet: name, row: nextRow, column: 0) }
        guard row.count <= CellRef.maxColumns else {
            throw .cellOutOfRange(sheet: name, row: nextRow, column: row.count - 1)
        }
        if !started { try start() }
        // Work on locals: no exclusivity checks or retains per cell on class properties.
        var w = XMLWriter(capacity: 0)
        var encoder = CellEncoder(sheetName: "")
        swap(&w, &self.w)
        swap(&encoder, &self.encoder)
        defer {
            swap(&w, &self.w)
            swap(&encoder, &self.encoder)
        }
        let strings = context.strings
        encoder.beginRow(nextRow, height: nil, into: &w)
        try row.text.withUnsafeBufferPointer { (all) throws(XLSXWriteError) in
            var textStart = 0
            for i in 0..<row.count {
                let end = row.textEnds[i]
                switch row.kinds[i] {
                case .empty: break
                case .number:
                    try encoder.cell(column: i, value: .number(row.numbers[i]), formula: nil, style: 0, strings: strings, into: &w)
                case .date:
                    if dateStyle < 0 { dateStyle = context.styleIndex(nil, for: .date(ExcelDate(serial: 0))) }
                    try encoder.cell(column: i, value: .number(row.numbers[i]), formula: nil, style: dateStyle, strings: strings, into: &w)
                case .text:
                    try encoder.textCell(column: i, bytes: UnsafeBufferPointer(rebasing: all[textStart..<end]), strings: strings, into: &w)
                }
                textStart = end
            }
        }
        encoder.endRow(into: &w)
        nextRow += 1
        if w.bytes.count >= StreamingWorksheet.chunk { try pipeline!.submit(&w.bytes) }
    }

    /// Column width in characters (before the first row).
    public func setColumnWidth(_ column: Int, _ width: Double) throws(XLSXWriteError) {
        guard !started else { throw .tooLate(sheet: name, setting: "column width") }
        guard column >= 0, column < CellRef.maxColumns else { throw .cellOutOfRange(sheet: name, row: 0, column: column) }
        features.columnWidths[column] = width
    }

    /// Freezes the top `rows` rows and left `columns` columns (before the first row).
    public func freezePanes(rows: Int, columns: Int = 0) throws(XLSXWriteError) {
        guard !started else { throw .tooLate(sheet: name, setting: "freeze panes") }
        guard rows >= 0, columns >= 0, rows < CellRef.maxRows, columns < CellRef.maxColumns else {
            throw .cellOutOfRange(sheet: name, row: rows, column: columns)
        }
        features.frozenRows = rows
        features.frozenColumns = columns
    }

    /// Merges a range (cells are written by the rows; style them there).
    public func merge(_ range: CellRange) throws(XLSXWriteError) {
        guard range.last.row < CellRef.maxRows, range.last.column < CellRef.maxColumns else {
            throw .cellOutOfRange(sheet: name, row: range.last.row, column: range.last.column)
        }
        if let clash = features.addMerge(range) { throw .overlappingMerge(sheet: name, clash, range) }
    }

    /// Filter buttons on the first row of `range`.
    public func autoFilter(_ range: CellRange) { features.autoFilter = range }

    /// Adds a data validation.
    public func addValidation(_ v: DataValidation) throws(XLSXWriteError) {
        if let why = v.problem() {
            throw .invalidValidation(sheet: name, range: v.ranges.map(\.description).joined(separator: " "), reason: why)
        }
        features.validations.append(v)
    }

    /// Protects the sheet.
    public func protect(_ p: SheetProtection = .init()) { features.protection = p }

    // MARK: - internals

    /// Marks this sheet as the selected tab (set by the workbook before rows come).
    func setSelected(_ s: Bool) { selected = s }

    private func start() throws(XLSXWriteError) {
        started = true
        let compressor = try EntryCompressor(
            level: context.options.deflateLevel, spill: true, directory: context.options.temporaryDirectory)
        pipeline = DeflatePipeline(compressor: compressor, bufferCapacity: StreamingWorksheet.chunk + (1 << 16))
        fitToPageWritten = features.pageSetup.fitToWidth != nil
        WorksheetPart.header(features, dimension: nil, selected: selected, into: &w)
    }

    /// Rows are handed to the deflate thread in chunks of this many bytes of XML.
    static let chunk = 1 << 18

    private func drain() throws(XLSXWriteError) {
        try pipeline!.submit(&w.bytes)
    }

    /// Ends the part and returns it deflated; once only.
    func finish() throws(XLSXWriteError) -> CompressedEntry {
        guard !finished else { throw .tooLate(sheet: name, setting: "writing the workbook again") }
        if !started { try start() }
        if (features.pageSetup.fitToWidth != nil) != fitToPageWritten {
            throw .tooLate(sheet: name, setting: "fit to width")
        }
        finished = true
        WorksheetPart.footer(features, sheetName: name, into: &w)
        do {
            try drain()
            return try pipeline!.finish()
        } catch {
            pipeline?.abandon()
            throw error
        }
    }
}
