/// Writes `docProps/app.xml`: the application, the sheet titles, the company.
enum AppPropertiesPart {
    static func write(sheetNames: [String], company: String?, into w: inout XMLWriter) {
        w.declaration()
        w.raw(
            "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
        )
        w.raw("<Application>TongHop</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>")
        w.raw("<HeadingPairs><vt:vector size=\"2\" baseType=\"variant\"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>")
        w.int(sheetNames.count)
        w.raw("</vt:i4></vt:variant></vt:vector></HeadingPairs>")
        w.raw("<TitlesOfParts><vt:vector")
        w.attr("size", sheetNames.count)
        w.raw(" baseType=\"lpstr\">")
        for n in sheetNames { w.element("vt:lpstr", text: n) }
        w.raw("</vt:vector></TitlesOfParts>")
        if let company { w.element("Company", text: company) }
        w.raw("<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>12.0000</AppVersion>")
        w.raw("</Properties>")
    }
}
