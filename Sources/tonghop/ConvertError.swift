import XLSX

/// What can go wrong converting.
enum ConvertError: Error, CustomStringConvertible {
    /// The CSV file cannot be read (`CSVReader`).
    case csv(CSVReadError)
    case tooManyRows(String, line: Int)
    case tooManyColumns(String, line: Int)
    case unknownColumn(String)
    case write(String, XLSXWriteError)

    var file: String {
        switch self {
        case .csv(let e): return e.path
        case .tooManyRows(let p, _), .tooManyColumns(let p, _), .write(let p, _):
            return p
        case .unknownColumn: return ""
        }
    }

    var description: String {
        switch self {
        case .csv(let e): return e.description
        case .tooManyRows(_, let line): return "more than Excel's 1,048,576 rows [line \(line)]"
        case .tooManyColumns(_, let line): return "more than Excel's 16,384 columns [line \(line)]"
        case .unknownColumn(let c): return "--text-columns: no column '\(c)' (give letters like A,C or header names)"
        case .write(_, let e): return e.description
        }
    }
}

