/// What a `<t>` element without `xml:space="preserve"` gives: its text with leading and
/// trailing XML white space (space, tab, CR, LF, written or as character references)
/// removed, each `<t>` (rich-text run) on its own; white space only gives "". Excel
/// shows such text trimmed, and calamine reads it so (docs/READER.md, "Text").
enum XMLWhitespace {
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
    }

    /// The bounds of `bytes[start...]` without white space at either end.
    static func trimmedBounds(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (Int, Int) {
        var lead = start, end = bytes.count
        while lead < end && isSpace(bytes[lead]) { lead += 1 }
        while end > lead && isSpace(bytes[end - 1]) { end -= 1 }
        return (lead, end)
    }

    /// True when `xml:space="preserve"` is among `attributes`.
    static func preserves(_ attributes: XMLAttributes) -> Bool {
        attributes.value("space", .xml)?.equals("preserve") ?? false
    }
}
