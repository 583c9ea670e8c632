import Foundation
import XLSX

/// Reads a raw cell as the type its spec asks for, the way a clerk meant it:
/// `"1.873"` is 1873, `"93,65%"` is 0.9365, `"Có"` is true, `"17/11/2016"` is a date.
enum FieldReader {
    /// What reading one cell gave.
    enum Reading: Sendable, Hashable {
        /// Nothing there (empty, spaces, or a dash in a numeric cell).
        case blank
        /// A typed value; `fromText` when a number or date was typed as text.
        case value(CellValue, fromText: Bool)
        /// A formula whose cached value is missing (the file was never recalculated).
        case formulaWithoutValue
        /// An error value such as `#DIV/0!`.
        case error(CellError)
        /// Not readable as the type: `found` is what the cell shows.
        case wrongType(found: String)
    }

    /// `system` is the workbook's date system, for a plain number typed into a date field.
    static func read(_ cell: SheetCell, as type: FieldType, system: ExcelDate.System = .d1900) -> Reading {
        let raw = cell.value
        if case .error(let e) = raw { return .error(e) }
        if raw.isBlankText { return cell.hasFormula ? .formulaWithoutValue : .blank }
        switch type {
        case .integer, .number, .percent:
            switch raw {
            case .number(let d):
                if type == .integer && d != d.rounded() { return .wrongType(found: Value.format(d)) }
                return .value(.number(d), fromText: false)
            case .string(let s):
                let t = trimmed(s)
                if ["-", "—", "–", "x", "X"].contains(t) { return .blank }
                guard let (d, percent) = parseNumber(t, integer: type == .integer) else { return .wrongType(found: s) }
                let v = percent ? FieldReader.percent(d) : d
                if type == .integer && v != v.rounded() { return .wrongType(found: s) }
                return .value(.number(v), fromText: true)
            case .date(let d): return .wrongType(found: Value.formatDate(d.serial))
            case .bool(let b): return .wrongType(found: b ? "TRUE" : "FALSE")
            default: return .wrongType(found: "\(raw)")
            }
        case .text, .code:
            switch raw {
            case .string(let s): return .value(.string(trimmed(s)), fromText: false)
            case .number(let d): return .value(.string(Value.format(d)), fromText: false)
            case .date(let d): return .value(.string(Value.formatDate(d.serial)), fromText: false)
            case .bool(let b): return .value(.string(b ? "TRUE" : "FALSE"), fromText: false)
            default: return .wrongType(found: "\(raw)")
            }
        case .date:
            switch raw {
            case .date(let d):
                return .value(.date(d), fromText: false)
            case .number(let d) where d >= 1:
                // A serial without a date format: the value is right, only the display is not.
                // The reader's own conversion moves a 1904-system serial (none here).
                guard let date = ExcelDate(cellSerial: d.rounded(.down), format: .date, system: system) else {
                    return .wrongType(found: Value.format(d))
                }
                return .value(.date(date), fromText: false)
            case .string(let s):
                guard let serial = parseDate(s) else { return .wrongType(found: s) }
                return .value(.date(ExcelDate(serial: serial)), fromText: true)
            case .number(let d): return .wrongType(found: Value.format(d))
            case .bool(let b): return .wrongType(found: b ? "TRUE" : "FALSE")
            default: return .wrongType(found: "\(raw)")
            }
        case .boolean:
            switch raw {
            case .bool(let b): return .value(.bool(b), fromText: false)
            case .number(let d) where d == 0 || d == 1: return .value(.bool(d == 1), fromText: false)
            case .string(let s):
                guard let b = parseBool(s) else { return .wrongType(found: s) }
                return .value(.bool(b), fromText: false)
            case .number(let d): return .wrongType(found: Value.format(d))
            case .date(let d): return .wrongType(found: Value.formatDate(d.serial))
            default: return .wrongType(found: "\(raw)")
            }
        }
    }

    /// d / 100 as the double nearest the decimal result (`93.65` gives exactly `0.9365`).
    static func percent(_ d: Double) -> Double {
        Double("\(d)e-2") ?? d / 100
    }

