/// Writes `xl/worksheets/sheetN.xml`: the header up to `<sheetData>`, rows of cells (the
/// hot path, shared by in-memory and streaming sheets), and the footer after `</sheetData>`,
/// each element in the order the schema requires.
enum WorksheetPart {
    // MARK: - header

    static func header(_ f: SheetFeatures, dimension: CellRange?, selected: Bool, into w: inout XMLWriter) {
        w.declaration()
        w.raw(
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        )
        if f.pageSetup.fitToWidth != nil { w.raw("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>") }
        if let dimension {
            w.start("dimension")
            w.attr("ref", dimension.description)
            w.selfClose()
        }
        sheetViews(f, selected: selected, &w)
        w.raw("<sheetFormatPr defaultRowHeight=\"15\"/>")
        columns(f, &w)
        w.raw("<sheetData>")
    }

    private static func sheetViews(_ f: SheetFeatures, selected: Bool, _ w: inout XMLWriter) {
        w.raw("<sheetViews><sheetView")
        if selected { w.attr("tabSelected", 1) }
        w.attr("workbookViewId", 0)
        guard f.frozenRows > 0 || f.frozenColumns > 0 else {
            w.raw("/></sheetViews>")
            return
        }
        w.close()
        let pane: String =
            f.frozenRows > 0 && f.frozenColumns > 0 ? "bottomRight" : f.frozenRows > 0 ? "bottomLeft" : "topRight"
        let topLeft = CellRef(row: f.frozenRows, column: f.frozenColumns).description
        w.start("pane")
        if f.frozenColumns > 0 { w.attr("xSplit", f.frozenColumns) }
        if f.frozenRows > 0 { w.attr("ySplit", f.frozenRows) }
        w.attr("topLeftCell", topLeft)
        w.attr("activePane", pane)
        w.attr("state", "frozen")
        w.selfClose()
        w.start("selection")
        w.attr("pane", pane)
        w.attr("activeCell", topLeft)
        w.attr("sqref", topLeft)
        w.selfClose()
        w.raw("</sheetView></sheetViews>")
    }

    private static func columns(_ f: SheetFeatures, _ w: inout XMLWriter) {
        guard !f.columnWidths.isEmpty else { return }
        w.raw("<cols>")
        for (c, width) in f.columnWidths.sorted(by: { $0.key < $1.key }) {
            w.start("col")
            w.attr("min", c + 1)
            w.attr("max", c + 1)
            w.attr("width", width)
            w.attr("customWidth", 1)
            w.selfClose()
        }
        w.raw("</cols>")
    }

    // MARK: - footer

    static func footer(_ f: SheetFeatures, sheetName: String, into w: inout XMLWriter) {
        w.raw("</sheetData>")
        if let p = f.protection { protection(p, &w) }
        if let a = f.autoFilter {
            w.start("autoFilter")
            w.attr("ref", a.description)
            w.selfClose()
        }
        if !f.merges.isEmpty {
            w.start("mergeCells")
            w.attr("count", f.merges.count)
            w.close()
            for m in f.merges {
                w.start("mergeCell")
                w.attr("ref", m.description)
                w.selfClose()
            }
            w.end("mergeCells")
        }
        if !f.validations.isEmpty {
            w.start("dataValidations")
            w.attr("count", f.validations.count)
            w.close()
            for v in f.validations { validation(v, &w) }
            w.end("dataValidations")
        }
        if !f.links.isEmpty { links(f.links, &w) }
        pageSetup(f.pageSetup, &w)
        if let id = f.drawingId {
            w.start("drawing")
            w.attr("r:id", id)
            w.selfClose()
        }
        if let id = f.legacyDrawingId {
            w.start("legacyDrawing")
            w.attr("r:id", id)
            w.selfClose()
        }
        w.raw("</worksheet>")
    }

