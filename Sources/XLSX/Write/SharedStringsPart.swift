/// The shared-string table: each distinct text once, in first-use order, found again
/// through a dictionary. Writes `xl/sharedStrings.xml`.
final class SharedStringsPart {
    private(set) var strings: [String] = []
    private var ids: [String: Int] = [:]
    /// How many cells refer to the table (the `count` attribute).
    private(set) var references = 0

    /// The index of `s`, adding it when new.
    @inline(__always)
    func index(of s: String) -> Int {
        references += 1
        if let i = ids[s] { return i }
        let i = strings.count
        strings.append(s)
        ids[s] = i
        return i
    }

    var isEmpty: Bool { strings.isEmpty }

    func setReferences(_ n: Int) { references = n }

    /// The whole part, flushing `w` to `sink` as it grows (the table can be large).
    func write(into w: inout XMLWriter, flush: (inout XMLWriter) throws(XLSXWriteError) -> Void) throws(XLSXWriteError) {
        w.declaration()
        w.raw("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"")
        w.attr("count", references)
        w.attr("uniqueCount", strings.count)
        w.close()
        for s in strings {
            if needsPreserve(s) {
                w.raw("<si><t xml:space=\"preserve\">")
            } else {
                w.raw("<si><t>")
            }
            XMLEscaper.appendSharedString(s, to: &w.bytes)
            w.raw("</t></si>")
            if w.bytes.count >= 1 << 18 { try flush(&w) }
        }
        w.raw("</sst>")
    }
}

/// True when leading or trailing white space (or a line break) must be kept with
/// `xml:space="preserve"`.
@inline(__always)
func needsPreserve(_ s: String) -> Bool {
    let u = s.utf8
    guard let f = u.first, let l = u.last else { return false }
    return f == 0x20 || f == 0x09 || f == 0x0A || f == 0x0D || l == 0x20 || l == 0x09 || l == 0x0A || l == 0x0D
}
