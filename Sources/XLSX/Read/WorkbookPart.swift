/// A `<sheet>` entry of the workbook part, before its relationship is resolved.
struct SheetEntry {
    let name: String
    let relationshipID: String
    let state: SheetState
}

/// Parses the workbook part: sheets (in order, with state and relationship id), the
/// date system, defined names. Elements are matched by local name in the SpreadsheetML
/// namespace (transitional or strict, any prefix).
final class WorkbookHandler: SAXHandler {
    private(set) var sheets: [SheetEntry] = []
    private(set) var definedNames: [DefinedName] = []
    private(set) var is1904 = false
    private var nameAttributes: (name: String, local: Int?, hidden: Bool)?
    private var text: [UInt8] = []

    override func startElement(_ name: XMLName, _ ns: XMLNamespace, _ attributes: XMLAttributes) -> Bool {
        guard ns == .main else { return true }
        if name.is("sheet") {
            let sheetName = attributes.value("name").map { OOXMLText.decode($0.buffer) } ?? ""
            let rid = attributes.value("id", .officeRelationships)?.string ?? ""
            let state: SheetState
            switch attributes.value("state")?.string {
            case "hidden": state = .hidden
            case "veryHidden": state = .veryHidden
            default: state = .visible
            }
            sheets.append(SheetEntry(name: sheetName, relationshipID: rid, state: state))
        } else if name.is("workbookPr") {
            if let v = attributes.value("date1904")?.string { is1904 = v == "1" || v.lowercased() == "true" }
        } else if name.is("definedName") {
            let n = attributes.value("name")?.string ?? ""
            let local = attributes.value("localSheetId").flatMap { Int($0.string) }
            let hidden = attributes.value("hidden").map { $0.equals("1") || $0.equals("true") } ?? false
            nameAttributes = (n, local, hidden)
            text.removeAll(keepingCapacity: true)
        }
        return true
    }

    override func endElement(_ name: XMLName, _ ns: XMLNamespace) -> Bool {
        if ns == .main && name.is("definedName"), let a = nameAttributes {
            definedNames.append(
                DefinedName(name: a.name, refersTo: OOXMLText.decode(text), localSheet: a.local, hidden: a.hidden))
            nameAttributes = nil
        }
        return true
    }

    override func characters(_ t: XMLBytes) -> Bool {
        if nameAttributes != nil && text.count < 1 << 20 { text.append(contentsOf: t.buffer) }
        return true
    }
}