    /// Internal links, one per cell (the last given wins), in row then column order.
    private static func links(_ links: [InternalLink], _ w: inout XMLWriter) {
        var byCell: [CellRef: InternalLink] = [:]
        for l in links { byCell[l.cell] = l }
        w.raw("<hyperlinks>")
        for l in byCell.values.sorted(by: { ($0.cell.row, $0.cell.column) < ($1.cell.row, $1.cell.column) }) {
            w.start("hyperlink")
            w.attr("ref", l.cell.description)
            w.attr("location", l.location)
            if let t = l.tooltip { w.attr("tooltip", t) }
            w.attr("display", l.location)
            w.selfClose()
        }
        w.raw("</hyperlinks>")
    }

    private static func protection(_ p: SheetProtection, _ w: inout XMLWriter) {
        w.start("sheetProtection")
        if let pw = p.password, !pw.isEmpty { w.attr("password", SheetProtection.legacyHash(pw)) }
        w.attr("sheet", 1)
        w.attr("objects", 1)
        w.attr("scenarios", 1)
        // Each attribute says the action is *protected* (1) or allowed (0); defaults differ.
        if p.allowFormatCells { w.attr("formatCells", 0) }
        if p.allowFormatColumns { w.attr("formatColumns", 0) }
        if p.allowFormatRows { w.attr("formatRows", 0) }
        if p.allowInsertColumns { w.attr("insertColumns", 0) }
        if p.allowInsertRows { w.attr("insertRows", 0) }
        if p.allowDeleteColumns { w.attr("deleteColumns", 0) }
        if p.allowDeleteRows { w.attr("deleteRows", 0) }
        if !p.allowSelectLockedCells { w.attr("selectLockedCells", 1) }
        if p.allowSort { w.attr("sort", 0) }
        if p.allowAutoFilter { w.attr("autoFilter", 0) }
        if !p.allowSelectUnlockedCells { w.attr("selectUnlockedCells", 1) }
        w.selfClose()
    }

    private static func validation(_ v: DataValidation, _ w: inout XMLWriter) {
        w.start("dataValidation")
        var comparison: DataValidation.Comparison?
        switch v.rule {
        case .list, .listSource: w.attr("type", "list")
        case .whole(let c): w.attr("type", "whole"); comparison = c
        case .decimal(let c): w.attr("type", "decimal"); comparison = c
        case .date(let c): w.attr("type", "date"); comparison = c
        case .textLength(let c): w.attr("type", "textLength"); comparison = c
        case .custom: w.attr("type", "custom")
        }
        if v.errorStyle != .stop { w.attr("errorStyle", v.errorStyle.rawValue) }
        if let c = comparison, c.name != "between" { w.attr("operator", c.name) }
        if v.allowBlank { w.attr("allowBlank", 1) }
        // showDropDown="1" *hides* the arrow (the attribute is named backwards).
        if !v.showDropdown, case .list = v.rule { w.attr("showDropDown", 1) }
        if !v.showDropdown, case .listSource = v.rule { w.attr("showDropDown", 1) }
        w.attr("showInputMessage", 1)
        w.attr("showErrorMessage", 1)
        if let t = v.errorTitle { w.attr("errorTitle", t) }
        if let t = v.errorMessage { w.attr("error", t) }
        if let t = v.inputTitle { w.attr("promptTitle", t) }
        if let t = v.inputMessage { w.attr("prompt", t) }
        w.attr("sqref", v.ranges.map(\.description).joined(separator: " "))
        w.close()
        switch v.rule {
        case .list(let items):
            w.start("formula1")
            w.close()
            w.text("\"" + items.joined(separator: ",") + "\"")
            w.end("formula1")
        case .listSource(let f), .custom(let f):
            w.start("formula1")
            w.close()
            w.text(f.hasPrefix("=") ? String(f.dropFirst()) : f)
            w.end("formula1")
        case .whole(let c), .decimal(let c), .date(let c), .textLength(let c):
            let ops = c.operands
            w.raw("<formula1>")
            w.double(ops[0])
            w.raw("</formula1>")
            if ops.count > 1 {
                w.raw("<formula2>")
                w.double(ops[1])
                w.raw("</formula2>")
            }
        }
        w.end("dataValidation")
    }

