#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a worksheet as CSV in the `tonghop inspect` contract: RFC 4180, UTF-8, `\n`
/// line ends; rows from 1 up to the last non-empty row, columns from A up to the last
/// non-empty column; numbers in shortest round-trip form with integral values without
/// a fraction (`3`, `0.30000000000000004`, `1e-07`); `TRUE`/`FALSE`; dates `YYYY-MM-DD`,
/// date-times `YYYY-MM-DDTHH:MM:SS`, times `HH:MM:SS`, durations `[h]:MM:SS`; errors
/// as written (`#N/A`); empty cells empty.
///
/// Streaming: the sheet is read twice (once for its extent, once to write), holding one row.
public enum CSVExport {
    /// Writes `sheet` to an open file descriptor (not closed). With `formulas`, a formula
    /// cell shows `=` and its text (the workbook must be opened with `ReadOptions.formulas`).
    public static func write(_ workbook: Workbook, sheet: SheetInfo, to fd: Int32, formulas: Bool = false) throws(XLSXError) {
        let (lastRow, lastColumn) = try extent(workbook, sheet, formulas: formulas)
        guard lastRow >= 0 else { return }
        let out = FDOutput(fd: fd)
        try ExportRows.walk(
            workbook, sheet, lastRow: lastRow,
            emptyRow: { _ throws(XLSXError) in
                for _ in 0..<lastColumn { try out.append(UInt8(ascii: ",")) }
                try out.append(UInt8(ascii: "\n"))
            },
            row: { row throws(XLSXError) in
                var col = 0
                for cell in row.cells where cell.column <= lastColumn {
                    while col < cell.column {
                        try out.append(UInt8(ascii: ","))
                        col += 1
                    }
                    if formulas, cell.hasFormula, let f = cell.formula {
                        try out.append(quote("=" + f))
                    } else {
                        try out.append(field(cell.value))
                    }
                }
                while col < lastColumn {
                    try out.append(UInt8(ascii: ","))
                    col += 1
                }
                try out.append(UInt8(ascii: "\n"))
            })
        try out.flush()
    }

    /// Writes `sheet` to a file through `AtomicFile` (a temporary file in the same folder, then renamed).
    public static func write(_ workbook: Workbook, sheet: SheetInfo, toPath path: String, formulas: Bool = false)
        throws(XLSXError)
    {
        let pending: AtomicFile.Pending
        do { pending = try AtomicFile.begin(path) } catch { throw .io("cannot create \(path): \(error.description)") }
        do {
            try write(workbook, sheet: sheet, to: pending.fd, formulas: formulas)
        } catch {
            pending.discard()
            throw error
        }
        do { try pending.commit() } catch { throw .io("cannot write \(path): \(error.description)") }
    }

    /// Most cells (rows × columns of the extent, empty ones included) written as CSV or
    /// JSON: one value at XFD1048576 in a 5 KB file would otherwise print 17 billion fields.
    public static let maxCells: Int64 = 100_000_000

    /// The last row and column (zero-based) holding a non-empty value; (-1, -1) for an empty
    /// sheet. Throws when the extent holds more than `maxCells` cells.
    static func extent(_ workbook: Workbook, _ sheet: SheetInfo, formulas: Bool) throws(XLSXError) -> (Int, Int) {
        var lastRow = -1, lastColumn = -1
        try workbook.stream(sheet, collectMerges: false) { row in
            for c in row.cells.reversed() where !c.value.isEmpty || (formulas && c.hasFormula) {
                lastRow = max(lastRow, row.index)
                lastColumn = max(lastColumn, c.column)
                break
            }
            return true
        }
        let cells = Int64(lastRow + 1) * Int64(lastColumn + 1)
        if cells > maxCells {
            let corner = CellRef(row: lastRow, column: lastColumn).description
            throw .limitExceeded(
                limit: "maxCells", detail: "sheet '\(sheet.name)' spans A1:\(corner), \(cells) cells; "
                    + "output is limited to \(maxCells) (use --stats or --sheets)", part: sheet.part)
        }
        return (lastRow, lastColumn)
    }

    /// One CSV field for a value, quoted when needed.
    public static func field(_ value: CellValue) -> String {
        switch value {
        case .string(let s): return quote(s)
        default: return text(value)
        }
    }

    /// The text of a value in the contract, unquoted.
    public static func text(_ value: CellValue) -> String {
        switch value {
        case .empty: return ""
        case .number(let d): return formatNumber(d)
        case .string(let s): return s
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .error(let e): return e.rawValue
        case .date(let d): return formatDate(d)
        }
    }

    /// Quotes a field when it holds a comma, a quote or a line break (RFC 4180).
    public static func quote(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return s }
        var out = "\""
        for ch in s.unicodeScalars {
            if ch == "\"" { out += "\"\"" } else { out.unicodeScalars.append(ch) }
        }
        out += "\""
        return out
    }

    /// Shortest round-trip text of a double; integral values (below 2^53) without a fraction.
    public static func formatNumber(_ d: Double) -> String {
        if d == d.rounded(.towardZero), abs(d) < 9_007_199_254_740_992 {
            return String(Int64(d))
        }
        return "\(d)"
    }

    /// `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS`, `HH:MM:SS`, or `[h]:MM:SS` for a duration; the
    /// serial as a number when it is outside the calendar.
    public static func formatDate(_ d: ExcelDate) -> String {
        if d.kind == .duration, d.serial.isFinite, abs(d.serial) < 1e9 {
            let total = Int((abs(d.serial) * 86_400).rounded())
            let sign = d.serial < 0 ? "-" : ""
            return "\(sign)\(pad(total / 3600, 2)):\(pad((total / 60) % 60, 2)):\(pad(total % 60, 2))"
        }
        guard let c = d.components else { return formatNumber(d.serial) }
        let date = "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
        let time = "\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))"
        switch d.kind {
        case .date: return date
        case .dateTime: return date + "T" + time
        case .time, .duration: return time
        }
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
