import XLSX

extension ProvincialWorkbook {
    /// Where the `Theo đơn vị` sheet puts things; the summary's formulas refer to its totals.
    struct ByUnitLayout {
        static let fixedColumns = 4  // STT, code, name, status
        static let headerTop = 3
        static let headerBottom = 4
        static let firstDataRow = 5

        /// (indicator, value column) in sheet order, each with its sheet column.
        var valueColumns: [(indicator: ConsolidationSpec.Indicator, column: String, sheetColumn: Int)] = []
        /// One attainment column per target.
        var targetColumns: [(target: ConsolidationSpec.Target, sheetColumn: Int)] = []
        var lastColumn: Int

        init(_ spec: ConsolidationSpec) {
            var col = ByUnitLayout.fixedColumns
            for ind in spec.indicators {
                for c in spec.columns.map(\.id) where ind.columns.contains(c) {
                    valueColumns.append((ind, c, col))
                    col += 1
                }
            }
            for t in spec.targets where spec.indicator(t.indicator) != nil && spec.indicator(t.target) != nil {
                targetColumns.append((t, col))
                col += 1
            }
            lastColumn = col - 1
        }

        func sheetColumn(_ indicator: String, _ column: String) -> Int? {
            valueColumns.first { $0.indicator.code == indicator && $0.column == column }?.sheetColumn
        }

        /// Where the printed pages split the columns: before an indicator's columns (or a
        /// target's) that would not fit on the page, given the sheet's column widths (in
        /// characters) and the repeated STT, code and name columns.
        func pageBreaks(widths: [Double], page: Double = 100) -> [Int] {
            var groups: [[Int]] = []
            var previous: String?
            for v in valueColumns {
                if v.indicator.code == previous { groups[groups.count - 1].append(v.sheetColumn) } else { groups.append([v.sheetColumn]) }
                previous = v.indicator.code
            }
            for t in targetColumns { groups.append([t.sheetColumn]) }
            let repeated = widths.prefix(3).reduce(0, +)
            var used = repeated + (widths.count > 3 ? widths[3] : 0)
            var breaks: [Int] = []
            for g in groups {
                let w = g.reduce(0) { $0 + ($1 < widths.count ? widths[$1] : 12) }
                if used + w > page && used > repeated {
                    breaks.append(g[0])
                    used = repeated
                }
                used += w
            }
            return breaks
        }

        func totalRow(unitCount: Int) -> Int { ByUnitLayout.firstDataRow + unitCount }

        /// The total cell of (indicator, column), for formulas on other sheets.
        func totalRef(_ indicator: String, _ column: String, unitCount: Int) -> CellRef? {
            sheetColumn(indicator, column).map { CellRef(row: totalRow(unitCount: unitCount), column: $0) }
        }
    }

    static func writeByUnit(_ c: Consolidation, layout: ByUnitLayout, into b: SheetBuilder) {
        let spec = c.spec
        let top = ByUnitLayout.headerTop, bottom = ByUnitLayout.headerBottom
        let counted = c.consolidatedUnits.count
        titleRows(
            // Short lines: column A repeats on every printed page and its text shows only
            // as far as the repeated columns reach.
            b, title: "Số liệu theo đơn vị",
            subtitles: [spec.title.vi, "Kỳ báo cáo: \(c.period). Đã tổng hợp \(coverage(counted, c.unitCount))."],
            lastColumn: layout.lastColumn, headerRows: top...bottom, merged: false)
        b.sheet.freezePanes(rows: bottom + 1, columns: 3)

        // Two header rows: the indicator over its value columns, then each column's label.
        for (col, label) in ["STT", "Mã đơn vị", "Đơn vị", "Tình trạng"].enumerated() {
            b.merge(CellRange(first: CellRef(row: top, column: col), last: CellRef(row: bottom, column: col)),
                    label, Styles.header)
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
                b.text(spec.column(v.column)?.label.vi ?? v.column, bottom, v.sheetColumn, Styles.header, measure: false)
            }
            i = j + 1
        }
        for t in layout.targetColumns {
            b.merge(CellRange(first: CellRef(row: top, column: t.sheetColumn), last: CellRef(row: bottom, column: t.sheetColumn)),
                    "Tỷ lệ đạt chỉ tiêu (\(t.target.indicator)/\(t.target.target))", Styles.header)
        }
        b.sheet.setRowHeight(top, 66)
        b.sheet.setRowHeight(bottom, 66)

