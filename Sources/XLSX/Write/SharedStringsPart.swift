#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The shared-string table: each distinct text once, in first-use order. Writes
/// `xl/sharedStrings.xml`.
///
/// Interning is by UTF-8 bytes in an open-addressing hash table over one byte arena:
/// no allocation for a string already seen, and none of `String` hashing's Unicode
/// normalisation (a Vietnamese name hashed as a `String` costs several times more).
/// Texts that differ only in normalisation (NFC vs NFD) stay distinct, as in Excel.
final class SharedStringsPart {
    /// All texts' bytes back to back; text i is `arena[starts[i]..<starts[i+1]]`.
    private var arena: [UInt8] = []
    private var starts: [Int] = [0]
    /// Slots hold index + 1 (0 is empty); the count is a power of two.
    private var slots: [Int32] = Array(repeating: 0, count: 1024)
    private var hashes: [UInt64] = []
    /// How many cells refer to the table (the `count` attribute).
    private(set) var references = 0

    var count: Int { starts.count - 1 }
    var isEmpty: Bool { count == 0 }

    /// The index of `s`, adding it when new.
    @inline(__always)
    func index(of s: String) -> Int {
        var s = s
        return s.withUTF8 { index(ofBytes: $0) }
    }

    /// The index of a UTF-8 text, adding it when new.
    func index(ofBytes b: UnsafeBufferPointer<UInt8>) -> Int {
        references += 1
        let h = SharedStringsPart.hash(b)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let slot = Int(slots[i])
            if slot == 0 { break }
            let k = slot - 1
            if hashes[k] == h && equal(k, b) { return k }
            i = (i + 1) & mask
        }
        let k = count
        arena.append(contentsOf: b)
        starts.append(arena.count)
        hashes.append(h)
        slots[i] = Int32(k + 1)
        if count * 2 > slots.count { grow() }
        return k
    }

    /// The text at `i` (tests, copies).
    func string(at i: Int) -> String {
        String(decoding: arena[starts[i]..<starts[i + 1]], as: UTF8.self)
    }

    func setReferences(_ n: Int) { references = n }

    /// An independent copy (same texts, same indexes, same count).
    func copy() -> SharedStringsPart {
        let c = SharedStringsPart()
        c.arena = arena
        c.starts = starts
        c.slots = slots
        c.hashes = hashes
        c.references = references
        return c
    }

    @inline(__always)
    private func equal(_ k: Int, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let s = starts[k]
        let n = starts[k + 1] - s
        guard n == b.count else { return false }
        if n == 0 { return true }
        return arena.withUnsafeBufferPointer { a in memcmp(a.baseAddress! + s, b.baseAddress!, n) == 0 }
    }

    private func grow() {
        var new = [Int32](repeating: 0, count: slots.count * 2)
        let mask = new.count - 1
        for k in 0..<count {
            var i = Int(truncatingIfNeeded: hashes[k]) & mask
            while new[i] != 0 { i = (i + 1) & mask }
            new[i] = Int32(k + 1)
        }
        slots = new
    }

    /// FNV-1a over 8-byte words, then a final mix (fast and good enough for texts).
    @inline(__always)
    static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(b.count)
        var i = 0
        let n = b.count
        if let base = b.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= n {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x0000_0100_0000_01B3
                h ^= h >> 29
                i += 8
            }
            while i < n {
                h = (h ^ UInt64(base[i])) &* 0x0000_0100_0000_01B3
                i += 1
            }
        }
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        return h
    }

    /// The whole part, handing `w` to `flush` as it grows (the table can be large).
    func write(into w: inout XMLWriter, flush: (inout XMLWriter) throws(XLSXWriteError) -> Void) throws(XLSXWriteError) {
        w.declaration()
        w.raw("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"")
        w.attr("count", references)
        w.attr("uniqueCount", count)
        w.close()
        for k in 0..<count {
            let text = arena[starts[k]..<starts[k + 1]]
            if needsPreserve(text) {
                w.raw("<si><t xml:space=\"preserve\">")
            } else {
                w.raw("<si><t>")
            }
            text.withUnsafeBufferPointer { XMLEscaper.appendSharedString(bytes: $0, to: &w.bytes) }
            w.raw("</t></si>")
            if w.bytes.count >= 1 << 18 { try flush(&w) }
        }
        w.raw("</sst>")
    }
}

/// True when leading or trailing white space (or a line break) must be kept with
/// `xml:space="preserve"`.
@inline(__always)
func needsPreserve<C: Collection>(_ u: C) -> Bool where C.Element == UInt8 {
    guard let f = u.first else { return false }
    var l = f
    for b in u { l = b }  // small texts; only called once per distinct text
    return f == 0x20 || f == 0x09 || f == 0x0A || f == 0x0D || l == 0x20 || l == 0x09 || l == 0x0A || l == 0x0D
}
