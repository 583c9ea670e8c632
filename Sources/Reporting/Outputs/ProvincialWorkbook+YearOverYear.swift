import XLSX

/// `So sánh các kỳ`: each indicator per unit over the periods, as formulas over the data
/// sheets (`Kỳ 2015`, `Theo đơn vị`), with the change and the change in percent; one block
/// per indicator, a province row under each. Portrait, one column per period.
extension ProvincialWorkbook {
    static let yearOverYearSheetName = "So sánh các kỳ"

    static func writeYearOverYear(
        _ c: Consolidation, earlier: [String], history: History, layout: ByUnitLayout, into b: SheetBuilder
    ) {
        let periods = earlier + [c.period.description]
        let periodCol = 2, changeCol = periodCol + periods.count, pctCol = changeCol + 1
        titleRows(
            b, title: "So sánh giữa các kỳ",
            subtitles: [c.spec.title.vi, "Các kỳ \(periods.joined(separator: ", ")); số liệu lấy bằng công thức từ các trang số liệu."],
            lastColumn: pctCol, headerRows: 3...3)
        let header = 3
        b.text("STT", header, 0, Styles.header, measure: false)
        b.text("Đơn vị", header, 1, Styles.header, measure: false)
        for (k, p) in periods.enumerated() { b.text("Kỳ \(p)", header, periodCol + k, Styles.header, measure: false) }
        b.text("Tăng (+), giảm (−) so với kỳ trước", header, changeCol, Styles.header, measure: false)
        b.text("Tỷ lệ thay đổi", header, pctCol, Styles.header, measure: false)
        b.sheet.setRowHeight(header, 48)
        b.sheet.freezePanes(rows: header + 1, columns: 2)

        let first = ByUnitLayout.firstDataRow
        let total = layout.totalRow(unitCount: c.units.count)
        func sheetName(_ k: Int) -> String { k == periods.count - 1 ? byUnitSheetName : periodSheetName(periods[k]) }
        var row = header + 1
        // The indicator's own figure of the period: its last value column (`current`).
        for ind in c.spec.indicators {
            guard let column = c.spec.columns.map(\.id).last(where: { ind.columns.contains($0) }),
                let sheetColumn = layout.sheetColumn(ind.code, column)
            else { continue }
            let format = ind.integer ? Styles.integer : Styles.decimal
            b.merge(CellRange(first: CellRef(row: row, column: 0), last: CellRef(row: row, column: pctCol)),
                    "\(ind.label.vi) (\(ind.code))", Styles.heading)
            row += 1
            // Units, then the province.
            let lines: [(n: String, name: String, dataRow: Int, values: [Double?], isTotal: Bool)] =
                c.units.enumerated().map { n, u in
                    let values = periods.indices.map { k -> Double? in
                        k == periods.count - 1 ? (u.status.isCounted ? u.value(ind.code, column) : nil)
                            : history.value(unit: u.code, period: periods[k], indicator: ind.code, column: column)
                    }
                    return (String(n + 1), u.name, first + n, values, false)
                }
                + [("", "Toàn tỉnh", total, periods.indices.map { k -> Double? in
                    if k == periods.count - 1 { return c.indicator(ind.code)?.totals[column]?.value }
                    let vs = c.units.compactMap { history.value(unit: $0.code, period: periods[k], indicator: ind.code, column: column) }
                    return vs.reduce(0, +)
                }, true)]
            for line in lines {
                let labelStyle = line.isTotal ? Styles.totalLabel : Styles.text
                b.text(line.n, row, 0, line.isTotal ? Styles.totalLabel : Styles.centered)
                b.text(line.name, row, 1, labelStyle)
                let valueStyle = line.isTotal ? Styles.total(format) : Styles.number(format)
                for k in periods.indices {
                    let src = reference(sheet: sheetName(k), CellRef(row: line.dataRow, column: sheetColumn))
                    cell(b, "IF(ISNUMBER(\(src)),\(src),\"\")", line.values[k], row, periodCol + k, valueStyle)
                }
                let before = periods.count >= 2 ? line.values[periods.count - 2] : nil
                let now = line.values[periods.count - 1]
                let a = CellRef(row: row, column: changeCol - 2).description, z = CellRef(row: row, column: changeCol - 1).description
                if periods.count >= 2 {
                    let change = before.flatMap { p in now.map { $0 - p } }
                    cell(b, "IF(AND(ISNUMBER(\(a)),ISNUMBER(\(z))),\(z)-\(a),\"\")", change, row, changeCol,
                         line.isTotal ? Styles.total(ind.integer ? Styles.change : Styles.decimalChange)
                            : Styles.number(ind.integer ? Styles.change : Styles.decimalChange))
                    let pct = before.flatMap { p in p == 0 ? nil : now.map { ($0 - p) / p } }
                    cell(b, "IF(AND(ISNUMBER(\(a)),ISNUMBER(\(z)),\(a)<>0),(\(z)-\(a))/\(a),\"\")", pct, row, pctCol,
                         line.isTotal ? Styles.total(Styles.percent) : Styles.number(Styles.percent))
                } else {
                    b.number(nil, row, changeCol, Styles.number(Styles.change))
                    b.number(nil, row, pctCol, Styles.number(Styles.percent))
                }
                row += 1
            }
        }
        var fixed: [Int: Double] = [0: 5, 1: 28, changeCol: 14, pctCol: 12]
        for k in periods.indices { fixed[periodCol + k] = 11 }
        b.fitColumns(pctCol + 1, fixed: fixed)
        b.sheet.pageSetup.orientation = .portrait
        b.sheet.pageSetup.fitToWidth = 1
    }

    /// A formula whose cached result is `value`, or the empty text the formula gives when
    /// there is none (so a reader that does not recalculate shows a blank, not 0).
    static func cell(_ b: SheetBuilder, _ formula: String, _ value: Double?, _ row: Int, _ column: Int, _ style: CellStyle) {
        if let value, value.isFinite {
            b.formula(formula, cached: value, row, column, style)
        } else {
            b.sheet.writeFormula(formula, cached: .string(""), at: CellRef(row: row, column: column), style: style)
        }
    }
}
