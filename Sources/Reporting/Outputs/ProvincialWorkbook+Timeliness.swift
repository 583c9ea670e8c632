import XLSX

/// `Tiến độ nộp`: every expected unit against the period's deadline: on time, late by how
/// long, rejected and awaiting a corrected file, missing; when its file came (receipt time,
/// in the province's time), how many files it sent.
extension ProvincialWorkbook {
    static let timelinessSheetName = "Tiến độ nộp"

    static func writeTimeliness(_ c: Consolidation, _ t: Timeliness, into b: SheetBuilder) {
        let deadline = t.deadline.map { "Hạn nộp: \($0.dayMonthYearTime) (giờ UTC\($0.offsetText.replacingOccurrences(of: "Z", with: "")))." } ?? "Kỳ này không đặt hạn nộp."
        titleRows(
            b, title: "Tiến độ nộp báo cáo",
            subtitles: [c.spec.title.vi, "Kỳ báo cáo: \(c.period). \(deadline) \(t.summaryVietnamese.prefix(1).uppercased() + t.summaryVietnamese.dropFirst())."],
            lastColumn: 6, headerRows: 3...3)
        let header = 3
        for (col, label) in ["STT", "Mã đơn vị", "Đơn vị", "Tình trạng", "Nhận lúc", "Muộn", "Số tệp đã gửi"].enumerated() {
            b.text(label, header, col, Styles.header, measure: false)
        }
        b.sheet.setRowHeight(header, 32)
        for (n, u) in t.units.enumerated() {
            let r = header + 1 + n
            b.number(Double(n + 1), r, 0, Styles.centered)
            b.text(u.code, r, 1, Styles.centered)
            b.text(u.name, r, 2, Styles.text)
            var state = Styles.text
            switch u.state {
            case .onTime, .received: state = Styles.status(.accepted)
            case .late: state = Styles.status(.acceptedWithWarnings)
            case .rejected: state = Styles.status(.rejected)
            case .missing: state = Styles.status(.missing)
            }
            b.text(Timeliness.words(u, .vi, duration: false), r, 3, state)
            b.text(u.received?.dayMonthYearTime ?? "", r, 4, Styles.centered)
            b.text(u.lateBy.map { Timeliness.duration($0, .vi) } ?? "", r, 5, Styles.centered)
            b.number(Double(u.files), r, 6, Styles.number(Styles.integer))
        }
        let total = header + 1 + t.units.count
        b.merge(CellRange(first: CellRef(row: total, column: 0), last: CellRef(row: total, column: 2)), "Tổng cộng", Styles.totalLabel)
        b.merge(CellRange(first: CellRef(row: total, column: 3), last: CellRef(row: total, column: 5)), t.summaryVietnamese, Styles.totalLabel)
        let range = CellRange(first: CellRef(row: header + 1, column: 6), last: CellRef(row: max(header + 1, total - 1), column: 6))
        b.formula("SUM(\(range))", cached: Double(t.units.map(\.files).reduce(0, +)), total, 6, Styles.total(Styles.integer))
        b.fitColumns(7, fixed: [0: 5, 1: 10, 4: 17, 5: 16, 6: 10])
        b.sheet.pageSetup.fitToWidth = 1
    }
}