    /// `s.trimmingCharacters(in: .whitespacesAndNewlines)` without Foundation's NSString
    /// bridge (a tenth of validation time). That set is the Unicode White_Space property
    /// (categories Z*, U+0009–U+000D, U+0085), which `isWhitespace` tests, plus U+200B
    /// (zero width space), which Foundation on Linux also trims; a test compares the two.
    static func trimmed(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.first, let last = scalars.last, isTrimmed(first) || isTrimmed(last) else { return s }
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end && isTrimmed(scalars[start]) { start = scalars.index(after: start) }
        while end > start && isTrimmed(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }

    private static func isTrimmed(_ u: Unicode.Scalar) -> Bool { isWhitespace(u) || u.value == 0x200B }

    /// `u.properties.isWhitespace` (Unicode White_Space), answered without the property
    /// lookup for scalars below U+0100, where it is U+0009–U+000D, U+0020, U+0085 and U+00A0.
    @inline(__always) static func isWhitespace(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0: return true
        case 0..<0x100: return false
        default: return u.properties.isWhitespace
        }
    }

    /// Booleans as clerks write them.
    static func parseBool(_ s: String) -> Bool? {
        switch LabelKey(s).folded {
        case "có", "co", "x", "true", "đúng", "yes", "y", "1", "✓", "✔": return true
        case "không", "khong", "false", "sai", "no", "n", "0", "-": return false
        default: return nil
        }
    }

    /// A number typed as text, Vietnamese or English style: `1.873`, `1 873`, `93,65%`,
    /// `1,873,000`, `2.5`, `-12`. Returns the number and whether it had a `%` sign.
    /// One `,` is a decimal comma (Vietnamese), except in an integer field where `1,873` is 1873.
    static func parseNumber(_ text: String, integer: Bool) -> (Double, Bool)? {
        var s = text.filter { !$0.isWhitespace && $0 != "\u{202F}" && $0 != "\u{00A0}" }
        var percent = false
        if s.hasSuffix("%") {
            percent = true
            s.removeLast()
        }
        var negative = false
        if s.hasPrefix("-") || s.hasPrefix("−") {
            negative = true
            s.removeFirst()
        } else if s.hasPrefix("+") {
            s.removeFirst()
        }
        guard !s.isEmpty, s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }),
            s.first!.isNumber, s.last!.isNumber
        else { return nil }
        let dots = s.filter { $0 == "." }.count, commas = s.filter { $0 == "," }.count
        func grouped(_ sep: Character) -> Bool {
            let parts = s.split(separator: sep, omittingEmptySubsequences: false)
            return parts.count > 1 && (1...3).contains(parts[0].count) && parts.dropFirst().allSatisfy { $0.count == 3 }
        }
        var normal: String
        if dots > 0 && commas > 0 {
            let lastDot = s.lastIndex(of: ".")!, lastComma = s.lastIndex(of: ",")!
            let (thousands, decimal): (Character, Character) = lastDot > lastComma ? (",", ".") : (".", ",")
            guard s.filter({ $0 == decimal }).count == 1 else { return nil }
            let parts = s.split(separator: decimal)
            let intPart = String(parts[0])
            let groups = intPart.split(separator: thousands, omittingEmptySubsequences: false)
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            normal = intPart.replacingOccurrences(of: String(thousands), with: "") + "." + parts[1]
        } else if dots > 0 {
            if grouped(".") && (dots > 1 || !percent) {
                normal = s.replacingOccurrences(of: ".", with: "")  // 1.873 (Vietnamese thousands)
            } else if dots == 1 {
                normal = s  // 2.5
            } else {
                return nil
            }
        } else if commas > 0 {
            if commas > 1 {
                guard grouped(",") else { return nil }
                normal = s.replacingOccurrences(of: ",", with: "")  // 1,873,000
            } else if integer && grouped(",") {
                normal = s.replacingOccurrences(of: ",", with: "")  // 1,873 in an integer field
            } else {
                normal = s.replacingOccurrences(of: ",", with: ".")  // 93,65 (Vietnamese decimal comma)
            }
        } else {
            normal = s
        }
        guard let d = Double(normal) else { return nil }
        // Percent: the caller divides by 100; keep the digits exact (0.9365, not 0.9365000000000001).
        return (negative ? -d : d, percent)
    }

    /// A date typed as text: `17/11/2016`, `17-11-2016`, `17.11.2016`, `2016-11-17`. Day first.
    static func parseDate(_ text: String) -> Double? {
        let s = text.trimmingCharacters(in: .whitespaces)
        let parts = s.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
        guard parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { return nil }
        let (y, m, d) = parts[0].count == 4 ? (a, b, c) : (c, b, a)
        guard y >= 1900, ExcelDate.isValid(year: y, month: m, day: d) else { return nil }
        return ExcelDate.serial(year: y, month: m, day: d)
    }
}
