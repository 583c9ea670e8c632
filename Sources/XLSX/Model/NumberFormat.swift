/// Tells from a number format whether a number is a date, a time, a date-time or a
/// duration. Dates are never guessed from values, only from formats.
public enum NumberFormat {
    /// The kind of date a built-in format id shows, or nil when it is not a date format.
    /// Ids 14–22, 27–36, 45–47 and 50–58 (the CJK ids 27–36 and 50–58 are locale dates and times).
    public static func dateKind(builtinID id: Int) -> ExcelDate.Kind? {
        switch id {
        case 14...17, 27...31, 36, 50, 51, 54, 57, 58: return .date
        case 18...21, 32...35, 45, 47, 52, 53, 55, 56: return .time
        case 22: return .dateTime
        case 46: return .duration
        default: return nil
        }
    }

    /// The built-in format codes (the ones that are not locale dependent).
    public static func builtinCode(_ id: Int) -> String? {
        builtinCodes[id]
    }

    /// The kind of date a custom format code shows, or nil when it is not a date format.
    ///
    /// Only the first section counts. Quoted text, `\` escapes, `_`/`*` fills and
    /// bracketed parts (`[Red]`, `[$-42A]`, `[>100]`) are skipped; `[h]`, `[m]`, `[s]`
    /// make it a duration. `y`/`d` (and `m` without `h`/`s`) mark a date; `h`, `s`,
    /// `AM/PM` a time.
    public static func dateKind(code: String) -> ExcelDate.Kind? {
        let b = Array(code.utf8)
        var i = 0
        var hasDate = false, hasTime = false, hasMonthOrMinute = false, duration = false
        var hasDigitPlaceholder = false
        while i < b.count {
            let c = b[i]
            switch c {
            case UInt8(ascii: ";"):
                i = b.count
                continue
            case UInt8(ascii: "\""):
                i += 1
                while i < b.count && b[i] != UInt8(ascii: "\"") { i += 1 }
            case UInt8(ascii: "\\"), UInt8(ascii: "_"), UInt8(ascii: "*"):
                i += 1
            case UInt8(ascii: "["):
                var j = i + 1
                while j < b.count && b[j] != UInt8(ascii: "]") { j += 1 }
                let inner = b[min(i + 1, b.count)..<min(j, b.count)].map { $0 | 0x20 }
                if !inner.isEmpty,
                    inner.allSatisfy({ $0 == UInt8(ascii: "h") || $0 == UInt8(ascii: "m") || $0 == UInt8(ascii: "s") })
                {
                    duration = true
                }
                i = j
            case UInt8(ascii: "0"), UInt8(ascii: "#"), UInt8(ascii: "?"):
                hasDigitPlaceholder = true
            default:
                let l = c | 0x20
                if l == UInt8(ascii: "g"), i + 7 <= b.count,
                    String(decoding: b[i..<i + 7], as: UTF8.self).lowercased() == "general"
                {
                    i += 7
                    continue
                }
                if l == UInt8(ascii: "a"), i + 5 <= b.count {
                    let s = String(decoding: b[i..<i + 5], as: UTF8.self).uppercased()
                    if s == "AM/PM" { hasTime = true; i += 5; continue }
                }
                if l == UInt8(ascii: "a"), i + 3 <= b.count,
                    String(decoding: b[i..<i + 3], as: UTF8.self).uppercased() == "A/P"
                {
                    hasTime = true
                    i += 3
                    continue
                }
                switch l {
                case UInt8(ascii: "y"), UInt8(ascii: "d"): hasDate = true
                case UInt8(ascii: "h"), UInt8(ascii: "s"): hasTime = true
                case UInt8(ascii: "m"): hasMonthOrMinute = true
                default: break
                }
            }
            i += 1
        }
        if duration { return .duration }
        if hasMonthOrMinute && !hasTime { hasDate = true }
        if !hasDate && !hasTime { return nil }
        // A format with digit placeholders but no date letters besides them is a number.
        if hasDigitPlaceholder && !hasDate && !hasTime { return nil }
        if hasDate && hasTime { return .dateTime }
        return hasDate ? .date : .time
    }

    private static let builtinCodes: [Int: String] = [
        0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%",
        11: "0.00E+00", 12: "# ?/?", 13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm",
        17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss",
        22: "m/d/yy h:mm", 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)",
        40: "#,##0.00;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0",
        49: "@",
    ]
}
