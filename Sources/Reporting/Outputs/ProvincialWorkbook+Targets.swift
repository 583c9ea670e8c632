import XLSX

/// `Mục tiêu hằng năm`: each yearly target of the template per unit and for the province,
/// its measure (a formula over the data sheets) and whether the unit is on course.
extension ProvincialWorkbook {
    static let targetsSheetName = "Mục tiêu hằng năm"

    static func writeTargets(
        _ c: Consolidation, targets: [YearlyTarget], previous: String?, history: History, layout: ByUnitLayout,
        into b: SheetBuilder
    ) {
        let lastColumn = 1 + targets.count * 2
        titleRows(
            b, title: "Theo dõi mục tiêu hằng năm",
            subtitles: [c.spec.title.vi, "Kỳ \(c.period)" + (previous.map { ", so với kỳ \($0)" } ?? "") + ". “Đạt” khi số đo đạt yêu cầu ghi ở đầu cột."],
            lastColumn: lastColumn, headerRows: 3...4)
        let top = 3, bottom = 4
        b.merge(CellRange(first: CellRef(row: top, column: 0), last: CellRef(row: bottom, column: 0)), "STT", Styles.header)
        b.merge(CellRange(first: CellRef(row: top, column: 1), last: CellRef(row: bottom, column: 1)), "Đơn vị", Styles.header)
        for (k, t) in targets.enumerated() {
            let col = 2 + k * 2
            b.merge(CellRange(first: CellRef(row: top, column: col), last: CellRef(row: top, column: col + 1)),
                    "\(t.label.vi) (\(t.requirement))", Styles.header)
            b.text(measureName(t), bottom, col, Styles.header, measure: false)
            b.text("Đánh giá", bottom, col + 1, Styles.header, measure: false)
        }
        b.sheet.setRowHeight(top, 64)
        b.sheet.setRowHeight(bottom, 32)
        b.sheet.freezePanes(rows: bottom + 1, columns: 2)

        let first = ByUnitLayout.firstDataRow
        let total = layout.totalRow(unitCount: c.units.count)
        var row = bottom + 1
        let lines: [(n: String, name: String, code: String?, dataRow: Int)] =
            c.units.enumerated().map { (String($0 + 1), $1.name, $1.code, first + $0) } + [("", "Toàn tỉnh", nil, total)]
        for line in lines {
            let isTotal = line.code == nil
            b.text(line.n, row, 0, isTotal ? Styles.totalLabel : Styles.centered)
            b.text(line.name, row, 1, isTotal ? Styles.totalLabel : Styles.text)
            let unit = line.code.flatMap { code in c.units.first { $0.code == code } }
            for (k, t) in targets.enumerated() {
                let col = 2 + k * 2
                // The values the formula reads, for its cached result.
                func now(_ code: String) -> Double? {
                    if let unit { return unit.status.isCounted ? unit.value(code, t.column) : nil }
                    return c.indicator(code)?.totals[t.column]?.value
                }
                func before(_ code: String) -> Double? {
                    guard let previous else { return nil }
                    if let unit { return history.value(unit: unit.code, period: previous, indicator: code, column: t.column) }
                    let vs = c.units.compactMap { history.value(unit: $0.code, period: previous, indicator: code, column: t.column) }
                    return vs.isEmpty ? nil : vs.reduce(0, +)
                }
                let value = t.value(current: now, previous: before)
                let course = t.onCourse(value, current: now, previous: before)
                func ref(_ code: String, _ sheet: String) -> String {
                    guard let sc = layout.sheetColumn(code, t.column) else { return "\"\"" }
                    return reference(sheet: sheet, CellRef(row: line.dataRow, column: sc))
                }
                let f: String
                switch t.measure {
                case .changePercent(let i):
                    let a = previous.map { ref(i, periodSheetName($0)) } ?? "\"\"", z = ref(i, byUnitSheetName)
                    f = "IF(AND(ISNUMBER(\(a)),ISNUMBER(\(z)),N(\(a))<>0),(\(z)-\(a))/\(a),\"\")"
                case .share(let n, let d), .reach(let n, let d):
                    let x = ref(n, byUnitSheetName), y = ref(d, byUnitSheetName)
                    f = "IF(AND(ISNUMBER(\(x)),ISNUMBER(\(y)),N(\(y))<>0),\(x)/\(y),\"\")"
                }
                let style = isTotal ? Styles.total(Styles.percent) : Styles.number(Styles.percent)
                cell(b, f, value.map { $0 / 100 }, row, col, style)
                let v = CellRef(row: row, column: col).description
                var conditions: [String] = []
                if let lo = t.atLeast { conditions.append("\(v)>=\(lo / 100)") }
                if let hi = t.atMost { conditions.append("\(v)<=\(hi / 100)") }
                var zeroToZero = "\"\""
                if case .changePercent(let i) = t.measure, let previous {
                    let a = ref(i, periodSheetName(previous)), z = ref(i, byUnitSheetName)
                    zeroToZero = "IF(AND(ISNUMBER(\(a)),ISNUMBER(\(z)),N(\(a))=0,N(\(z))=0),\"Đạt\",\"\")"
                }
                let verdict = "IF(\(v)=\"\",\(zeroToZero),IF(AND(\(conditions.joined(separator: ","))),\"Đạt\",\"Chưa đạt\"))"
                let text = course.map { $0 ? "Đạt" : "Chưa đạt" } ?? ""
                var vs = isTotal ? Styles.totalLabel : Styles.centered
                vs.alignment = Alignment(horizontal: .center, vertical: .center)
                if course == false { vs.fill = Styles.rejectedFill }
                b.sheet.writeFormula(verdict, cached: .string(text), at: CellRef(row: row, column: col + 1), style: vs)
            }
            row += 1
        }
        var fixed: [Int: Double] = [0: 5, 1: 28]
        for k in targets.indices {
            fixed[2 + k * 2] = 13
            fixed[3 + k * 2] = 11
        }
        b.fitColumns(lastColumn + 1, fixed: fixed)
    }

    static func measureName(_ t: YearlyTarget) -> String {
        switch t.measure {
        case .changePercent: return "Thay đổi so với kỳ trước"
        case .share: return "Tỷ lệ"
        case .reach: return "Tỷ lệ đạt chỉ tiêu"
        }
    }
}
