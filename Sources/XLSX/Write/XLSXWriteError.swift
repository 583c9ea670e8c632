/// Why a workbook could not be written. Each case says where: the sheet, the cell or
/// range, the defined name, or the file path.
public enum XLSXWriteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A sheet name Excel refuses: empty, longer than 31 characters, with `[]:*?/\`, or
    /// starting or ending with an apostrophe.
    case invalidSheetName(String, reason: String)
    /// Two sheets whose names differ only in case (Excel compares them case-insensitively).
    case duplicateSheetName(String)
    /// A cell beyond 1,048,576 rows × 16,384 columns (or a negative index).
    case cellOutOfRange(sheet: String, row: Int, column: Int)
    /// Text longer than Excel's 32,767 characters (UTF-16 units) in one cell.
    case textTooLong(sheet: String, cell: String, length: Int)
    /// A number Excel cannot store (NaN or infinite).
    case invalidNumber(sheet: String, cell: String)
    /// Two merged ranges that overlap (Excel would repair the file).
    case overlappingMerge(sheet: String, CellRange, CellRange)
    /// A data validation Excel would reject (a list over 255 characters, an item with a comma...).
    case invalidValidation(sheet: String, range: String, reason: String)
    /// A chart with no series, a series without a cell range, a bad colour or placement.
    case invalidChart(sheet: String, reason: String)
    /// A defined name that is malformed or defined twice.
    case invalidDefinedName(String, reason: String)
    /// A streaming-sheet setting that must come before the first row (freeze panes,
    /// column widths, fit-to-page), set after rows were written.
    case tooLate(sheet: String, setting: String)
    /// More than Excel's 64,000 distinct cell formats.
    case tooManyStyles(count: Int)
    /// A workbook with no sheet (Excel requires one).
    case noSheets
    /// A file could not be created, written or renamed.
    case io(path: String, message: String)
    /// The deflate stream failed.
    case compression(String)

    public var description: String {
        switch self {
        case .invalidSheetName(let n, let reason): return "invalid sheet name: \(reason) [\(n)]"
        case .duplicateSheetName(let n): return "duplicate sheet name (names ignore case) [\(n)]"
        case .cellOutOfRange(let s, let r, let c):
            return "cell outside 1,048,576 rows x 16,384 columns (row \(r + 1), column \(c + 1)) [\(s)]"
        case .textTooLong(let s, let cell, let n):
            return "text of \(n) characters is over Excel's 32,767 a cell [\(s)!\(cell)]"
        case .invalidNumber(let s, let cell): return "number is NaN or infinite [\(s)!\(cell)]"
        case .overlappingMerge(let s, let a, let b): return "merged ranges \(a) and \(b) overlap [\(s)]"
        case .invalidValidation(let s, let r, let reason): return "invalid data validation: \(reason) [\(s)!\(r)]"
        case .invalidChart(let s, let reason): return "invalid chart: \(reason) [\(s)]"
        case .invalidDefinedName(let n, let reason): return "invalid defined name: \(reason) [\(n)]"
        case .tooLate(let s, let what): return "\(what) must be set before the first row is written [\(s)]"
        case .tooManyStyles(let n): return "\(n) distinct cell formats, over Excel's 64,000 [xl/styles.xml]"
        case .noSheets: return "a workbook needs at least one sheet [xl/workbook.xml]"
        case .io(let p, let m): return "\(m) [\(p)]"
        case .compression(let m): return "deflate failed: \(m)"
        }
    }
}
