/// Escapers for the three places text goes in SpreadsheetML, each appending UTF-8 bytes.
///
/// - `attribute`: `&`, `<`, `>`, `"` as entities; tab, line feed and carriage return as
///   character references so attribute-value normalisation keeps them.
/// - `text`: `&`, `<`, `>` as entities; carriage return as `&#13;`.
/// - `sharedString` (cell text in `<t>`): like `text`, plus Excel's own `_xHHHH_` escape for
///   characters XML 1.0 cannot hold (C0 controls but tab and line feed, and U+FFFE/U+FFFF,
///   carriage return too, as Excel does), and `_x005F_` before a literal `_xHHHH_` so a reader
///   does not decode it.
///
/// Characters XML cannot hold are dropped from attributes and plain text (there is no
/// escape for them there).
enum XMLEscaper {
    /// Appends `s` escaped for an attribute value (without the quotes).
    static func appendAttribute(_ s: String, to out: inout [UInt8]) {
        appendEscaped(s, attribute: true, to: &out)
    }

    /// Appends `s` escaped as element text.
    static func appendText(_ s: String, to out: inout [UInt8]) {
        appendEscaped(s, attribute: false, to: &out)
    }

    /// The escape `appendAttribute` and `appendText` share: an attribute also escapes `"`
    /// and writes tab and line feed as character references; text keeps them as they are.
    @inline(__always)
    private static func appendEscaped(_ s: String, attribute: Bool, to out: inout [UInt8]) {
        let utf8 = s.utf8
        if utf8.withContiguousStorageIfAvailable({ clean($0, attribute: attribute) }) == true {
            out.append(contentsOf: utf8)
            return
        }
        let start = out.count
        for u in utf8 {
            switch u {
            case UInt8(ascii: "&"): append("&amp;", to: &out)
            case UInt8(ascii: "<"): append("&lt;", to: &out)
            case UInt8(ascii: ">"): append("&gt;", to: &out)
            case UInt8(ascii: "\"") where attribute: append("&quot;", to: &out)
            case 0x09 where attribute: append("&#9;", to: &out)
            case 0x0A where attribute: append("&#10;", to: &out)
            case 0x0D: append("&#13;", to: &out)
            case 0x09, 0x0A: out.append(u)
            case 0..<0x20: continue
            default: out.append(u)
            }
        }
        dropNonCharacters(&out, from: start)
    }

    /// Appends `s` escaped as the text of a shared (or inline) string, `_xHHHH_` included.
    static func appendSharedString(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { appendSharedString(bytes: $0, to: &out) }
    }

    /// Appends UTF-8 `bytes` escaped as shared-string text.
    static func appendSharedString(bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        if cleanShared(bytes) {
            out.append(contentsOf: bytes)
            return
        }
        let n = bytes.count
        var i = 0
        while i < n {
            let u = bytes[i]
            switch u {
            case UInt8(ascii: "&"): append("&amp;", to: &out)
            case UInt8(ascii: "<"): append("&lt;", to: &out)
            case UInt8(ascii: ">"): append("&gt;", to: &out)
            case 0x09, 0x0A: out.append(u)
            case 0..<0x20: appendEscape(UInt32(u), to: &out)
            case UInt8(ascii: "_"):
                if isEscapeSequence(bytes, at: i) { append("_x005F_", to: &out) } else { out.append(u) }
            case 0xEF where i + 2 < n && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF):
                appendEscape(bytes[i + 2] == 0xBE ? 0xFFFE : 0xFFFF, to: &out)
                i += 2
            default: out.append(u)
            }
            i += 1
        }
    }

    /// `s` escaped for an attribute value (tests and small parts).
    static func attribute(_ s: String) -> String {
        var out: [UInt8] = []
        appendAttribute(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `s` escaped as element text.
    static func text(_ s: String) -> String {
        var out: [UInt8] = []
        appendText(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `s` escaped as shared-string text.
    static func sharedString(_ s: String) -> String {
        var out: [UInt8] = []
        appendSharedString(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - helpers

    @inline(__always)
    private static func append(_ s: StaticString, to out: inout [UInt8]) {
        s.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// True when nothing in `b` needs escaping (the common case; one pass, no copy).
    private static func clean(_ b: UnsafeBufferPointer<UInt8>, attribute: Bool) -> Bool {
        for u in b {
            if u < 0x20 || u == UInt8(ascii: "&") || u == UInt8(ascii: "<") || u == UInt8(ascii: ">")
                || u == 0xEF
            {
                return false
            }
            if attribute && u == UInt8(ascii: "\"") { return false }
        }
        return true
    }

    private static func cleanShared(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        for u in b {
            if (u < 0x20 && u != 0x09 && u != 0x0A) || u == UInt8(ascii: "&") || u == UInt8(ascii: "<")
                || u == UInt8(ascii: ">") || u == UInt8(ascii: "_") || u == 0xEF
            {
                return false
            }
        }
        return true
    }

    /// True when `_xHHHH_` (four hex digits, either case) starts at `i`.
    private static func isEscapeSequence(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i + 6 < b.count, b[i + 1] == UInt8(ascii: "x") || b[i + 1] == UInt8(ascii: "X"),
            b[i + 6] == UInt8(ascii: "_")
        else { return false }
        for k in 2...5 {
            switch b[i + k] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
                UInt8(ascii: "A")...UInt8(ascii: "F"):
                continue
            default: return false
            }
        }
        return true
    }

    private static func appendEscape(_ v: UInt32, to out: inout [UInt8]) {
        let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
        append("_x", to: &out)
        for shift in stride(from: 12, through: 0, by: -4) {
            out.append(hex[Int((v >> UInt32(shift)) & 0xF)])
        }
        out.append(UInt8(ascii: "_"))
    }

    /// Removes U+FFFE and U+FFFF (EF BF BE / EF BF BF), which XML 1.0 cannot hold.
    private static func dropNonCharacters(_ out: inout [UInt8], from start: Int) {
        guard out.count - start >= 3 else { return }
        var i = start
        var w = start
        let n = out.count
        while i < n {
            if out[i] == 0xEF && i + 2 < n && out[i + 1] == 0xBF && (out[i + 2] == 0xBE || out[i + 2] == 0xBF) {
                i += 3
                continue
            }
            out[w] = out[i]
            w += 1
            i += 1
        }
        out.removeLast(n - w)
    }
}
