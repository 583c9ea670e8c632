/// Writes relationship parts: `_rels/.rels` (package → workbook and properties) and
/// `xl/_rels/workbook.xml.rels` (workbook → sheets, styles, shared strings, theme), and
/// the relationships of a sheet or drawing (`write(_:into:)`).
enum RelationshipsPart {
    static let officeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
    static let coreProperties = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
    static let extendedProperties = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
    static let worksheet = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
    static let styles = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
    static let sharedStrings = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"

    /// `_rels/.rels`.
    static func writeRoot(into w: inout XMLWriter) {
        write([
            (officeDocument, PackagePath.workbook), (coreProperties, PackagePath.coreProperties),
            (extendedProperties, PackagePath.appProperties),
        ], into: &w)
    }

    /// `xl/_rels/workbook.xml.rels`: sheets are rId1…rIdN (the workbook part relies on it).
    static func writeWorkbook(sheetCount: Int, sharedStrings: Bool, into w: inout XMLWriter) {
        var rels = (0..<sheetCount).map { (worksheet, PackagePath.relativeToXL(PackagePath.worksheet($0))) }
        rels.append((styles, PackagePath.relativeToXL(PackagePath.styles)))
        if sharedStrings { rels.append((self.sharedStrings, PackagePath.relativeToXL(PackagePath.sharedStrings))) }
        rels.append((ThemePart.relationshipType, PackagePath.relativeToXL(PackagePath.theme)))
        write(rels, into: &w)
    }

    /// Relationships `rId1`… in the order given; targets relative to the source part's folder.
    static func write(_ rels: [(type: String, target: String)], into w: inout XMLWriter) {
        w.declaration()
        w.raw("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">")
        for (i, r) in rels.enumerated() {
            w.start("Relationship")
            w.attr("Id", "rId\(i + 1)")
            w.attr("Type", r.type)
            w.attr("Target", r.target)
            w.selfClose()
        }
        w.raw("</Relationships>")
    }
}
