import XLSX

extension ProvincialWorkbook {
    static let summaryHeaderRow = 4

    /// `Tổng hợp`: one row per summary line. Values refer to the totals of `Theo đơn vị`;
    /// change, relative change, ratios and attainment are formulas over them.
    static func writeSummary(_ c: Consolidation, byUnit: ByUnitLayout, into b: SheetBuilder) {
        let spec = c.spec
        let k = spec.columns.count
        let colChange = 4 + k, colRelative = 5 + k, colTarget = 6 + k, colAttain = 7 + k, colCoverage = 8 + k
        let header = summaryHeaderRow
        let unitCount = c.units.count

        var notes = ["Đã tổng hợp \(coverage(c.consolidatedUnits.count, c.unitCount))."]
        let missing = c.units.filter { $0.status == .missing }.map(\.name)
        let rejected = c.units.filter { $0.status == .rejected }.map(\.name)
        if !missing.isEmpty { notes.append("Chưa nộp: " + missing.joined(separator: ", ") + ".") }
        if !rejected.isEmpty { notes.append("Bị từ chối: " + rejected.joined(separator: ", ") + ".") }
        if missing.isEmpty && rejected.isEmpty { notes.append("Tất cả đơn vị đã nộp và được tiếp nhận.") }
        titleRows(
            b, title: spec.title.vi,
            subtitles: ["Kỳ báo cáo: \(c.period)", notes.joined(separator: " ")],
            lastColumn: colCoverage, headerRows: header...header)
        b.sheet.setRowHeight(2, 30)

        var heads = ["STT", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính"] + spec.columns.map(\.label.vi)
        heads += ["Tăng (+), giảm (−)", "Tỷ lệ tăng, giảm",
                  "Chỉ tiêu kế hoạch", "Tỷ lệ đạt chỉ tiêu", "Số đơn vị tổng hợp"]
        for (col, h) in heads.enumerated() { b.text(h, header, col, Styles.header, measure: false) }
        b.sheet.setRowHeight(header, 66)

        // Sheet column of each value column, and the summary row of each indicator.
        let valueCol = Dictionary(uniqueKeysWithValues: spec.columns.enumerated().map { ($1.id, 4 + $0) })
        func ref(_ row: Int, _ col: Int) -> String { CellRef(row: row, column: col).description }
        func unitTotal(_ indicator: String, _ column: String) -> String? {
            byUnit.totalRef(indicator, column, unitCount: unitCount).map { reference(sheet: byUnitSheetName, $0) }
        }

        var r = header + 1
        var number = 0
        let lastCol = colCoverage
        for line in spec.summaryLines {
            switch line {
            case .heading(let label):
                b.merge(CellRange(first: CellRef(row: r, column: 0), last: CellRef(row: r, column: lastCol)),
                        label.vi, Styles.heading)

            case .indicator(let code):
                guard let ind = spec.indicator(code), let s = c.indicator(code) else { continue }
                number += 1
                let fmt = ind.integer ? Styles.integer : Styles.decimal
                b.number(Double(number), r, 0, Styles.centered)
                b.text(ind.code, r, 1, Styles.text)
                b.text(ind.label.vi, r, 2, Styles.wrapped)
                b.text(ind.unitOfMeasure?.vi ?? "", r, 3, Styles.centered)
                for col in spec.columns {
                    let at = valueCol[col.id]!
                    if let total = s.totals[col.id], let f = unitTotal(code, col.id) {
                        b.formula(f, cached: total.value, r, at, Styles.number(fmt))
                    } else {
                        b.number(nil, r, at, Styles.number(fmt))
                    }
                }
                let base = valueCol[spec.baselineColumn].map { ref(r, $0) }
                let cur = valueCol[spec.currentColumn].map { ref(r, $0) }
                if let base, let cur, s.change != nil {
                    b.formula("\(cur)-\(base)", cached: s.change, r, colChange,
                              Styles.number(ind.integer ? Styles.change : Styles.decimalChange))
                    b.formula("(\(cur)-\(base))/\(base)", cached: s.relativeChange, r, colRelative, Styles.number(Styles.percent))
                } else {
                    b.number(nil, r, colChange, Styles.number(Styles.change))
                    b.number(nil, r, colRelative, Styles.number(Styles.percent))
                }
                if let t = spec.targets.first(where: { $0.indicator == code }), let goal = unitTotal(t.target, t.column),
                   let have = valueCol[t.column]
                {
                    b.formula(goal, cached: s.target, r, colTarget, Styles.number(fmt))
                    b.formula("\(ref(r, have))/\(ref(r, colTarget))", cached: s.attainment, r, colAttain, Styles.number(Styles.percent))
                } else {
                    b.number(nil, r, colTarget, Styles.number(fmt))
                    b.number(nil, r, colAttain, Styles.number(Styles.percent))
                }
                let cover = s.totals[spec.currentColumn] ?? s.totals.values.max { $0.units < $1.units }
                b.text(cover.map { coverage($0.units, $0.of) } ?? coverage(0, c.unitCount), r, colCoverage, Styles.centered)

            case .ratio(let id):
                guard let ratio = spec.ratio(id), let s = c.ratio(id) else { continue }
                number += 1
                let fmt = ratio.percent ? Styles.percent : Styles.decimal
                b.number(Double(number), r, 0, Styles.centered)
                b.text("\(ratio.numerator)/\(ratio.denominator)", r, 1, Styles.text)
                b.text(ratio.label.vi, r, 2, Styles.wrapped)
                b.text(ratio.percent ? "%" : "", r, 3, Styles.centered)
                for col in spec.columns {
                    let at = valueCol[col.id]!
                    if let v = s.value(col.id), let n = unitTotal(ratio.numerator, col.id),
                       let d = unitTotal(ratio.denominator, col.id)
                    {
                        b.formula("\(n)/\(d)", cached: v, r, at, Styles.number(fmt))
                    } else {
                        b.number(nil, r, at, Styles.number(fmt))
                    }
                }
                let base = valueCol[spec.baselineColumn].map { ref(r, $0) }
                let cur = valueCol[spec.currentColumn].map { ref(r, $0) }
                if let base, let cur, let points = s.changePoints {
                    if ratio.percent {
                        b.formula("(\(cur)-\(base))*100", cached: points, r, colChange, Styles.number(Styles.points))
                    } else {
                        b.formula("\(cur)-\(base)", cached: points / 100, r, colChange, Styles.number(Styles.decimalChange))
                    }
                } else {
                    b.number(nil, r, colChange, Styles.number(Styles.points))
                }
                for col in [colRelative, colTarget, colAttain] { b.number(nil, r, col, Styles.number(Styles.percent)) }
                let cover = c.indicator(ratio.numerator)?.totals[spec.currentColumn]
                b.text(cover.map { coverage($0.units, $0.of) } ?? "", r, colCoverage, Styles.centered)
            }
            r += 1
        }

        var fixed: [Int: Double] = [0: 6, 2: 48, colRelative: 12, colAttain: 12]
        for col in 4...colTarget where col != colRelative {
            fixed[col] = max(14, (b.contentWidth[col] ?? 0) * 1.15 + 2)
        }
        b.fitColumns(lastCol + 1, fixed: fixed)
    }
}
