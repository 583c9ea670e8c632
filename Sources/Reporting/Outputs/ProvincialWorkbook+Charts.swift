import Foundation
import XLSX

extension ProvincialWorkbook {
    public static let chartsSheetName = "Biểu đồ"

    /// Columns of a chart block: the data table from column A, the chart from `chartColumn`.
    static let chartColumn = 5
    static let chartWidth = 8
    static let chartHeight = 22

    /// `Biểu đồ`: one block per figure, each on its own printed page: a title, a small data
    /// table whose cells are formulas on `Theo đơn vị` (values cached), and the native
    /// chart beside it drawn from that table.
    static func writeCharts(_ c: Consolidation, figures: [ChartFigure], into b: SheetBuilder) {
        let sheet = b.sheet
        let lastColumn = chartColumn + chartWidth - 1
        b.merge(CellRange(first: CellRef(row: 0, column: 0), last: CellRef(row: 0, column: lastColumn)),
                "Biểu đồ — \(c.spec.title.vi)".uppercased(), Styles.title)
        sheet.setRowHeight(0, 36)
        b.merge(CellRange(first: CellRef(row: 1, column: 0), last: CellRef(row: 1, column: lastColumn)),
                "Kỳ báo cáo: \(c.period). Đã tổng hợp \(coverage(c.consolidatedUnits.count, c.unitCount)).", Styles.subtitle)
        var setup = PageSetup(orientation: .landscape, paperSize: 9, fitToWidth: 1, footer: "&CTrang &P / &N")
        setup.margins.left = 0.5
        setup.margins.right = 0.5

        var top = 3
        for (n, f) in figures.enumerated() {
            if n > 0 { setup.rowBreaks.append(top - 1) }
            writeChartBlock(f, top: top, into: b)
            top += max(f.categories.count + 3, chartHeight + 2)
        }
        sheet.pageSetup = setup
        b.fitColumns(chartColumn, fixed: [0: 24, 1: 13, 2: 13, 3: 13, 4: 2])
        for col in chartColumn...lastColumn { sheet.setColumnWidth(col, 9) }
    }

    private static func writeChartBlock(_ f: ChartFigure, top: Int, into b: SheetBuilder) {
        let sheet = b.sheet
        b.merge(CellRange(first: CellRef(row: top, column: 0), last: CellRef(row: top, column: chartColumn + chartWidth - 1)),
                f.title.vi, Styles.heading)
        sheet.setRowHeight(top, 22)
        let header = top + 1
        b.text(f.categoryHeader.vi, header, 0, Styles.header, measure: false)
        for (k, s) in f.series.enumerated() { b.text(s.name.vi, header, 1 + k, Styles.header, measure: false) }
        sheet.setRowHeight(header, 48)
        let format = f.percent ? Styles.percent : Styles.integer
        for (i, category) in f.categories.enumerated() {
            let r = header + 1 + i
            if let source = f.categorySources[i] {
                sheet.writeFormula(source, cached: .string(category.vi), at: CellRef(row: r, column: 0), style: Styles.wrapped)
            } else {
                b.text(category.vi, r, 0, f.kind == .horizontal ? Styles.wrapped : Styles.totalLabel, measure: false)
            }
            for (k, s) in f.series.enumerated() {
                if let source = s.sources[i] {
                    b.formula(source, cached: s.values[i], r, 1 + k, Styles.number(format))
                } else {
                    b.number(s.values[i], r, 1 + k, Styles.number(format))
                }
            }
        }
        let tableSheet = "'" + chartsSheetName.replacingOccurrences(of: "'", with: "''") + "'"
        func range(_ column: Int) -> String {
            let col = CellRef.columnName(column)
            return "\(tableSheet)!$\(col)$\(header + 2):$\(col)$\(header + 1 + f.categories.count)"
        }
        let categories = Chart.Data.text(range(0), f.categories.map(\.vi))
        let colours = ["2E75B6", "C00000", "70AD47", "ED7D31"]
        let series = f.series.enumerated().map { k, s in
            Chart.Series(
                name: s.name.vi, categories: categories, values: .numbers(range(1 + k), s.values),
                kind: s.line ? .line : .bar, colour: s.line ? "C00000" : (f.kind == .stacked ? ["2E75B6", "F4B183"][k % 2] : colours[k % colours.count]),
                labels: !s.line && f.kind != .stacked)
        }
        let chart = Chart(
            title: f.title.vi, direction: f.kind == .horizontal ? .bar : .column,
            grouping: f.kind == .stacked ? .stacked : .clustered, series: series,
            valueFormat: f.percent ? "0%" : "#,##0", labelFormat: f.percent ? "0.0%" : nil, minimum: 0, font: Styles.fontName)
        sheet.addChart(chart, from: CellRef(row: header, column: chartColumn),
                       to: CellRef(row: header + chartHeight, column: chartColumn + chartWidth))
    }
}
