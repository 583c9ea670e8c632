#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a sheet reader needs from the workbook.
struct SheetContext {
    let sheetName: String
    let part: String
    let sharedStrings: [String]
    let styles: Styles
    let dateSystem: ExcelDate.System
    let keepFormulas: Bool
    let maxText: Int
}

/// Streams the cells of one worksheet part: a row is handed to `onRow` once the next
/// `<row>` (or `</sheetData>`) shows it is complete, so memory holds one row. Sizes come
/// from the cells actually present, never from `<dimension>` or a cell reference.
///
/// Producers that break the order Excel writes are read, with a warning (`warnings`):
/// consecutive `<row>` elements with the same number (Open XML SDK writers emit one per
/// cell) are merged into one row, a later duplicate cell winning; cells out of order
/// within a row are sorted. Rows out of order are handed on as they come (still one row
/// in memory): `Workbook.grid` sorts and merges them, and `ExportRows` then reads the
/// sheet through the grid.
///
/// The state lives in a struct reached through a pointer: its fields are then
/// mutated without Swift's dynamic exclusivity checks on class properties (a
/// measurable cost at millions of cells).
final class SheetHandler: SAXHandler {
    private let p: UnsafeMutablePointer<SheetParser>

    init(context: SheetContext) {
        p = .allocate(capacity: 1)
        p.initialize(to: SheetParser(context: context))
        super.init()
    }

    deinit {
        p.pointee.text.free()
        p.deinitialize(count: 1)
        p.deallocate()
    }

    /// Called with each row that has cells; returns false to stop.
    var onRow: (Row) -> Bool {
        get { p.pointee.onRow }
        set { p.pointee.onRow = newValue }
    }
    /// Merged ranges seen (`<mergeCell ref>`).
    var mergedRanges: [CellRange] { p.pointee.mergedRanges }
    /// The first problem found; the parse stops there.
    var failure: XLSXError? { p.pointee.failure }
    /// What was read but is not as Excel writes it (one line per kind of problem).
    var warnings: [String] { p.pointee.warnings }

    /// Cell references, style indexes, types and ranges hold no `&` worth decoding.
    override var decodesAttributes: Bool { false }

    override func startElement(_ name: XMLName, _ ns: XMLNamespace, _ attributes: XMLAttributes) -> Bool {
        p.pointee.startElement(name, ns, attributes)
    }

    override func endElement(_ name: XMLName, _ ns: XMLNamespace) -> Bool {
        p.pointee.endElement(name, ns)
    }

    override func characters(_ t: XMLBytes) -> Bool {
        p.pointee.characters(t)
    }
}

/// The sheet parser's state and logic (see `SheetHandler`).
struct SheetParser {
    private enum Collect { case none, value, formula, inlineText }
    private enum CellType { case number, shared, inline, string, bool, error, date }
    private struct SharedFormula {
        let text: String
        let row: Int
        let column: Int
    }

    private let ctx: SheetContext
    private let dateKinds: [ExcelDate.Kind?]
    /// Called with each row that has cells; returns false to stop.
    var onRow: (Row) -> Bool = { _ in true }
    /// Merged ranges seen (`<mergeCell ref>`).
    private(set) var mergedRanges: [CellRange] = []
    /// The first problem found; the parse stops there.
    private(set) var failure: XLSXError?
    /// What was read but is not as Excel writes it (the first of each kind, with its place).
    private(set) var warnings: [String] = []
    private var warned: (rows: Bool, cells: Bool, repeated: Bool, overflow: Bool) = (false, false, false, false)

    private var inSheetData = false
    private var inRow = false
    private var rowIndex = -1
    private var rowPending = false
    private var lastRow = -1
    /// `cells` holds the complete row `heldRow`, not handed on yet: the next `<row>` may
    /// repeat its number.
    private var held = false
    private var heldRow = -1
    private var cells: [Cell] = []
    private var lastColumn = -1
    private var unsorted = false

    private var inCell = false
    private var column = 0
    private var cellRow = -1
    private var style = 0
    private var type = CellType.number
    private var hasFormula = false
    private var formula: String?
    /// The current `<f>` is `t="shared"`, with this `si` (-1 when absent); read only
    /// when formulas are kept.
    private var formulaShared = false
    private var formulaSI = -1
    /// Shared-formula masters seen so far in this sheet, by `si`: their text and
    /// position. The only formula state kept across cells (one entry per master).
    private var sharedFormulas: [Int: SharedFormula] = [:]
    private var hasValue = false
    private var collect = Collect.none
    private var inInline = false
    private var inlinePreserves = false
    private var inlineStart = 0
    private var phoneticDepth = 0
    fileprivate var text = TextBuffer()

