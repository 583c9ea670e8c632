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
        // Text made only of scalars below U+0300 and of Latin Extended Additional (the
        // precomposed Vietnamese letters, U+1E00–U+1EFF) is already NFC: all of them have
        // NFC_Quick_Check=Yes and combining class 0. Only other text goes through
        // Foundation's normalisation, which bridges to NSString and was the hottest part.
        let isNFC = s.unicodeScalars.allSatisfy { $0.value < 0x300 || (0x1E00...0x1EFF).contains($0.value) }
        let nfc = (isNFC ? s : s.precomposedStringWithCanonicalMapping).lowercased()
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
