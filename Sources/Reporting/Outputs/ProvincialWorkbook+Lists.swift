import XLSX

extension ProvincialWorkbook {
    static let listHeaderRow = 3

    /// A merged list (or the action list): STT, the unit, then the spec's columns.
    static func writeList(
        _ c: Consolidation, rows: [UnitListRow], columns: [ConsolidationSpec.ListColumn], title: String,
        countLabel: String, into b: SheetBuilder
    ) {
        let header = listHeaderRow
        let lastColumn = 1 + columns.count
        var note = "Kỳ báo cáo: \(c.period). \(countLabel): \(formatCount(rows.count)), "
        note += "từ \(coverage(c.consolidatedUnits.count, c.unitCount))"
        let absent = c.units.filter { !$0.status.isCounted }.map(\.name)
        note += absent.isEmpty ? "." : " (không gồm: " + absent.joined(separator: ", ") + ")."
        titleRows(b, title: title, subtitles: [note], lastColumn: lastColumn, headerRows: header...header)

        let heads = ["STT", "Đơn vị"] + columns.map(\.label.vi)
        for (col, h) in heads.enumerated() { b.text(h, header, col, Styles.header, measure: false) }
        b.sheet.setRowHeight(header, 36)

        let names = Dictionary(c.units.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        for (n, item) in rows.enumerated() {
            let r = header + 1 + n
            b.number(Double(n + 1), r, 0, Styles.centered)
            b.text(names[item.unit] ?? item.unit, r, 1, Styles.text)
            for (i, col) in columns.enumerated() {
                b.value(item.row[col.id], r, 2 + i, style(for: col.kind))
            }
        }
        if !rows.isEmpty {
            b.sheet.autoFilter(CellRange(first: CellRef(row: header, column: 0), last: CellRef(row: header + rows.count, column: lastColumn)))
        }
        var fixed: [Int: Double] = [0: 7]
        // Headers wrap, but a column should still be wide enough for its longest header word.
        for (col, h) in heads.enumerated() where col > 0 {
            let longestWord = h.split(separator: " ").map(\.count).max() ?? 0
            let need = max(Double(longestWord) + 3, (b.contentWidth[col] ?? 0) * 1.15 + 2)
            fixed[col] = min(60, max(8, need))
        }
        b.fitColumns(lastColumn + 1, fixed: fixed)
    }

    static func style(for kind: ConsolidationSpec.ListColumn.Kind) -> CellStyle {
        switch kind {
        case .text: return Styles.text
        case .integer: return Styles.number(Styles.integer)
        case .number: return Styles.number(Styles.decimal)
        case .date: return { var s = Styles.centered; s.numberFormat = Styles.date; return s }()
        case .bool: return Styles.centered
        }
    }

    /// A count in running Vietnamese text: `1.873` (cells use `#,##0` and the reader's locale).
    static func formatCount(_ n: Int) -> String {
        let s = String(n)
        var out = ""
        for (i, ch) in s.enumerated() {
            if i > 0 && (s.count - i) % 3 == 0 { out.append(".") }
            out.append(ch)
        }
        return out
    }
}
