import XLSX

/// A picture of the consolidated figures: the provincial workbook draws it as a native
/// chart (sheet `Biểu đồ`), the run report as inline SVG. Both come from the same figures.
///
/// `ChartFigure.figures(for:)` derives them from the spec, naming no indicator:
/// - for each target (`KN` against `KN_CT`), attainment by counted unit and for the
///   province, as bars with the target (100%) as a line;
/// - for each denominator shared by two or more ratios (`DV_CO / DV`, `DV_CHUA / DV`), its
///   parts by counted unit as stacked bars (with and without a party organisation);
/// - every indicator with both a baseline and a current value: the province's totals,
///   baseline against current, as clustered horizontal bars.
public struct ChartFigure: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Vertical bars with line series over them (the target line).
        case barsWithTarget
        /// Vertical bars stacked: the parts of a whole.
        case stacked
        /// Horizontal bars side by side.
        case horizontal
    }

    public struct Series: Sendable, Hashable {
        public var name: Localized
        /// One per category; nil where there is no value.
        public var values: [Double?]
        /// Drawn as a line over the bars.
        public var line: Bool
        /// The workbook cell each value comes from (`'Theo đơn vị'!F6`); nil for a constant.
        var sources: [String?]
    }

    public var title: Localized
    public var kind: Kind
    /// The heading of the categories' column in the workbook's data table.
    public var categoryHeader: Localized
    public var categories: [Localized]
    /// The workbook cell each category's name comes from; nil for a name we write.
    var categorySources: [String?]
    public var series: [Series]
    /// Values are fractions shown as percentages.
    public var percent: Bool

    /// The figures of one consolidation, in the order above (none for what the spec lacks).
    public static func figures(for c: Consolidation) -> [ChartFigure] {
        let spec = c.spec
        let layout = ProvincialWorkbook.ByUnitLayout(spec)
        let byUnit = ProvincialWorkbook.byUnitSheetName
        let first = ProvincialWorkbook.ByUnitLayout.firstDataRow
        func cell(_ row: Int, _ column: Int) -> String {
            ProvincialWorkbook.reference(sheet: byUnit, CellRef(row: row, column: column))
        }
        let counted = c.units.enumerated().filter { $0.element.status.isCounted }
        let unitNames = counted.map { Localized(vi: $0.element.name, en: $0.element.name) }
        let unitSources = counted.map { cell(first + $0.offset, 2) as String? }
        let totalRow = layout.totalRow(unitCount: c.units.count)
        var out: [ChartFigure] = []

        for t in layout.targetColumns {
            guard let ind = spec.indicator(t.target.indicator) else { continue }
            let rows = counted.filter { $0.element.attainment[ind.code] != nil }
            guard !rows.isEmpty else { continue }
            var categories = rows.map { Localized(vi: $0.element.name, en: $0.element.name) }
            var catSources = rows.map { cell(first + $0.offset, 2) as String? }
            var values = rows.map { $0.element.attainment[ind.code] }
            var sources = rows.map { cell(first + $0.offset, t.sheetColumn) as String? }
            if let all = c.indicator(ind.code)?.attainment {
                categories.append(Localized(vi: "Toàn tỉnh", en: "Province"))
                catSources.append(nil)
                values.append(all)
                sources.append(cell(totalRow, t.sheetColumn))
            }
            out.append(ChartFigure(
                title: Localized(
                    vi: "Tỷ lệ đạt chỉ tiêu theo đơn vị — \(ind.label.vi)",
                    en: "Target attainment by unit — \(ind.label.en)"),
                kind: .barsWithTarget, categoryHeader: Localized(vi: "Đơn vị", en: "Unit"),
                categories: categories, categorySources: catSources,
                series: [
                    Series(name: Localized(vi: "Tỷ lệ đạt", en: "Attainment"), values: values, line: false, sources: sources),
                    Series(name: Localized(vi: "Chỉ tiêu (100%)", en: "Target (100%)"),
                           values: Array(repeating: 1, count: values.count), line: true,
                           sources: Array(repeating: nil, count: values.count)),
                ],
                percent: true))
        }

        let current = spec.currentColumn
        var denominators: [String] = []
        for r in spec.ratios where !denominators.contains(r.denominator) { denominators.append(r.denominator) }
        for d in denominators {
            guard let whole = spec.indicator(d), !counted.isEmpty else { continue }
            let parts = spec.ratios.filter { $0.denominator == d }.compactMap { r -> (ConsolidationSpec.Indicator, Int)? in
                guard let ind = spec.indicator(r.numerator), let col = layout.sheetColumn(r.numerator, current) else { return nil }
                return (ind, col)
            }
            guard parts.count >= 2 else { continue }
            out.append(ChartFigure(
                title: Localized(vi: "\(whole.label.vi) theo đơn vị", en: "\(whole.label.en) by unit"),
                kind: .stacked, categoryHeader: Localized(vi: "Đơn vị", en: "Unit"),
                categories: unitNames, categorySources: unitSources,
                series: parts.map { ind, col in
                    Series(
                        name: ind.label, values: counted.map { $0.element.value(ind.code, current) }, line: false,
                        sources: counted.map { cell(first + $0.offset, col) })
                },
                percent: false))
        }

        let base = spec.baselineColumn
        let both = spec.indicators.filter {
            c.indicator($0.code)?.totals[base] != nil && c.indicator($0.code)?.totals[current] != nil
                && layout.sheetColumn($0.code, base) != nil && layout.sheetColumn($0.code, current) != nil
        }
        if !both.isEmpty, let baseColumn = spec.column(base), let currentColumn = spec.column(current) {
            out.append(ChartFigure(
                title: Localized(
                    vi: "Toàn tỉnh: \(baseColumn.label.vi) và \(lowercasedFirst(currentColumn.label.vi))",
                    en: "Province: \(baseColumn.label.en) and \(lowercasedFirst(currentColumn.label.en))"),
                kind: .horizontal, categoryHeader: Localized(vi: "Chỉ tiêu", en: "Indicator"),
                categories: both.map(\.label), categorySources: both.map { _ in nil },
                series: [base, current].map { col in
                    Series(
                        name: spec.column(col)!.label, values: both.map { c.indicator($0.code)?.total(col) }, line: false,
                        sources: both.map { cell(totalRow, layout.sheetColumn($0.code, col)!) })
                },
                percent: false))
        }
        return out
    }

    private static func lowercasedFirst(_ s: String) -> String {
        guard let f = s.first else { return s }
        return f.lowercased() + s.dropFirst()
    }
}