        // Printed at full size (no text under the sheet's own size): the columns split over
        // A4 landscape pages between indicators, each page repeating STT, code and name.
        // The split is decided from the widths the columns will have at least (value
        // columns 12, targets 13, the name as long as the longest), so that a rejected or
        // missing unit's note can be written once on each page's part of its row.
        let nameWidth = min(60, max(6, (c.units.map { SheetBuilder.displayWidth($0.name) }.max() ?? 0) * 1.15 + 2))
        var estimate: [Double] = [6, 10, nameWidth, 22]
        for _ in layout.valueColumns { estimate.append(12) }
        for _ in layout.targetColumns { estimate.append(13) }
        let breaks = layout.pageBreaks(widths: estimate)
        var segments: [ClosedRange<Int>] = []
        var from = ByUnitLayout.fixedColumns
        for brk in breaks + [layout.lastColumn + 1] where brk > from {
            segments.append(from...(brk - 1))
            from = brk
        }

        // One row per unit.
        let first = ByUnitLayout.firstDataRow
        for (n, u) in c.units.enumerated() {
            let r = first + n
            b.number(Double(n + 1), r, 0, Styles.centered)
            b.text(u.code, r, 1, Styles.centered)
            b.text(u.name, r, 2, Styles.text)
            b.text(u.status.label.vi, r, 3, Styles.status(u.status))
            guard u.status.isCounted else {
                // Short: it is written on each printed page's part of the row (two columns
                // at least); the file and why are on the issues sheet.
                let note = u.status == .missing ? "Chưa nộp — không tính" : "Bị từ chối — không tính"
                for seg in segments {
                    b.merge(CellRange(first: CellRef(row: r, column: seg.lowerBound), last: CellRef(row: r, column: seg.upperBound)),
                            seg.count > 1 ? note : "không tính", Styles.status(u.status))
                }
                continue
            }
            for v in layout.valueColumns {
                b.number(u.value(v.indicator.code, v.column), r, v.sheetColumn,
                         Styles.number(v.indicator.integer ? Styles.integer : Styles.decimal))
            }
            for t in layout.targetColumns {
                let have = layout.sheetColumn(t.target.indicator, t.target.column)
                let goal = layout.sheetColumn(t.target.target, t.target.column)
                let cached = u.attainment[t.target.indicator]
                if let have, let goal {
                    let f = CellRef(row: r, column: have).description + "/" + CellRef(row: r, column: goal).description
                    b.formula(f, cached: cached, r, t.sheetColumn, Styles.number(Styles.percent))
                } else {
                    b.number(nil, r, t.sheetColumn, Styles.number(Styles.percent))
                }
            }
        }

        // The total row: SUM over the unit rows (text in rejected/missing rows is not summed).
        let total = layout.totalRow(unitCount: c.units.count)
        b.merge(CellRange(first: CellRef(row: total, column: 0), last: CellRef(row: total, column: 2)),
                "Tổng cộng (\(coverage(counted, c.unitCount)))", Styles.totalLabel)
        b.text("", total, 3, Styles.totalLabel)
        let last = first + max(c.units.count, 1) - 1
        for v in layout.valueColumns {
            let t = c.indicator(v.indicator.code)?.totals[v.column]
            let range = CellRange(first: CellRef(row: first, column: v.sheetColumn), last: CellRef(row: last, column: v.sheetColumn))
            b.formula("SUM(\(range))", cached: t?.value, total, v.sheetColumn,
                      Styles.total(v.indicator.integer ? Styles.integer : Styles.decimal))
        }
        for t in layout.targetColumns {
            let have = layout.sheetColumn(t.target.indicator, t.target.column)
            let goal = layout.sheetColumn(t.target.target, t.target.column)
            let cached = c.indicator(t.target.indicator)?.attainment
            if let have, let goal {
                let f = CellRef(row: total, column: have).description + "/" + CellRef(row: total, column: goal).description
                b.formula(f, cached: cached, total, t.sheetColumn, Styles.total(Styles.percent))
            }
        }
        var fixed: [Int: Double] = [0: 6, 1: 10, 3: 22]
        for v in layout.valueColumns { fixed[v.sheetColumn] = max(12, ((b.contentWidth[v.sheetColumn] ?? 0) * 1.15 + 2)) }
        for t in layout.targetColumns { fixed[t.sheetColumn] = 13 }
        b.fitColumns(layout.lastColumn + 1, fixed: fixed)
        b.sheet.pageSetup.fitToWidth = nil
        b.sheet.pageSetup.repeatColumns = 0...2
        b.sheet.pageSetup.columnBreaks = breaks
    }
}
