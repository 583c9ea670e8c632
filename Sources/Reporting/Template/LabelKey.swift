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

    /// One key for a combination of parts (commune + village): each part's folded text
    /// prefixed with its length in bytes, so that no two different lists of parts give the
    /// same key whatever the parts hold. Folded parts are NFC, and so is the join.
    init(joining parts: [LabelKey]) {
        var s = ""
        for p in parts {
            s += String(p.folded.utf8.count)
            s += ":"
            s += p.folded
        }
        folded = s
    }

    public var description: String { folded }

    /// Keys are compared and hashed as UTF-8 bytes: `folded` is always NFC, so byte
    /// equality is canonical equivalence, without the normalising walk `String` hashing
    /// does over non-ASCII text (most keys are Vietnamese).
    public static func == (a: LabelKey, b: LabelKey) -> Bool { ExactText(a.folded) == ExactText(b.folded) }

    public func hash(into hasher: inout Hasher) { ExactText(folded).hash(into: &hasher) }

    /// The general fold: Foundation's `precomposedStringWithCanonicalMapping` (an NSString
    /// bridge, skipped for text already NFC), `lowercased()`, whitespace collapsed, and NFC
    /// again when lower-casing left text that is not known NFC (keys compare as bytes).
    static func folding(_ s: String) -> String {
        let folded = lowerCollapsed(s)
        return isKnownNFC(folded) ? folded : folded.precomposedStringWithCanonicalMapping
    }

    private static func lowerCollapsed(_ s: String) -> String {
        let nfc = LabelKey.nfc(s).lowercased()
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
    /// mapping, made from the standard library's own data, gives the same bytes. Works on
    /// the UTF-8 bytes: a covered scalar is one byte, two bytes below U+0300, or
    /// `E1 B8..BB xx` (U+1E00–U+1EFF).
    static func tableFold(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { src -> String? in
            let table = FoldTable.shared
            var covered = true
            let folded = table.utf8.withUnsafeBufferPointer { map in
                table.entries.withUnsafeBufferPointer { entries in
                    String(unsafeUninitializedCapacity: src.count * FoldTable.maxGrowth) { out -> Int in
                        var i = 0, o = 0
                        var pendingSpace = false
                        let n = src.count
                        while i < n {
                            let b0 = src[i]
                            let slot: Int
                            if b0 < 0x80 {
                                slot = Int(b0)
                                i += 1
                            } else if b0 & 0xE0 == 0xC0 && i + 1 < n {
                                let v = Int(b0 & 0x1F) << 6 | Int(src[i + 1] & 0x3F)
                                guard v < 0x300 else { covered = false; return 0 }
                                slot = v
                                i += 2
                            } else if b0 == 0xE1 && i + 2 < n && (0xB8...0xBB).contains(src[i + 1]) {
                                slot = 0x300 + (Int(src[i + 1] & 0x03) << 6 | Int(src[i + 2] & 0x3F))
                                i += 3
                            } else {
                                covered = false
                                return 0
                            }
                            let entry = entries[slot]
                            if entry.count == 0 {
                                pendingSpace = o > 0
                                continue
                            }
                            if pendingSpace {
                                out[o] = 0x20
                                o += 1
                                pendingSpace = false
                            }
                            for k in Int(entry.start)..<Int(entry.start) + Int(entry.count) {
                                out[o] = map[k]
                                o += 1
                            }
                        }
                        return o
                    }
                }
            }
            return covered ? folded : nil
        }
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
    /// The output is at most this many times the input's UTF-8 length (U+0130 `İ`, two
    /// bytes, lowers to `i` and U+0307, three; whitespace becomes at most one space).
    static let maxGrowth = 2

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
            precondition(bytes.count <= FoldTable.maxGrowth * String(u).utf8.count, "fold table: U+\(String(v, radix: 16)) grows too much")
            entries.append(Entry(start: UInt16(utf8.count), count: UInt8(bytes.count)))
            utf8.append(contentsOf: bytes)
        }
        self.utf8 = utf8
        self.entries = entries
    }
}
