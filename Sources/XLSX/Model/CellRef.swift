/// A cell address: zero-based row and column, printed in A1 style.
public struct CellRef: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Zero-based row (row 1 in A1 is 0).
    public var row: Int
    /// Zero-based column (column A is 0).
    public var column: Int

    /// Excel's limits: 1,048,576 rows and 16,384 columns (XFD).
    public static let maxRows = 1_048_576
    public static let maxColumns = 16_384

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses `B7`, `$B$7` or `xfd1048576`; nil when malformed or beyond Excel's limits.
    public init?(_ a1: some StringProtocol) {
        var col = 0, row = 0, letters = 0, digits = 0
        var seenDigit = false
        for u in a1.utf8 {
            switch u {
            case UInt8(ascii: "$"): continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                if seenDigit { return nil }
                letters += 1
                if letters > 3 { return nil }
                col = col * 26 + Int((u | 0x20) - UInt8(ascii: "a")) + 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                seenDigit = true
                digits += 1
                if digits > 7 { return nil }
                row = row * 10 + Int(u - UInt8(ascii: "0"))
            default: return nil
            }
        }
        guard letters > 0, digits > 0, row >= 1, row <= CellRef.maxRows, col <= CellRef.maxColumns
        else { return nil }
        self.row = row - 1
        self.column = col - 1
    }

    /// The column letters of a zero-based column index (`0` -> `A`, `16383` -> `XFD`).
    public static func columnName(_ column: Int) -> String {
        var n = column + 1
        var chars: [UInt8] = []
        while n > 0 {
            let r = (n - 1) % 26
            chars.append(UInt8(ascii: "A") + UInt8(r))
            n = (n - 1) / 26
        }
        return String(decoding: chars.reversed(), as: UTF8.self)
    }

    /// `B7`.
    public var description: String { CellRef.columnName(column) + String(row + 1) }

    public static func < (a: CellRef, b: CellRef) -> Bool {
        (a.row, a.column) < (b.row, b.column)
    }
}

/// A rectangular range of cells, inclusive on both ends, printed `A1:C3` (or `A1` for one cell).
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    public var first: CellRef
    public var last: CellRef

    public init(first: CellRef, last: CellRef) {
        self.first = CellRef(row: min(first.row, last.row), column: min(first.column, last.column))
        self.last = CellRef(row: max(first.row, last.row), column: max(first.column, last.column))
    }

    /// Parses `A1:C3` or `B7`.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2, let a = CellRef(parts[0]) else { return nil }
        guard let b = parts.count == 2 ? CellRef(parts[1]) : a else { return nil }
        self.init(first: a, last: b)
    }

    public func contains(_ ref: CellRef) -> Bool {
        ref.row >= first.row && ref.row <= last.row && ref.column >= first.column
            && ref.column <= last.column
    }

    public var description: String {
        first == last ? first.description : "\(first):\(last)"
    }
}
