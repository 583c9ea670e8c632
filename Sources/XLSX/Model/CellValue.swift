/// The value of one cell, as read from or written to a workbook.
///
/// Dates are not guessed from numbers: the reader returns `.date` only when the
/// cell's style says so (or the cell is `t="d"`), keeping the serial and the date
/// system so the original number is never lost.
public enum CellValue: Equatable, Hashable, Sendable {
    /// No value (a styled blank, or a cell that is absent).
    case empty
    /// A number (Excel stores every number as a double).
    case number(Double)
    /// Text (shared, inline or a formula's string result).
    case string(String)
    /// TRUE or FALSE.
    case bool(Bool)
    /// An error value such as `#N/A`, kept as an error, never as a blank.
    case error(CellError)
    /// A date, date-time, time or duration: a serial number whose style is a date format.
    case date(ExcelDate)

    /// True for `.empty`, and for a string of length zero.
    public var isEmpty: Bool {
        switch self {
        case .empty: return true
        case .string(let s): return s.isEmpty
        default: return false
        }
    }

    /// The number behind the value: numbers, and dates as their serial.
    public var numericValue: Double? {
        switch self {
        case .number(let d): return d
        case .date(let d): return d.serial
        default: return nil
        }
    }
}

/// Excel's error values.
public enum CellError: String, CaseIterable, Hashable, Sendable {
    case null = "#NULL!"
    case div0 = "#DIV/0!"
    case value = "#VALUE!"
    case ref = "#REF!"
    case name = "#NAME?"
    case num = "#NUM!"
    case na = "#N/A"
    case gettingData = "#GETTING_DATA"
    case spill = "#SPILL!"
    case calc = "#CALC!"
    case field = "#FIELD!"
    case blocked = "#BLOCKED!"
    case connect = "#CONNECT!"
    case unknown = "#UNKNOWN!"
    case busy = "#BUSY!"
    case python = "#PYTHON!"
}
