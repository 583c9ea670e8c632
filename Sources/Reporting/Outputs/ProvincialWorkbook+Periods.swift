import XLSX

/// The earlier periods' data sheets (`Kỳ 2015`): each unit's accepted figures of that
/// period, laid out like `Theo đơn vị` (same rows, same columns), so that the
/// year-over-year and targets sheets compare periods with formulas over data sheets.
extension ProvincialWorkbook {
    /// `Kỳ 2015`.
    static func periodSheetName(_ period: String) -> String { "Kỳ \(period)" }

    /// The earlier periods shown: those in the history before this one, latest `shown` of them.
    static func earlierPeriods(_ c: Consolidation, _ ctx: PeriodContext) -> [String] {
        Array(ctx.history.periods(before: c.period).suffix(max(0, ctx.periodsShown)))
    }

    static func writePeriodData(
        _ c: Consolidation, period: String, history: History, layout: ByUnitLayout, into b: SheetBuilder
    ) {
        let top = ByUnitLayout.headerTop, bottom = ByUnitLayout.headerBottom
        let units = history.periods[period] ?? [:]
        let counted = c.units.filter { units[$0.code] != nil }.count
        titleRows(
            b, title: "Số liệu kỳ \(period)",
            subtitles: [c.spec.title.vi, "Số liệu đã được chấp nhận của kỳ \(period) (\(coverage(counted, c.unitCount))), từ sổ theo dõi."],
            lastColumn: max(layout.lastColumn, 3), headerRows: top...bottom, merged: false)
        b.sheet.freezePanes(rows: bottom + 1, columns: 3)
        for (col, label) in ["STT", "Mã đơn vị", "Đơn vị", "Tình trạng"].enumerated() {
            b.merge(CellRange(first: CellRef(row: top, column: col), last: CellRef(row: bottom, column: col)), label, Styles.header)
        }
        var i = 0
        while i < layout.valueColumns.count {
            let ind = layout.valueColumns[i].indicator
            var j = i
            while j + 1 < layout.valueColumns.count, layout.valueColumns[j + 1].indicator.code == ind.code { j += 1 }
            b.merge(CellRange(first: CellRef(row: top, column: layout.valueColumns[i].sheetColumn),
                              last: CellRef(row: top, column: layout.valueColumns[j].sheetColumn)),
                    "\(ind.label.vi) (\(ind.code))", Styles.header)
            for k in i...j {
                let v = layout.valueColumns[k]
                b.text(c.spec.column(v.column)?.label.vi ?? v.column, bottom, v.sheetColumn, Styles.header, measure: false)
            }
            i = j + 1
        }
        for t in layout.targetColumns { b.text("", top, t.sheetColumn, Styles.text, measure: false) }
        b.sheet.setRowHeight(top, 66)
        b.sheet.setRowHeight(bottom, 66)
        let first = ByUnitLayout.firstDataRow
        for (n, u) in c.units.enumerated() {
            let r = first + n
            b.number(Double(n + 1), r, 0, Styles.centered)
            b.text(u.code, r, 1, Styles.centered)
            b.text(u.name, r, 2, Styles.text)
            let figures = units[u.code]
            b.text(figures == nil ? "Không có số liệu" : "Đã chấp nhận", r, 3, figures == nil ? Styles.status(.missing) : Styles.status(.accepted))
            for v in layout.valueColumns {
                b.number(figures?[v.indicator.code]?[v.column], r, v.sheetColumn,
                         Styles.number(v.indicator.integer ? Styles.integer : Styles.decimal))
            }
        }
        let total = layout.totalRow(unitCount: c.units.count)
        b.merge(CellRange(first: CellRef(row: total, column: 0), last: CellRef(row: total, column: 2)),
                "Tổng cộng (\(coverage(counted, c.unitCount)))", Styles.totalLabel)
        b.text("", total, 3, Styles.totalLabel)
        let last = first + max(c.units.count, 1) - 1
        for v in layout.valueColumns {
            let values = c.units.compactMap { units[$0.code]?[v.indicator.code]?[v.column] }
            let range = CellRange(first: CellRef(row: first, column: v.sheetColumn), last: CellRef(row: last, column: v.sheetColumn))
            b.formula("SUM(\(range))", cached: values.isEmpty ? 0 : values.reduce(0, +), total, v.sheetColumn,
                      Styles.total(v.indicator.integer ? Styles.integer : Styles.decimal))
        }
        var fixed: [Int: Double] = [0: 6, 1: 10, 3: 18]
        for v in layout.valueColumns { fixed[v.sheetColumn] = max(12, ((b.contentWidth[v.sheetColumn] ?? 0) * 1.15 + 2)) }
        b.fitColumns(layout.valueColumns.last.map { $0.sheetColumn + 1 } ?? 4, fixed: fixed)
        var estimate: [Double] = [6, 10, fixed[2] ?? 30, 18]
        for _ in layout.valueColumns { estimate.append(12) }
        b.sheet.pageSetup.fitToWidth = nil
        b.sheet.pageSetup.repeatColumns = 0...2
        b.sheet.pageSetup.columnBreaks = layout.pageBreaks(widths: estimate)
    }
}
