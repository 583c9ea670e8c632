#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a worksheet as CSV in the `tonghop inspect` contract: RFC 4180, UTF-8, `\n`
/// line ends; rows from 1 up to the last non-empty row, columns from A up to the last
/// non-empty column; numbers in shortest round-trip form with integral values below
/// 10^16 without a fraction (`3`, `9007199254740992`, `0.30000000000000004`, `1e-07`,
/// `1e+16`, `inf` for a `<v>` past the double range); `TRUE`/`FALSE`; dates
/// `YYYY-MM-DD`, date-times `YYYY-MM-DDTHH:MM:SS`, times `HH:MM:SS`, durations
/// `[h]:MM:SS`; errors as written (`#N/A`); empty cells empty.
///
/// Dates and times: the number format decides the kind (number, date, duration), the
/// value decides the text, so nothing the value holds is dropped: a date-only format on
/// `45306.4375` prints `2024-01-15T10:30:00`; a time-only format on a serial >= 1 keeps
/// the date; a serial in [0, 1) under a date format (1900 system) is a time of day
/// (`12:00:00` for 0.5, never `1900-01-00`); a date-time whose time is midnight prints
/// the date alone (`2024-01-15`); seconds round half up; `t="d"` cells print the
/// calendar fields of their text by the same rule. Serial 60 is 1900-02-29 (1900
/// system); 1904-system serial 0 is 1904-01-01. See docs/READER.md.
///
/// Streaming: the sheet is read twice (once for its extent, once to write), holding one row.
public enum CSVExport {
    /// Writes `sheet` to an open file descriptor (not closed). With `formulas`, a formula
    /// cell shows `=` and its text (the workbook must be opened with `ReadOptions.formulas`).
    public static func write(_ workbook: Workbook, sheet: SheetInfo, to fd: Int32, formulas: Bool = false) throws(XLSXError) {
        let (lastRow, lastColumn, ordered) = try extent(workbook, sheet, formulas: formulas)
        guard lastRow >= 0 else { return }
        let out = FDOutput(fd: fd)
        try ExportRows.walk(
            workbook, sheet, lastRow: lastRow, ordered: ordered,
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
    /// sheet; and whether the rows came in ascending order. Throws when the extent holds
    /// more than `maxCells` cells.
    static func extent(_ workbook: Workbook, _ sheet: SheetInfo, formulas: Bool) throws(XLSXError) -> (Int, Int, Bool) {
        var lastRow = -1, lastColumn = -1
        var previous = -1, ordered = true
        try workbook.stream(sheet, collectMerges: false) { row in
            if row.index <= previous { ordered = false }
            previous = row.index
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
        return (lastRow, lastColumn, ordered)
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

    /// Shortest round-trip text of a double (the digits Python's `repr` gives, so the
    /// same number as calamine and openpyxl read), with integral values below 10^16
    /// written without a fraction or exponent (`3`, `9007199254740992`) and larger ones
    /// in the shortest form (`1e+16`); `inf` / `-inf` for a `<v>` beyond the double range
    /// (read as strtod does: it overflows to infinity), `nan` never occurs (not read).
    public static func formatNumber(_ d: Double) -> String {
        if d == d.rounded(.towardZero), abs(d) < 1e16 {
            return String(Int64(d))
        }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        return "\(d)"
    }

    /// The text of a date-typed value by its kind (decided where the cell was read, see
    /// `ExcelDate(cellSerial:format:system:)`: the number format decides the kind, the
    /// value the text): `YYYY-MM-DD` for a date (also a date-time format whose time is
    /// midnight, and a date-only format keeps a time it holds as a date-time),
    /// `YYYY-MM-DDTHH:MM:SS`, `HH:MM:SS` for a time of day (a serial in [0, 1): a
    /// time-only format on a serial >= 1 keeps the date), `[h]:MM:SS` for a duration
    /// (hours unbounded, `-` before a negative one). Seconds are rounded half up to whole
    /// seconds, as Excel shows them. The serial as a number when it is outside the
    /// calendar (0001-01-01 ... 9999-12-31). See docs/READER.md, "Dates and times".
    public static func formatDate(_ d: ExcelDate) -> String {
        if d.kind == .duration, d.serial.isFinite, abs(d.serial) < 1e9 {
            let total = ExcelDate.wholeSeconds(abs(d.serial))
            let sign = d.serial < 0 && total > 0 ? "-" : ""
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
