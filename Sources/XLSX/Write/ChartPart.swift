/// Writes `xl/charts/chartN.xml`: one `Chart` as DrawingML (`c:chartSpace`), elements in
/// the order the schema requires: the bar chart, the line chart over it when there are
/// line series, a category and a value axis both share, the legend.
enum ChartPart {
    static let contentType = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"

    /// The axis ids (any two numbers unique within the chart).
    private static let categoryAxis = 500_000_001
    private static let valueAxis = 500_000_002

    static func write(_ chart: Chart, into w: inout XMLWriter) {
        w.declaration()
        w.raw(
            "<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        )
        w.raw("<c:date1904 val=\"0\"/><c:lang val=\"vi-VN\"/><c:roundedCorners val=\"0\"/>")
        w.raw("<c:chart>")
        if let t = chart.title {
            title(t, size: 1200, font: chart.font, &w)
            w.raw("<c:autoTitleDeleted val=\"0\"/>")
        } else {
            w.raw("<c:autoTitleDeleted val=\"1\"/>")
        }
        w.raw("<c:plotArea><c:layout/>")
        let indexed = chart.series.enumerated().map { (index: $0.offset, series: $0.element) }
        barChart(chart, indexed.filter { $0.series.kind == .bar }, &w)
        let lines = indexed.filter { $0.series.kind == .line }
        if !lines.isEmpty { lineChart(chart, lines, &w) }
        axes(chart, &w)
        w.raw("</c:plotArea>")
        w.raw("<c:legend><c:legendPos val=\"b\"/><c:overlay val=\"0\"/></c:legend>")
        w.raw("<c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/>")
        w.raw("</c:chart>")
        w.raw("<c:spPr><a:solidFill><a:srgbClr val=\"FFFFFF\"/></a:solidFill><a:ln w=\"9525\"><a:solidFill><a:srgbClr val=\"BFBFBF\"/></a:solidFill></a:ln></c:spPr>")
        textProperties(size: 1000, bold: false, font: chart.font, &w)
        w.raw("</c:chartSpace>")
    }

    // MARK: - chart types

    private static func barChart(_ chart: Chart, _ series: [(index: Int, series: Chart.Series)], _ w: inout XMLWriter) {
        w.raw("<c:barChart>")
        w.raw(chart.direction == .bar ? "<c:barDir val=\"bar\"/>" : "<c:barDir val=\"col\"/>")
        w.raw(chart.grouping == .stacked ? "<c:grouping val=\"stacked\"/>" : "<c:grouping val=\"clustered\"/>")
        w.raw("<c:varyColors val=\"0\"/>")
        for s in series {
            seriesStart(s.index, s.series, &w)
            w.raw("<c:spPr><a:solidFill>")
            colour(s, &w)
            w.raw("</a:solidFill></c:spPr><c:invertIfNegative val=\"0\"/>")
            if s.series.labels {
                // Inside the bar's end when a line runs over the bars (white on the bar), else above it.
                let inside = chart.grouping == .stacked || chart.series.contains { $0.kind == .line }
                dataLabels(chart, position: chart.grouping == .stacked ? "ctr" : inside ? "inEnd" : "outEnd", white: inside, &w)
            }
            data(s.series, &w)
            w.raw("</c:ser>")
        }
        w.raw("<c:gapWidth val=\"80\"/>")
        w.raw(chart.grouping == .stacked ? "<c:overlap val=\"100\"/>" : "<c:overlap val=\"-10\"/>")
        axisIds(&w)
        w.raw("</c:barChart>")
    }

    private static func lineChart(_ chart: Chart, _ series: [(index: Int, series: Chart.Series)], _ w: inout XMLWriter) {
        w.raw("<c:lineChart><c:grouping val=\"standard\"/><c:varyColors val=\"0\"/>")
        for s in series {
            seriesStart(s.index, s.series, &w)
            w.raw("<c:spPr><a:ln w=\"28575\" cap=\"rnd\"><a:solidFill>")
            colour(s, &w)
            w.raw("</a:solidFill><a:prstDash val=\"dash\"/><a:round/></a:ln></c:spPr>")
            w.raw("<c:marker><c:symbol val=\"circle\"/><c:size val=\"6\"/><c:spPr><a:solidFill>")
            colour(s, &w)
            w.raw("</a:solidFill><a:ln w=\"9525\"><a:solidFill>")
            colour(s, &w)
            w.raw("</a:solidFill></a:ln></c:spPr></c:marker>")
            if s.series.labels { dataLabels(chart, position: "t", white: false, &w) }
            data(s.series, &w)
            w.raw("<c:smooth val=\"0\"/></c:ser>")
        }
        w.raw("<c:marker val=\"1\"/>")
        axisIds(&w)
        w.raw("</c:lineChart>")
    }

    private static func axisIds(_ w: inout XMLWriter) {
        w.raw("<c:axId")
        w.attr("val", categoryAxis)
        w.raw("/><c:axId")
        w.attr("val", valueAxis)
        w.raw("/>")
    }

    // MARK: - series

    /// `<c:ser>` up to the series' shape properties: index, order, name.
    private static func seriesStart(_ index: Int, _ s: Chart.Series, _ w: inout XMLWriter) {
        w.raw("<c:ser><c:idx")
        w.attr("val", index)
        w.raw("/><c:order")
        w.attr("val", index)
        w.raw("/><c:tx><c:v>")
        w.text(s.name)
        w.raw("</c:v></c:tx>")
    }

    private static func colour(_ s: (index: Int, series: Chart.Series), _ w: inout XMLWriter) {
        w.raw("<a:srgbClr")
        w.attr("val", s.series.colour ?? ThemePart.accents[s.index % ThemePart.accents.count])
        w.raw("/>")
    }

    /// `<c:cat>` and `<c:val>`: the ranges with their cached points.
    private static func data(_ s: Chart.Series, _ w: inout XMLWriter) {
        w.raw("<c:cat>")
        if s.categories.numbers.isEmpty {
            w.raw("<c:strRef>")
            w.element("c:f", text: s.categories.reference)
            w.raw("<c:strCache>")
            pointCount(s.categories.text.count, &w)
            for (i, t) in s.categories.text.enumerated() {
                w.raw("<c:pt")
                w.attr("idx", i)
                w.raw("><c:v>")
                w.text(t)
                w.raw("</c:v></c:pt>")
            }
            w.raw("</c:strCache></c:strRef>")
        } else {
            numberReference(s.categories, format: "General", &w)
        }
        w.raw("</c:cat><c:val>")
        numberReference(s.values, format: "General", &w)
        w.raw("</c:val>")
    }

    private static func numberReference(_ d: Chart.Data, format: String, _ w: inout XMLWriter) {
        w.raw("<c:numRef>")
        w.element("c:f", text: d.reference)
        w.raw("<c:numCache>")
        w.element("c:formatCode", text: format)
        pointCount(d.numbers.count, &w)
        for (i, v) in d.numbers.enumerated() {
            guard let v, v.isFinite else { continue }
            w.raw("<c:pt")
            w.attr("idx", i)
            w.raw("><c:v>")
            w.double(v)
            w.raw("</c:v></c:pt>")
        }
        w.raw("</c:numCache></c:numRef>")
    }

    private static func pointCount(_ n: Int, _ w: inout XMLWriter) {
        w.raw("<c:ptCount")
        w.attr("val", n)
        w.raw("/>")
    }

    private static func dataLabels(_ chart: Chart, position: StaticString, white: Bool, _ w: inout XMLWriter) {
        w.raw("<c:dLbls><c:numFmt")
        w.attr("formatCode", chart.labelFormat ?? chart.valueFormat)
        w.raw(" sourceLinked=\"0\"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>")
        textProperties(size: 900, bold: false, font: chart.font, colour: white ? "FFFFFF" : nil, &w)
        w.raw("<c:dLblPos val=\"")
        w.raw(position)
        w.raw("\"/><c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls>")
    }

    // MARK: - axes

    private static func axes(_ chart: Chart, _ w: inout XMLWriter) {
        let horizontal = chart.direction == .bar
        // Horizontal bars list categories from the top; the value axis then crosses at the bottom.
        w.raw("<c:catAx><c:axId")
        w.attr("val", categoryAxis)
        w.raw(horizontal ? "/><c:scaling><c:orientation val=\"maxMin\"/></c:scaling>" : "/><c:scaling><c:orientation val=\"minMax\"/></c:scaling>")
        w.raw(horizontal ? "<c:delete val=\"0\"/><c:axPos val=\"l\"/>" : "<c:delete val=\"0\"/><c:axPos val=\"b\"/>")
        w.raw("<c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:majorTickMark val=\"out\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>")
        w.raw("<c:spPr><a:ln w=\"9525\"><a:solidFill><a:srgbClr val=\"808080\"/></a:solidFill></a:ln></c:spPr>")
        w.raw("<c:crossAx")
        w.attr("val", valueAxis)
        w.raw("/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>")

        w.raw("<c:valAx><c:axId")
        w.attr("val", valueAxis)
        w.raw("/><c:scaling><c:orientation val=\"minMax\"/>")
        if let m = chart.minimum, m.isFinite {
            w.raw("<c:min")
            w.attr("val", m)
            w.raw("/>")
        }
        w.raw("</c:scaling>")
        w.raw(horizontal ? "<c:delete val=\"0\"/><c:axPos val=\"b\"/>" : "<c:delete val=\"0\"/><c:axPos val=\"l\"/>")
        w.raw("<c:majorGridlines><c:spPr><a:ln w=\"6350\"><a:solidFill><a:srgbClr val=\"D9D9D9\"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>")
        if let t = chart.valueAxisTitle { title(t, size: 900, font: chart.font, &w) }
        w.raw("<c:numFmt")
        w.attr("formatCode", chart.valueFormat)
        w.raw(" sourceLinked=\"0\"/><c:majorTickMark val=\"out\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>")
        w.raw("<c:spPr><a:ln w=\"9525\"><a:solidFill><a:srgbClr val=\"808080\"/></a:solidFill></a:ln></c:spPr>")
        w.raw("<c:crossAx")
        w.attr("val", categoryAxis)
        w.raw(horizontal ? "/><c:crosses val=\"max\"/>" : "/><c:crosses val=\"autoZero\"/>")
        w.raw("<c:crossBetween val=\"between\"/></c:valAx>")
    }

    // MARK: - text

    private static func title(_ text: String, size: Int, font: String?, _ w: inout XMLWriter) {
        w.raw("<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr>")
        runProperties("a:defRPr", size: size, bold: true, font: font, &w)
        w.raw("</a:pPr><a:r>")
        runProperties("a:rPr", run: true, size: size, bold: true, font: font, &w)
        w.raw("<a:t>")
        w.text(text)
        w.raw("</a:t></a:r></a:p></c:rich></c:tx><c:overlay val=\"0\"/></c:title>")
    }

    private static func textProperties(size: Int, bold: Bool, font: String?, colour: String? = nil, _ w: inout XMLWriter) {
        w.raw("<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>")
        runProperties("a:defRPr", size: size, bold: bold, font: font, colour: colour, &w)
        w.raw("</a:pPr><a:endParaRPr lang=\"vi-VN\"/></a:p></c:txPr>")
    }

    /// `<a:defRPr sz=… b=…>` with the font, closed.
    private static func runProperties(
        _ name: StaticString, run: Bool = false, size: Int, bold: Bool, font: String?, colour: String? = nil,
        _ w: inout XMLWriter
    ) {
        w.start(name)
        if run { w.attr("lang", "vi-VN") }
        w.attr("sz", size)
        w.attr("b", bold ? 1 : 0)
        guard font != nil || colour != nil else {
            w.selfClose()
            return
        }
        w.close()
        if let colour {
            // Fill comes before the fonts in a run's properties.
            w.raw("<a:solidFill><a:srgbClr")
            w.attr("val", colour)
            w.raw("/></a:solidFill>")
        }
        guard let font else {
            w.end(name)
            return
        }
        w.raw("<a:latin")
        w.attr("typeface", font)
        w.raw("/><a:cs")
        w.attr("typeface", font)
        w.raw("/>")
        w.end(name)
    }
}
