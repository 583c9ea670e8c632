/// Writes `docProps/core.xml`: title, subject, author, keywords, created/modified.
enum CorePropertiesPart {
    static func write(_ p: DocumentProperties, into w: inout XMLWriter) {
        w.declaration()
        w.raw(
            "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        )
        if let t = p.title { w.element("dc:title", text: t) }
        if let s = p.subject { w.element("dc:subject", text: s) }
        if let a = p.author { w.element("dc:creator", text: a) }
        if let k = p.keywords { w.element("cp:keywords", text: k) }
        if let d = p.description { w.element("dc:description", text: d) }
        if let a = p.author { w.element("cp:lastModifiedBy", text: a) }
        let stamp = p.created.description
        w.raw("<dcterms:created xsi:type=\"dcterms:W3CDTF\">")
        w.text(stamp)
        w.raw("</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">")
        w.text(stamp)
        w.raw("</dcterms:modified></cp:coreProperties>")
    }
}
