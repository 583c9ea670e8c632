import Foundation

/// A label folded for matching: NFC (precomposed) Vietnamese diacritics, lower case,
/// runs of whitespace (including no-break spaces and line breaks) collapsed to one space,
/// trimmed. `"Có  chi bộ"` in NFD and `"CÓ CHI BỘ"` give the same key.
public struct LabelKey: Hashable, Sendable, CustomStringConvertible {
    /// The folded text.
    public let folded: String

    /// Folds a label. ASCII text takes a byte-level path; anything else is normalised
    /// with Foundation's `precomposedStringWithCanonicalMapping` first.
    public init(_ text: some StringProtocol) {
        let s = String(text)
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            var out: [UInt8] = []
            out.reserveCapacity(s.utf8.count)
            var pendingSpace = false
            for b in s.utf8 {
                if b == 0x20 || (0x09...0x0D).contains(b) {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(0x20) }
                    pendingSpace = false
                    out.append((0x41...0x5A).contains(b) ? b | 0x20 : b)
                }
            }
            folded = String(decoding: out, as: UTF8.self)
            return
        }
        let nfc = s.precomposedStringWithCanonicalMapping.lowercased()
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for u in nfc.unicodeScalars {
            if u.properties.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(u)
            }
        }
        folded = String(out)
    }

    public var description: String { folded }
}
