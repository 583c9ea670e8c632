/// Parses `sharedStrings.xml`: each `<si>` is plain `<t>` or rich-text runs `<r><t>`
/// joined; phonetic runs (`<rPh>`) are skipped; `_xHHHH_` decoded. A `<t>` with
/// `xml:space="preserve"` (on it or its `<si>`) is kept as written; one without is trimmed
/// of leading and trailing white space, as Excel shows it (`XMLWhitespace`).
final class SharedStringsHandler: SAXHandler {
    private(set) var strings: [String] = []
    private(set) var failure: XLSXError?
    private let part: String
    private let maxText: Int
    private let maxStrings: Int
    private var text: [UInt8] = []
    private var inItem = false
    private var inText = false
    private var phoneticDepth = 0
    private var itemPreserves = false
    private var textPreserves = false
    private var textStart = 0

    init(part: String, limits: ReaderLimits) {
        self.part = part
        self.maxText = limits.maxCellTextLength
        self.maxStrings = limits.maxSharedStrings
        text.reserveCapacity(256)
    }

    override func startElement(_ name: XMLName, _ ns: XMLNamespace, _ attributes: XMLAttributes) -> Bool {
        guard ns == .main else { return true }
        if name.is("si") {
            inItem = true
            itemPreserves = attributes.count > 0 && XMLWhitespace.preserves(attributes)
            text.removeAll(keepingCapacity: true)
        } else if name.is("t") {
            inText = inItem && phoneticDepth == 0
            textPreserves = itemPreserves || (attributes.count > 0 && XMLWhitespace.preserves(attributes))
            textStart = text.count
        } else if name.is("rPh") {
            phoneticDepth += 1
        } else if name.is("sst"), let count = attributes.value("uniqueCount") {
            // Never trust a count for a large allocation.
            strings.reserveCapacity(min(Int(count.string) ?? 0, 1 << 16))
        }
        return true
    }

    override func endElement(_ name: XMLName, _ ns: XMLNamespace) -> Bool {
        guard ns == .main else { return true }
        if name.is("t") {
            if inText && !textPreserves && text.count > textStart { trimRun() }
            inText = false
        } else if name.is("rPh") {
            phoneticDepth -= 1
        } else if name.is("si") {
            inItem = false
            if strings.count >= maxStrings {
                failure = .limitExceeded(
                    limit: "maxSharedStrings", detail: "more than \(maxStrings) shared strings", part: part)
                return false
            }
            strings.append(OOXMLText.decode(text))
        }
        return true
    }

    private func trimRun() {
        let (lead, end) = text.withUnsafeBufferPointer { XMLWhitespace.trimmedBounds($0, from: textStart) }
        if end < text.count { text.removeSubrange(end...) }
        if lead > textStart { text.removeSubrange(textStart..<lead) }
    }

    override func characters(_ t: XMLBytes) -> Bool {
        guard inText else { return true }
        if text.count + t.count > maxText {
            failure = .limitExceeded(
                limit: "maxCellTextLength", detail: "shared string \(strings.count) longer than \(maxText) bytes",
                part: part)
            return false
        }
        text.append(contentsOf: t.buffer)
        return true
    }
}