    init(context: SheetContext) {
        ctx = context
        dateKinds = context.styles.dateKinds
        cells.reserveCapacity(64)
    }

    // MARK: events

    mutating func startElement(_ name: XMLName, _ ns: XMLNamespace, _ attributes: XMLAttributes) -> Bool {
        guard ns == .main else { return true }
        switch name.first {
        case UInt8(ascii: "c"):
            if inRow && name.is("c") { return startCell(attributes) }
        case UInt8(ascii: "v"):
            // An inline-string cell's value is its <is> alone: a <v> beside it is ignored
            // (openpyxl; calamine and openpyxl both give "" for a <v> without <is>).
            if inCell && name.is("v") && type != .inline {
                collect = .value
                hasValue = true
                text.reset()
            }
        case UInt8(ascii: "f"):
            if inCell && name.is("f") {
                hasFormula = true
                if ctx.keepFormulas {
                    collect = .formula
                    text.reset()
                    startFormula(attributes)
                }
            }
        case UInt8(ascii: "i"):
            if inCell && name.is("is") {
                inInline = true
                hasValue = true
                text.reset()
                // <is> without t="inlineStr" (hand edits): the text, as calamine reads it.
                if type == .number { type = .inline }
            }
        case UInt8(ascii: "t"):
            if inInline && phoneticDepth == 0 && name.is("t") {
                collect = .inlineText
                inlinePreserves = attributes.count > 0 && XMLWhitespace.preserves(attributes)
                inlineStart = text.count
            }
        case UInt8(ascii: "r"):
            if name.is("row") {
                if inSheetData { return startRow(attributes) }
            } else if inInline && name.is("rPh") {
                phoneticDepth += 1
            }
        case UInt8(ascii: "s"):
            if name.is("sheetData") { inSheetData = true }
        case UInt8(ascii: "m"):
            if name.is("mergeCell"), let ref = attributes.value("ref") {
                if let range = CellRange(ref.string) {
                    mergedRanges.append(range)
                } else {
                    failure = .invalidWorkbook("invalid merged range '\(ref.string)'", part: ctx.part)
                    return false
                }
            }
        default: break
        }
        return true
    }

    mutating func endElement(_ name: XMLName, _ ns: XMLNamespace) -> Bool {
        guard ns == .main else { return true }
        switch name.first {
        case UInt8(ascii: "c"):
            if inCell && name.is("c") { return endCell() }
        case UInt8(ascii: "v"):
            if collect == .value { collect = .none }
        case UInt8(ascii: "f"):
            if collect == .formula && name.is("f") {
                collect = .none
                formula = OOXMLText.decode(text.bytes)
                text.reset()
                if formulaShared { resolveSharedFormula() }
            }
        case UInt8(ascii: "t"):
            if collect == .inlineText {
                collect = .none
                // Without xml:space="preserve", Excel shows the run trimmed (XMLWhitespace).
                if !inlinePreserves && text.count > inlineStart { text.trimXMLWhitespace(from: inlineStart) }
            }
        case UInt8(ascii: "i"):
            if name.is("is") { inInline = false }
        case UInt8(ascii: "r"):
            if inRow && name.is("row") { return endRow() }
            if inInline && name.is("rPh") { phoneticDepth -= 1 }
        case UInt8(ascii: "s"):
            if name.is("sheetData") {
                inSheetData = false
                if held { return flush() }
            }
        default: break
        }
        return true
    }

    mutating func characters(_ t: XMLBytes) -> Bool {
        if collect == .none { return true }
        if text.count + t.count > ctx.maxText {
            return fail(
                .limitExceeded(
                    limit: "maxCellTextLength", detail: "cell text longer than \(ctx.maxText) bytes",
                    part: "\(ctx.part) \(currentRef)"))
        }
        text.append(t)
        return true
    }

    // MARK: rows