    private static func pageSetup(_ p: PageSetup, _ w: inout XMLWriter) {
        w.start("pageMargins")
        w.attr("left", p.margins.left)
        w.attr("right", p.margins.right)
        w.attr("top", p.margins.top)
        w.attr("bottom", p.margins.bottom)
        w.attr("header", p.margins.header)
        w.attr("footer", p.margins.footer)
        w.selfClose()
        if p.paperSize != nil || p.fitToWidth != nil || p.orientation != nil {
            w.start("pageSetup")
            if let s = p.paperSize { w.attr("paperSize", s) }
            if let f = p.fitToWidth {
                w.attr("fitToWidth", f)
                w.attr("fitToHeight", 0)
            }
            if let o = p.orientation { w.attr("orientation", o.rawValue) }
            w.selfClose()
        }
        if p.header != nil || p.footer != nil {
            w.raw("<headerFooter>")
            if let h = p.header { w.element("oddHeader", text: h) }
            if let f = p.footer { w.element("oddFooter", text: f) }
            w.raw("</headerFooter>")
        }
        // `id` is the last row (column), one-based, above (left of) the break.
        pageBreaks("rowBreaks", p.rowBreaks, limit: CellRef.maxRows, max: CellRef.maxColumns - 1, &w)
        pageBreaks("colBreaks", p.columnBreaks, limit: CellRef.maxColumns, max: CellRef.maxRows - 1, &w)
    }

    /// `<rowBreaks>` or `<colBreaks>`: the manual page breaks, sorted, each once.
    private static func pageBreaks(_ name: StaticString, _ at: [Int], limit: Int, max: Int, _ w: inout XMLWriter) {
        let breaks = Set(at.filter { $0 > 0 && $0 < limit }).sorted()
        guard !breaks.isEmpty else { return }
        w.start(name)
        w.attr("count", breaks.count)
        w.attr("manualBreakCount", breaks.count)
        w.close()
        for b in breaks {
            w.start("brk")
            w.attr("id", b)
            w.attr("max", max)
            w.attr("man", 1)
            w.selfClose()
        }
        w.end(name)
    }
}

/// Writes rows and cells: the hot path. Column letters are cached, the row number is
/// formatted once per row, numbers without Foundation, strings through the shared table.
struct CellEncoder {
    private var columnNames: [[UInt8]] = []
    private var rowDigits: [UInt8] = []
    let sheetName: String

    init(sheetName: String) {
        self.sheetName = sheetName
        rowDigits.reserveCapacity(8)
    }

    /// `<row r="N"` (+ height) `>`; `row` is zero-based.
    mutating func beginRow(_ row: Int, height: Double?, into w: inout XMLWriter) {
        rowDigits.removeAll(keepingCapacity: true)
        var v = row + 1
        repeat {
            rowDigits.append(UInt8(ascii: "0") + UInt8(v % 10))
            v /= 10
        } while v > 0
        rowDigits.reverse()
        w.raw("<row r=\"")
        w.bytes.append(contentsOf: rowDigits)
        w.bytes.append(UInt8(ascii: "\""))
        if let height {
            w.attr("ht", height)
            w.attr("customHeight", 1)
        }
        w.close()
    }

    @inline(__always)
    func endRow(into w: inout XMLWriter) { w.raw("</row>") }

    /// One `<c>`; values `.empty` write a styled blank (callers skip unstyled blanks).
    mutating func cell(
        column: Int, value: CellValue, formula: String?, style: Int, strings: SharedStringsPart,
        into w: inout XMLWriter
    ) throws(XLSXWriteError) {
        w.raw("<c r=\"")
        if column >= columnNames.count { growColumnNames(to: column) }
        w.bytes.append(contentsOf: columnNames[column])
        w.bytes.append(contentsOf: rowDigits)
        w.bytes.append(UInt8(ascii: "\""))
        if style != 0 {
            w.raw(" s=\"")
            w.int(style)
            w.bytes.append(UInt8(ascii: "\""))
        }
        if let formula {
            try formulaCell(formula, cached: value, column: column, into: &w)
            return
        }
        switch value {
        case .empty:
            w.selfClose()
        case .number(let d):
            try number(d, column, "><v>", "</v></c>", into: &w)
        case .date(let date):
            try number(Self.serial(date), column, "><v>", "</v></c>", into: &w)
        case .string(let s):
            try checkLength(s, column)
            w.raw(" t=\"s\"><v>")
            w.int(strings.index(of: s))
            w.raw("</v></c>")
        case .bool(let b):
            w.raw(b ? " t=\"b\"><v>1</v></c>" : " t=\"b\"><v>0</v></c>")
        case .error(let e):
            w.raw(" t=\"e\"><v>")
            w.text(e.rawValue)
            w.raw("</v></c>")
        }
    }

