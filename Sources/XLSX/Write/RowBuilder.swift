/// One row assembled from raw parts, for converters that read bytes (CSV): text goes in
/// as UTF-8 bytes and into the shared-string table without a `String` per cell. Reuse
/// one builder for every row (`removeAll()` between rows).
///
/// ```swift
/// var row = RowBuilder()
/// row.appendNumber(1); row.appendText(bytes: nameBytes); row.appendDate(serial: 42691)
/// try sheet.appendRow(row)
/// ```
public struct RowBuilder: Sendable {
    enum Kind: UInt8 { case empty, number, date, text }
    private(set) var kinds: [Kind] = []
    private(set) var numbers: [Double] = []
    private(set) var text: [UInt8] = []
    /// Where each cell's text ends in `text` (cells without text repeat the last end).
    private(set) var textEnds: [Int] = []

    public init() {
        kinds.reserveCapacity(32)
        numbers.reserveCapacity(32)
        text.reserveCapacity(1024)
        textEnds.reserveCapacity(32)
    }

    /// Cells so far.
    public var count: Int { kinds.count }

    /// Starts a new row, keeping the storage.
    public mutating func removeAll() {
        kinds.removeAll(keepingCapacity: true)
        numbers.removeAll(keepingCapacity: true)
        text.removeAll(keepingCapacity: true)
        textEnds.removeAll(keepingCapacity: true)
    }

    /// No cell at this position.
    public mutating func appendEmpty() { push(.empty, 0) }

    /// A number.
    public mutating func appendNumber(_ v: Double) { push(.number, v) }

    /// A date (1900-system serial), styled with the workbook's date format.
    public mutating func appendDate(serial: Double) { push(.date, serial) }

    /// Text as UTF-8 bytes (a shared string). Malformed UTF-8 is repaired (U+FFFD), as
    /// `String(decoding:as:)` would.
    public mutating func appendText<C: Collection>(bytes: C) where C.Element == UInt8 {
        let start = text.count
        text.append(contentsOf: bytes)
        let valid = text.withUnsafeBufferPointer { RowBuilder.isValidUTF8(UnsafeBufferPointer(rebasing: $0[start...])) }
        if !valid {
            let repaired = String(decoding: text[start...], as: UTF8.self)
            text.removeSubrange(start...)
            text.append(contentsOf: repaired.utf8)
        }
        push(.text, 0)
    }

    /// True for well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
    static func isValidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            func cont(_ k: Int) -> Bool { i + k < n && b[i + k] & 0xC0 == 0x80 }
            if c >= 0xC2 && c <= 0xDF {
                guard cont(1) else { return false }
                i += 2
            } else if c >= 0xE0 && c <= 0xEF {
                guard cont(1), cont(2) else { return false }
                let c1 = b[i + 1]
                if c == 0xE0 && c1 < 0xA0 { return false }
                if c == 0xED && c1 >= 0xA0 { return false }
                i += 3
            } else if c >= 0xF0 && c <= 0xF4 {
                guard cont(1), cont(2), cont(3) else { return false }
                let c1 = b[i + 1]
                if c == 0xF0 && c1 < 0x90 { return false }
                if c == 0xF4 && c1 >= 0x90 { return false }
                i += 4
            } else {
                return false
            }
        }
        return true
    }

    @inline(__always)
    private mutating func push(_ k: Kind, _ v: Double) {
        kinds.append(k)
        numbers.append(v)
        textEnds.append(text.count)
    }
}
