/// The parts a workbook's charts and comments add, numbered across the workbook in sheet
/// order: for each sheet with any, its relationships part, then its drawing (and that
/// drawing's relationships and charts), then its comments and their VML drawing.
///
/// Part numbers: the Nth sheet with charts has `drawingN.xml`, charts are numbered in the
/// order they appear, the Nth sheet with comments has `commentsN.xml` and `vmlDrawingN.vml`.
/// Sheets with neither add nothing, so a workbook without them is unchanged.
struct SheetDrawings {
    struct Part {
        var path: String
        var write: (inout XMLWriter) -> Void
    }

    private(set) var parts: [Part] = []
    private(set) var contentTypes: [(path: String, type: String)] = []

    /// `vml` when any sheet has comments.
    var defaults: [(extension: String, type: String)] {
        hasComments ? [("vml", VMLDrawingPart.contentType)] : []
    }
    private var hasComments = false

    init(_ sheets: [SheetFeatures]) {
        var drawingNumber = 0, chartNumber = 0, commentsNumber = 0
        for (i, f) in sheets.enumerated() where !f.charts.isEmpty || !f.comments.isEmpty {
            var sheetRels: [(type: String, target: String)] = []
            var later: [Part] = []
            if !f.charts.isEmpty {
                drawingNumber += 1
                let drawing = "xl/drawings/drawing\(drawingNumber).xml"
                sheetRels.append((DrawingPart.relationshipType, "../drawings/drawing\(drawingNumber).xml"))
                let placements = f.charts
                later.append(Part(path: drawing) { DrawingPart.write(placements, into: &$0) })
                contentTypes.append((drawing, DrawingPart.contentType))
                var drawingRels: [(type: String, target: String)] = []
                var charts: [Part] = []
                for p in placements {
                    chartNumber += 1
                    let path = "xl/charts/chart\(chartNumber).xml"
                    drawingRels.append((ChartPart.relationshipType, "../charts/chart\(chartNumber).xml"))
                    let chart = p.chart
                    charts.append(Part(path: path) { ChartPart.write(chart, into: &$0) })
                    contentTypes.append((path, ChartPart.contentType))
                }
                let rels = drawingRels
                later.append(Part(path: "xl/drawings/_rels/drawing\(drawingNumber).xml.rels") {
                    RelationshipsPart.write(rels, into: &$0)
                })
                later += charts
            }
            if !f.comments.isEmpty {
                commentsNumber += 1
                hasComments = true
                let comments = CommentsPart.ordered(f.comments)
                let path = "xl/comments\(commentsNumber).xml"
                sheetRels.append((CommentsPart.relationshipType, "../comments\(commentsNumber).xml"))
                sheetRels.append((VMLDrawingPart.relationshipType, "../drawings/vmlDrawing\(commentsNumber).vml"))
                later.append(Part(path: path) { CommentsPart.write(comments, into: &$0) })
                contentTypes.append((path, CommentsPart.contentType))
                let block = commentsNumber
                later.append(Part(path: "xl/drawings/vmlDrawing\(commentsNumber).vml") {
                    VMLDrawingPart.write(comments, block: block, into: &$0)
                })
            }
            let rels = sheetRels
            parts.append(Part(path: "xl/worksheets/_rels/sheet\(i + 1).xml.rels") { RelationshipsPart.write(rels, into: &$0) })
            parts += later
        }
    }
}