    private mutating func startRow(_ attributes: XMLAttributes) -> Bool {
        inRow = true
        var number = -1
        if let r = attributes.value("r") {
            guard let n = SheetParser.parseInt(r), n >= 1, n <= CellRef.maxRows else {
                return fail(.invalidCell("invalid row number '\(r.string)'", sheet: ctx.sheetName, cell: "row"))
            }
            number = n - 1
        }
        if held {
            if number == heldRow {
                // The same row again (Open XML SDK): keep adding to it.
                if !warned.repeated {
                    warned.repeated = true
                    warn("row \(number + 1) is written more than once (merged; a later duplicate cell wins)")
                }
                rowIndex = number
                rowPending = false
                held = false
                return true
            }
            if !flush() { return false }
        }
        cells.removeAll(keepingCapacity: true)
        lastColumn = -1
        unsorted = false
        if number >= 0 {
            rowIndex = number
            rowPending = false
        } else {
            rowPending = true
            rowIndex = lastRow + 1
        }
        return true
    }

    private mutating func endRow() -> Bool {
        inRow = false
        if rowIndex >= CellRef.maxRows {
            return fail(.invalidCell("row beyond 1048576", sheet: ctx.sheetName, cell: "row"))
        }
        if rowIndex < lastRow && !warned.rows {
            warned.rows = true
            warn("row \(rowIndex + 1) comes after row \(lastRow + 1) (rows out of order, read sorted)")
        }
        lastRow = rowIndex
        if cells.isEmpty { return true }
        held = true
        heldRow = rowIndex
        return true
    }

    /// Hands on the held row (sorted and without duplicate cells when it came out of order).
    private mutating func flush() -> Bool {
        held = false
        if unsorted {
            cells.sort { $0.column < $1.column }
            var deduped: [Cell] = []
            var duplicates = false
            for c in cells {
                if let last = deduped.last, last.column == c.column {
                    deduped[deduped.count - 1] = c
                    duplicates = true
                } else {
                    deduped.append(c)
                }
            }
            if !warned.cells && !(warned.repeated && duplicates) {
                warned.cells = true
                warn("cells of row \(heldRow + 1) out of order (read sorted)")
            }
            cells = deduped
        }
        let keepGoing = onRow(Row(index: heldRow, cells: cells))
        cells.removeAll(keepingCapacity: true)
        return keepGoing
    }

    private mutating func warn(_ text: String) {
        warnings.append("\(text) [\(ctx.part)]")
    }

    // MARK: cells

    private mutating func startCell(_ attributes: XMLAttributes) -> Bool {
        inCell = true
        hasFormula = false
        formula = nil
        hasValue = false
        inInline = false
        phoneticDepth = 0
        type = .number
        style = 0
        var haveRef = false
        for i in 0..<attributes.count {
            let n = attributes.name(i)
            guard n.base[1] == 0 else { continue }
            let value = attributes.value(i)
            switch n.base[0] {
            case UInt8(ascii: "r"):
                guard let (row, col) = SheetParser.parseRef(value) else {
                    return fail(.invalidCell("invalid cell reference '\(value.string)'", sheet: ctx.sheetName, cell: value.string))
                }
                column = col
                cellRow = row
                haveRef = true
            case UInt8(ascii: "s"):
                style = SheetParser.parseInt(value) ?? 0
            case UInt8(ascii: "t"):
                guard let t = SheetParser.cellType(value) else {
                    return fail(.invalidCell("unknown cell type '\(value.string)'", sheet: ctx.sheetName, cell: currentRef))
                }
                type = t
            default: break
            }
        }
        if haveRef {
            if rowPending {
                rowIndex = cellRow
                rowPending = false
            }
        } else {
            column = lastColumn + 1
            if column >= CellRef.maxColumns {
                return fail(.invalidCell("cell beyond column XFD", sheet: ctx.sheetName, cell: "row \(rowIndex + 1)"))
            }
        }
        if column <= lastColumn { unsorted = true }
        lastColumn = max(lastColumn, column)
        return true
    }

