import Foundation

/// A label folded for matching: NFC (precomposed) Vietnamese diacritics, lower case,
/// runs of whitespace (including no-break spaces and line breaks) collapsed to one space,
/// trimmed. `"Có  chi bộ"` in NFD and `"CÓ CHI BỘ"` give the same key.
public struct LabelKey: Hashable, Sendable, CustomStringConvertible {
    /// The folded text.
    public let folded: String

    /// Folds a label.
    public init(_ text: some StringProtocol) {
        let nfc = String(text).precomposedStringWithCanonicalMapping.lowercased()
        var out = ""
        out.reserveCapacity(nfc.count)
        var pendingSpace = false
        for ch in nfc {
            if ch.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(ch)
            }
        }
        folded = out
    }

    public var description: String { folded }
}
