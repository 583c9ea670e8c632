import Foundation

/// A label folded for matching: NFC (precomposed) Vietnamese diacritics, lower case,
/// runs of whitespace (including no-break spaces and line breaks) collapsed to one space,
/// trimmed. `"Có  chi bộ"` in NFD and `"CÓ CHI BỘ"` give the same key.
public struct LabelKey: Hashable, Sendable, CustomStringConvertible {
    /// The folded text.
    public let folded: String

    /// Folds a label. Text made only of scalars the fold table covers (below U+0300, and
    /// the precomposed Vietnamese letters U+1E00–U+1EFF) is folded byte by byte through
    /// the table; anything else is normalised with Foundation first (`folding(_:)`).
    public init(_ text: some StringProtocol) {
        let s = String(text)
        folded = LabelKey.tableFold(s) ?? LabelKey.folding(s)
    }

    public var description: String { folded }

    /// The general fold: Foundation's `precomposedStringWithCanonicalMapping` (an NSString
    /// bridge, skipped for text already NFC), `lowercased()`, whitespace collapsed.
    static func folding(_ s: String) -> String {
        // Text made only of scalars below U+0300 and of Latin Extended Additional (the
        // precomposed Vietnamese letters, U+1E00–U+1EFF) is already NFC: all of them have
        // NFC_Quick_Check=Yes and combining class 0.
        let nfc = (isKnownNFC(s) ? s : s.precomposedStringWithCanonicalMapping).lowercased()
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
        return String(out)
    }

    /// The text in NFC; Foundation's normalisation (an NSString bridge) only for text not
    /// known to be NFC already.
    static func nfc(_ s: String) -> String {
        isKnownNFC(s) ? s : s.precomposedStringWithCanonicalMapping
    }

    /// Whether every scalar is below U+0300 or in U+1E00–U+1EFF, which makes the text NFC
    /// (all of them have NFC_Quick_Check=Yes and combining class 0).
    static func isKnownNFC(_ s: String) -> Bool {
        s.utf8.allSatisfy { $0 < 0x80 }
            || s.unicodeScalars.allSatisfy { $0.value < 0x300 || (0x1E00...0x1EFF).contains($0.value) }
    }

    /// The same fold as `folding(_:)` for known-NFC text, nil for other text. `lowercased()`
    /// maps scalar by scalar (`lowercaseMapping`), so a table of each covered scalar's
    /// mapping, made from the standard library's own data, gives the same bytes.
    static func tableFold(_ s: String) -> String? {
        let table = FoldTable.shared
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        for u in s.unicodeScalars {
            guard let slot = FoldTable.slot(u.value) else { return nil }
            let entry = table.entries[slot]
            if entry.count == 0 {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(0x20) }
            pendingSpace = false
            let start = Int(entry.start)
            out.append(contentsOf: table.utf8[start..<start + Int(entry.count)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Per scalar below U+0300 and in U+1E00–U+1EFF: the UTF-8 bytes of its lower-case mapping,
/// or no bytes for whitespace. Built once per process from `Unicode.Scalar.Properties`.
struct FoldTable: Sendable {
    struct Entry: Sendable {
        var start: UInt16
        var count: UInt8
    }

    let utf8: [UInt8]
    let entries: [Entry]

    static let shared = FoldTable()

    /// The table slot of a scalar value, nil when the table does not cover it.
    @inline(__always) static func slot(_ v: UInt32) -> Int? {
        if v < 0x300 { return Int(v) }
        if v >= 0x1E00 && v < 0x1F00 { return 0x300 + Int(v - 0x1E00) }
        return nil
    }

    private init() {
        var utf8: [UInt8] = []
        var entries: [Entry] = []
        for v in Array(0..<UInt32(0x300)) + Array(UInt32(0x1E00)..<0x1F00) {
            let u = Unicode.Scalar(v)!
            if u.properties.isWhitespace {
                entries.append(Entry(start: UInt16(utf8.count), count: 0))
                continue
            }
            let bytes = Array(u.properties.lowercaseMapping.utf8)
            entries.append(Entry(start: UInt16(utf8.count), count: UInt8(bytes.count)))
            utf8.append(contentsOf: bytes)
        }
        self.utf8 = utf8
        self.entries = entries
    }
}