    private mutating func endCell() -> Bool {
        inCell = false
        collect = .none
        let value: CellValue
        if !hasValue {
            value = .empty
        } else {
            switch type {
            case .number where text.isEmpty, .bool where text.isEmpty, .error where text.isEmpty, .date where text.isEmpty:
                value = .empty
            case .number:
                guard let d = SheetParser.parseNumber(text.bytes) else {
                    return fail(.invalidCell("invalid number '\(OOXMLText.decode(text.bytes))'", sheet: ctx.sheetName, cell: currentRef))
                }
                if d.isInfinite && !warned.overflow {
                    warned.overflow = true
                    warn("\(currentRef): number '\(OOXMLText.decode(text.bytes))' beyond the double range, read as \(d < 0 ? "-inf" : "inf")")
                }
                if style < dateKinds.count, let kind = dateKinds[style],
                    let date = ExcelDate(cellSerial: d, format: kind, system: ctx.dateSystem)
                {
                    value = .date(date)
                } else {
                    value = .number(d)
                }
            case .shared:
                // White space around the index (`<v> 0 </v>`, hand edits) is allowed, as
                // calamine and openpyxl read it.
                let (lead, end) = XMLWhitespace.trimmedBounds(text.bytes, from: 0)
                guard let i = SheetParser.parseInt(XMLBytes(base: text.bytes.baseAddress! + lead, count: end - lead)),
                    i < ctx.sharedStrings.count
                else {
                    return fail(.invalidCell("invalid shared string index '\(OOXMLText.decode(text.bytes))'", sheet: ctx.sheetName, cell: currentRef))
                }
                value = .string(ctx.sharedStrings[i])
            case .inline, .string:
                value = .string(OOXMLText.decode(text.bytes))
            case .bool:
                switch String(decoding: text.bytes, as: UTF8.self) {
                case "1", "true", "TRUE": value = .bool(true)
                case "0", "false", "FALSE": value = .bool(false)
                default: return fail(.invalidCell("invalid boolean '\(OOXMLText.decode(text.bytes))'", sheet: ctx.sheetName, cell: currentRef))
                }
            case .error:
                value = .error(CellError(rawValue: String(decoding: text.bytes, as: UTF8.self)) ?? .unknown)
            case .date:
                let s = String(decoding: text.bytes, as: UTF8.self)
                guard let d = ExcelDate(iso8601: s) else {
                    return fail(.invalidCell("invalid ISO date '\(s)'", sheet: ctx.sheetName, cell: currentRef))
                }
                value = .date(d)
            }
        }
        if !hasFormula {
            if case .empty = value { return true }
            cells.append(Cell(column: column, value: value, style: style))
        } else {
            cells.append(
                Cell(column: column, value: value, formula: ctx.keepFormulas ? (formula ?? "") : nil, hasFormula: true,
                     style: style))
        }
        return true
    }

    // MARK: formulas (only when ctx.keepFormulas)

    /// Notes `t="shared"` and `si` of an `<f>`.
    private mutating func startFormula(_ attributes: XMLAttributes) {
        formulaShared = false
        formulaSI = -1
        for i in 0..<attributes.count {
            let n = attributes.name(i)
            if n.is("t") {
                formulaShared = attributes.value(i).equals("shared")
            } else if n.is("si") {
                formulaSI = SheetParser.parseInt(attributes.value(i)) ?? -1
            }
        }
    }

    /// At `</f>` of a shared formula: a master (with text) is remembered by its `si`; a
    /// child (no text) gets the master's text moved by its offset from the master, as
    /// Excel shows it. A child whose master was not seen before it keeps "".
    private mutating func resolveSharedFormula() {
        guard formulaSI >= 0 else { return }
        if let text = formula, !text.isEmpty {
            sharedFormulas[formulaSI] = SharedFormula(text: text, row: rowIndex, column: column)
        } else if let master = sharedFormulas[formulaSI] {
            formula = FormulaTranslator.translate(master.text, rows: rowIndex - master.row, columns: column - master.column)
        }
    }

    // MARK: helpers

    private var currentRef: String {
        CellRef(row: max(rowIndex, 0), column: max(column, 0)).description
    }

    private mutating func fail(_ error: XLSXError) -> Bool {
        if failure == nil { failure = error }
        return false
    }

