import Foundation

/// A text as a dictionary key compared and hashed by its UTF-8 bytes: no Unicode
/// normalisation, which `String` hashing does over non-ASCII text. Two spellings of one
/// text are two keys; fine for a memo.
struct ExactText: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    // Native strings are contiguous UTF-8: read in place, without the copy (and retain)
    // `withUTF8` needs; a bridged string falls back to its bytes one by one.
    static func == (a: ExactText, b: ExactText) -> Bool {
        let x = a.text.utf8, y = b.text.utf8
        guard x.count == y.count else { return false }
        let same = x.withContiguousStorageIfAvailable { p in
            y.withContiguousStorageIfAvailable { q in p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0 }
        }
        return (same ?? nil) ?? x.elementsEqual(y)
    }

    func hash(into hasher: inout Hasher) {
        let x = text.utf8
        if x.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            Array(x).withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }
}
