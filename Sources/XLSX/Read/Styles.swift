/// What the reader needs from `styles.xml`: per cell style (`xf` index in `cellXfs`),
/// its number format code and whether it shows a date.
struct Styles: Sendable {
    /// Date kind per cell style index; nil where the style is not a date format.
    var dateKinds: [ExcelDate.Kind?] = []
    /// Number format id per cell style index.
    var formatIDs: [Int] = []
    /// Custom number format codes by id.
    var customFormats: [Int: String] = [:]

    /// The number format code of a cell style, custom or built-in.
    func formatCode(style: Int) -> String? {
        guard style >= 0, style < formatIDs.count else { return nil }
        let id = formatIDs[style]
        return customFormats[id] ?? NumberFormat.builtinCode(id)
    }
}

/// Parses `styles.xml` into `Styles`.
final class StylesHandler: SAXHandler {
    private(set) var styles = Styles()
    private var inCellXfs = false

    override func startElement(_ name: XMLName, _ ns: XMLNamespace, _ attributes: XMLAttributes) -> Bool {
        guard ns == .main else { return true }
        if name.is("numFmt") {
            if let id = attributes.value("numFmtId").flatMap({ Int($0.string) }),
                let code = attributes.value("formatCode")?.string
            {
                styles.customFormats[id] = code
            }
        } else if name.is("cellXfs") {
            inCellXfs = true
        } else if name.is("xf") && inCellXfs {
            styles.formatIDs.append(attributes.value("numFmtId").flatMap { Int($0.string) } ?? 0)
        }
        return true
    }

    override func endElement(_ name: XMLName, _ ns: XMLNamespace) -> Bool {
        if ns == .main && name.is("cellXfs") {
            inCellXfs = false
            styles.dateKinds = styles.formatIDs.map { id in
                // A custom code overrides a built-in id.
                if let code = styles.customFormats[id] { return NumberFormat.dateKind(code: code) }
                return NumberFormat.dateKind(builtinID: id)
            }
        }
        return true
    }

    override func characters(_ text: XMLBytes) -> Bool { true }
}
