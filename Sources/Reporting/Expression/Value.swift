import XLSX

/// A value while evaluating an expression. `missing` is a blank cell or an absent
/// indicator: it propagates through arithmetic and makes a comparison unknown.
enum Value: Sendable, Hashable {
    case number(Double)
    /// An Excel serial in the 1900 date system.
    case date(Double)
    case bool(Bool)
    case text(String)
    case duration(Expr.Duration)
    case missing

    /// The value of a typed cell (dates are already in the 1900 system: `ExcelDate`).
    init(_ cell: CellValue) {
        switch cell {
        case .empty: self = .missing
        case .number(let d): self = .number(d)
        case .string(let s): self = s.isEmpty ? .missing : .text(s)
        case .bool(let b): self = .bool(b)
        case .error: self = .missing
        case .date(let d): self = .date(d.serial)
        }
    }

    /// How the value is shown in an issue: `821`, `0.7771`, `17/11/2016`, `Có`.
    var display: String {
        switch self {
        case .number(let d): return Value.format(d)
        case .date(let s): return Value.formatDate(s)
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .text(let s): return s
        case .duration(let d):
            return [d.years != 0 ? "\(d.years) years" : nil, d.months != 0 ? "\(d.months) months" : nil,
                d.days != 0 ? "\(d.days) days" : nil].compactMap { $0 }.joined(separator: " ")
        case .missing: return ""
        }
    }

    /// A number without trailing zeros, at most 6 decimals, `.` as the decimal point.
    static func format(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
        var s = String(format: "%.6f", d)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// `dd/mm/yyyy`, as Vietnamese forms write dates.
    static func formatDate(_ serial: Double) -> String {
        guard let c = ExcelDate(serial: serial).components else { return Value.format(serial) }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(c.day))/\(two(c.month))/\(c.year)"
    }
}