    /// Parses the collected number text: decimals whose digits fit in 2^53 with a
    /// power of ten up to 10^22 exactly (Clinger's fast path: one correctly rounded
    /// multiplication or division of two exact doubles, so the same double as strtod),
    /// the rest with strtod.
    /// Static, on the bytes: a method on the parser would copy the whole parser struct
    /// (300 bytes) onto the stack for every numeric cell.
    private static func parseNumber(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        let n = b.count
        if let d = SheetParser.fastDecimal(b) { return d }
        // Decimal syntax only (strtod would also take hex, "inf", "nan").
        for k in 0..<n {
            switch b[k] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "+"),
                UInt8(ascii: "e"), UInt8(ascii: "E"):
                continue
            case UInt8(ascii: " "), 9, 10, 13:
                continue
            default: return nil
            }
        }
        if n >= 64 { return SheetParser.strtodString(String(decoding: b, as: UTF8.self)) }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buf -> Double? in
            for k in 0..<n { buf[k] = CChar(bitPattern: b[k]) }
            buf[n] = 0
            var end: UnsafeMutablePointer<CChar>?
            let d = strtod(buf.baseAddress!, &end)
            guard let end else { return nil }
            var e = end
            while e.pointee == 32 || e.pointee == 9 || e.pointee == 10 || e.pointee == 13 { e += 1 }
            // Past the double range strtod gives infinity (ERANGE), as calamine and
            // openpyxl (Rust's and Python's float parsing) read it; NaN cannot come from
            // decimal syntax.
            guard e.pointee == 0, end != buf.baseAddress!, !d.isNaN else { return nil }
            return d
        }
    }

    /// 10^0 ... 10^22, each exact (built by multiplying exact values by 10).
    private static let powersOfTen: [Double] = {
        var p = [1.0]
        for _ in 1...22 { p.append(p[p.count - 1] * 10) }
        return p
    }()

    /// `-?digits(.digits)?` whose digits, read as one integer, are at most 2^53, with
    /// at most 22 after the point; else nil (the caller falls back to strtod). Exact:
    /// that integer and 10^k (k <= 22) are exact doubles, and IEEE division rounds correctly.
    @inline(__always) static func fastDecimal(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        let n = b.count
        var i = 0
        var negative = false
        if n > 0 && b[0] == UInt8(ascii: "-") {
            negative = true
            i = 1
        }
        var mantissa = 0
        var digits = 0
        var fraction = 0
        var seenPoint = false
        let start = i
        while i < n {
            let c = b[i]
            let d = c &- 48
            if d <= 9 {
                if digits > 0 || d != 0 { digits += 1 }
                mantissa = mantissa &* 10 &+ Int(d)
                if seenPoint { fraction += 1 }
            } else if c == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else {
                return nil
            }
            i += 1
        }
        // At least one digit, not a lone point, no trailing point.
        guard i > start, digits <= 18, mantissa <= 1 << 53, fraction <= 22, b[n - 1] != UInt8(ascii: "."), !(seenPoint && n - start == 1)
        else { return nil }
        var v = Double(mantissa)
        if fraction > 0 { v /= powersOfTen[fraction] }
        return negative ? -v : v
    }

    private static func strtodString(_ s: String) -> Double? {
        let t = s.trimmingCharacters(in: " \t\r\n")
        guard let d = Double(t), !d.isNaN else { return nil }
        return d
    }

    static func parseInt(_ v: XMLBytes) -> Int? {
        guard v.count > 0, v.count <= 18 else { return nil }
        var n = 0
        for k in 0..<v.count {
            let d = v.base[k] &- 48
            guard d <= 9 else { return nil }
            n = n * 10 + Int(d)
        }
        return n
    }

    /// `B7` -> (row 6, column 1), checked against Excel's limits.
    static func parseRef(_ v: XMLBytes) -> (Int, Int)? {
        var col = 0, row = 0, k = 0
        let p = v.base
        var letters = 0
        while k < v.count {
            var u = p[k]
            if u == UInt8(ascii: "$") { k += 1; continue }
            u |= 0x20
            guard u >= UInt8(ascii: "a") && u <= UInt8(ascii: "z") else { break }
            col = col * 26 + Int(u - UInt8(ascii: "a")) + 1
            letters += 1
            k += 1
            if letters > 3 { return nil }
        }
        if k < v.count && p[k] == UInt8(ascii: "$") { k += 1 }
        var digits = 0
        while k < v.count {
            let d = p[k] &- 48
            guard d <= 9 else { return nil }
            row = row * 10 + Int(d)
            digits += 1
            k += 1
            if digits > 7 { return nil }
        }
        guard letters > 0, digits > 0, row >= 1, row <= CellRef.maxRows, col <= CellRef.maxColumns else { return nil }
        return (row - 1, col - 1)
    }

    private static func cellType(_ v: XMLBytes) -> CellType? {
        if v.equals("s") { return .shared }
        if v.equals("n") { return .number }
        if v.equals("str") { return .string }
        if v.equals("inlineStr") { return .inline }
        if v.equals("b") { return .bool }
        if v.equals("e") { return .error }
        if v.equals("d") { return .date }
        return nil
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        let chars = Set(set)
        var s = Substring(self)
        while let f = s.first, chars.contains(f) { s.removeFirst() }
        while let l = s.last, chars.contains(l) { s.removeLast() }
        return String(s)
    }
}
