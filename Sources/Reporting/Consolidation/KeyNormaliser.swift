import Foundation
import XLSX

/// Turns cell values into comparison keys, sort keys and display text, the same way
/// everywhere in consolidation.
enum KeyNormaliser {
    /// The identity key of a value: text in Unicode NFC, lower-cased, spaces trimmed and
    /// collapsed (diacritics kept: `Hùng` and `Hưng` are different people); a date by
    /// calendar day; a whole number without decimals. Empty for a blank.
    static func key(_ v: CellValue) -> String {
        switch v {
        case .empty: return ""
        case .string(let s): return collapse(s.precomposedStringWithCanonicalMapping.lowercased())
        case .number(let d): return "n:" + number(d)
        case .date(let d): return "d:" + String(Int(d.serial.rounded(.down)))
        case .bool(let b): return b ? "b:1" : "b:0"
        case .error(let e): return "e:" + e.rawValue
        }
    }

    /// A sort key that orders Vietnamese text close to the dictionary: letters without
    /// their marks first (`đ` as `d`), then the marked text to break ties; numbers and
    /// dates by value.
    static func collationKey(_ v: CellValue) -> String {
        switch v {
        case .string(let s):
            let lower = collapse(s.precomposedStringWithCanonicalMapping.lowercased())
            return fold(lower) + "\u{1}" + lower
        case .number(let d): return sortableNumber(d)
        case .date(let d): return sortableNumber(d.serial)
        default: return key(v)
        }
    }

    /// How a value is shown in an issue or a text cell: dates `dd/mm/yyyy`, whole numbers
    /// without decimals, booleans as `Có`/`Không`.
    static func display(_ v: CellValue) -> String {
        switch v {
        case .empty: return ""
        case .string(let s): return s
        case .number(let d): return number(d)
        case .bool(let b): return b ? "Có" : "Không"
        case .error(let e): return e.rawValue
        case .date(let d):
            guard let c = d.components else { return number(d.serial) }
            return pad(c.day) + "/" + pad(c.month) + "/" + String(c.year)
        }
    }

    static func number(_ d: Double) -> String {
        if d.rounded() == d, abs(d) < 1e15 { return String(Int64(d)) }
        return String(d)
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    private static func sortableNumber(_ d: Double) -> String {
        // Fixed width so that text comparison orders by value (non-negative values are the norm).
        let scaled = Int64((max(d, 0) * 1_000).rounded())
        let s = String(scaled)
        return String(repeating: "0", count: max(0, 19 - s.count)) + s
    }

    private static func collapse(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Drops combining marks and maps `đ` to `d`.
    private static func fold(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch u.value {
            case 0x0300...0x036F: continue
            case 0x0111: out.append("d")
            case 0x0110: out.append("D")
            default: out.append(u)
            }
        }
        return String(out)
    }
}
