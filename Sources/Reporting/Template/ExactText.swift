import Foundation

/// A text as a dictionary key compared and hashed by its UTF-8 bytes: no Unicode
/// normalisation, which `String` hashing does over non-ASCII text. Two spellings of one
/// text are two keys; fine for a memo.
struct ExactText: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (a: ExactText, b: ExactText) -> Bool {
        var x = a.text, y = b.text
        return x.withUTF8 { p in y.withUTF8 { q in p.count == q.count && (p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0) } }
    }

    func hash(into hasher: inout Hasher) {
        var x = text
        x.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