    /// A shared-string cell from UTF-8 bytes (no `String` made).
    mutating func textCell(column: Int, bytes: UnsafeBufferPointer<UInt8>, strings: SharedStringsPart, into w: inout XMLWriter)
        throws(XLSXWriteError)
    {
        if bytes.count > 32_767 {
            let units = String(decoding: bytes, as: UTF8.self).utf16.count
            if units > 32_767 { throw .textTooLong(sheet: sheetName, cell: ref(column), length: units) }
        }
        w.raw("<c r=\"")
        if column >= columnNames.count { growColumnNames(to: column) }
        w.bytes.append(contentsOf: columnNames[column])
        w.bytes.append(contentsOf: rowDigits)
        w.raw("\" t=\"s\"><v>")
        w.int(strings.index(ofBytes: bytes))
        w.raw("</v></c>")
    }

    private mutating func formulaCell(_ formula: String, cached: CellValue, column: Int, into w: inout XMLWriter)
        throws(XLSXWriteError)
    {
        let f = formula.hasPrefix("=") ? String(formula.dropFirst()) : formula
        try checkLength(f, column)
        switch cached {
        case .string: w.raw(" t=\"str\"")
        case .bool: w.raw(" t=\"b\"")
        case .error: w.raw(" t=\"e\"")
        default: break
        }
        w.raw("><f>")
        w.text(f)
        w.raw("</f>")
        switch cached {
        case .empty: break
        case .number(let d):
            try number(d, column, "<v>", "</v>", into: &w)
        case .date(let date):
            try number(Self.serial(date), column, "<v>", "</v>", into: &w)
        case .string(let s):
            try checkLength(s, column)
            w.raw("<v>")
            XMLEscaper.appendSharedString(s, to: &w.bytes)
            w.raw("</v>")
        case .bool(let b): w.raw(b ? "<v>1</v>" : "<v>0</v>")
        case .error(let e):
            w.raw("<v>")
            w.text(e.rawValue)
            w.raw("</v>")
        }
        w.raw("</c>")
    }

    /// Writes `open`, `d`, `close` for a number or date value; throws for a non-finite `d`
    /// before writing anything.
    @inline(__always)
    private func number(
        _ d: Double, _ column: Int, _ open: StaticString, _ close: StaticString, into w: inout XMLWriter
    ) throws(XLSXWriteError) {
        guard d.isFinite else { throw .invalidNumber(sheet: sheetName, cell: ref(column)) }
        w.raw(open)
        w.double(d)
        w.raw(close)
    }

    /// The serial a date is stored as: the 1900 system, which `ExcelDate` already holds.
    @inline(__always)
    private static func serial(_ date: ExcelDate) -> Double {
        date.serial
    }

    @inline(__always)
    private func checkLength(_ s: String, _ column: Int) throws(XLSXWriteError) {
        let n = s.utf8.count
        if n > 32_767, s.utf16.count > 32_767 {
            throw .textTooLong(sheet: sheetName, cell: ref(column), length: s.utf16.count)
        }
    }

    private func ref(_ column: Int) -> String {
        CellRef.columnName(column) + String(decoding: rowDigits, as: UTF8.self)
    }

    private mutating func growColumnNames(to column: Int) {
        while columnNames.count <= column {
            columnNames.append(Array(CellRef.columnName(columnNames.count).utf8))
        }
    }
}
