/// A growable byte buffer for the text of one cell, reused for every cell: no
/// per-cell allocation and none of `Array`'s generic range replacement on reset.
/// Owned by one parser; `free()` must be called once when it is done.
struct TextBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes held.
    private(set) var count = 0

    init(capacity: Int = 256) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    func free() { base.deallocate() }

    var isEmpty: Bool { count == 0 }

    /// The bytes held; valid until the next mutation.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    @inline(__always) mutating func reset() { count = 0 }

    /// Removes XML white space (space, tab, CR, LF) from both ends of the bytes from
    /// `start` on: the text of one `<t>` without `xml:space="preserve"` (see `XMLWhitespace`).
    mutating func trimXMLWhitespace(from start: Int) {
        let (lead, end) = XMLWhitespace.trimmedBounds(UnsafeBufferPointer(start: base, count: count), from: start)
        if lead > start { (base + start).update(from: base + lead, count: end - lead) }
        count = start + (end - lead)
    }

    @inline(__always) mutating func append(_ t: XMLBytes) {
        if count + t.count > capacity { grow(to: count + t.count) }
        (base + count).update(from: t.base, count: t.count)
        count += t.count
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
