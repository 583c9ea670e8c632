/// Writes `xl/drawings/drawingN.xml`: where a sheet's charts sit (one two-cell anchor per
/// chart, its graphic frame pointing at the chart through the drawing's relationships
/// `rId1`…, in the order the charts were added).
enum DrawingPart {
    static let contentType = "application/vnd.openxmlformats-officedocument.drawing+xml"
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing"

    static func write(_ placements: [ChartPlacement], into w: inout XMLWriter) {
        w.declaration()
        w.raw(
            "<xdr:wsDr xmlns:xdr=\"http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">"
        )
        for (i, p) in placements.enumerated() {
            w.raw("<xdr:twoCellAnchor editAs=\"oneCell\">")
            corner("xdr:from", p.from, &w)
            corner("xdr:to", p.to, &w)
            w.raw("<xdr:graphicFrame macro=\"\"><xdr:nvGraphicFramePr><xdr:cNvPr")
            w.attr("id", i + 2)
            w.attr("name", "Chart \(i + 1)")
            if let t = p.chart.title { w.attr("descr", t) }
            w.raw("/><xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp=\"1\"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr>")
            w.raw("<xdr:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/></xdr:xfrm>")
            w.raw("<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\">")
            w.raw("<c:chart xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"")
            w.attr("r:id", "rId\(i + 1)")
            w.raw("/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>")
        }
        w.raw("</xdr:wsDr>")
    }

    private static func corner(_ name: StaticString, _ ref: CellRef, _ w: inout XMLWriter) {
        w.start(name)
        w.raw("><xdr:col>")
        w.int(ref.column)
        w.raw("</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>")
        w.int(ref.row)
        w.raw("</xdr:row><xdr:rowOff>0</xdr:rowOff>")
        w.end(name)
    }
}
