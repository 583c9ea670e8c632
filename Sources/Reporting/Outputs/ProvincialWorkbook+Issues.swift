import XLSX

extension ProvincialWorkbook {
    static let issuesHeaderRow = 3

    /// `Lỗi kiểm tra`: the cross-unit issues first, then every file's issues in report
    /// order; a file without issues gets one row saying so, so every submission is listed.
    static func writeIssues(_ c: Consolidation, reports: [FileReport], options: Options, into b: SheetBuilder) {
        let header = issuesHeaderRow
        let heads = ["STT", "Tệp", "Đơn vị", "Tình trạng tệp", "Mức độ", "Mã lỗi", "Trang tính", "Ô",
                     "Mong đợi", "Thực tế", "Nội dung"]
        let lastColumn = heads.count - 1
        let errors = reports.reduce(0) { $0 + $1.errorCount } + c.issues.filter { $0.severity == .error }.count
        let warnings = reports.reduce(0) { $0 + $1.warningCount } + c.issues.filter { $0.severity == .warning }.count
        let infos = reports.reduce(0) { $0 + $1.infoCount } + c.issues.filter { $0.severity == .info }.count
        titleRows(
            b, title: "Kết quả kiểm tra các báo cáo",
            subtitles: ["Kỳ báo cáo: \(c.period). \(reports.count) tệp; \(errors) lỗi, \(warnings) cảnh báo, \(infos) thông tin."],
            lastColumn: lastColumn, headerRows: header...header)
        for (col, h) in heads.enumerated() { b.text(h, header, col, Styles.header, measure: false) }

        let describe = options.describe ?? { IssueCatalogue.message(for: $0, lang: .vi) }
        let units = Dictionary(c.units.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var r = header + 1
        func row(_ issue: Issue?, file: String, unit: String?, status: String) {
            b.number(Double(r - header), r, 0, Styles.centered)
            b.text(file, r, 1, Styles.text)
            b.text(unit.map { units[$0]?.name ?? $0 } ?? "", r, 2, Styles.text)
            b.text(status, r, 3, Styles.centered)
            if let issue {
                b.text(severityLabel(issue.severity), r, 4, Styles.severity(issue.severity))
                b.text(issue.code, r, 5, Styles.text)
                b.text(issue.sheet ?? "", r, 6, Styles.text)
                b.text(issue.cell ?? "", r, 7, Styles.centered)
                b.text(issue.expected ?? "", r, 8, Styles.text)
                b.text(issue.found ?? "", r, 9, Styles.text)
                b.text(describe(issue), r, 10, Styles.wrapped, measure: false)
            } else {
                for col in 4...9 { b.text("", r, col, Styles.text) }
                b.text("Không có lỗi", r, 10, Styles.wrapped)
            }
            r += 1
        }
        for issue in c.issues {
            let unit = issue.params["unit"]
            let status = unit.flatMap { units[$0]?.status.label.vi } ?? ""
            row(issue, file: issue.file, unit: unit, status: status)
        }
        for report in reports {
            let status = fileStatusLabel(report.status)
            let unit = report.unit
            if report.issues.isEmpty {
                row(nil, file: report.file, unit: unit, status: status)
            }
            for issue in report.issues { row(issue, file: report.file, unit: unit, status: status) }
        }
        if r > header + 1 {
            b.sheet.autoFilter(CellRange(first: CellRef(row: header, column: 0), last: CellRef(row: r - 1, column: lastColumn)))
        }
        b.fitColumns(lastColumn + 1, minimum: 8, maximum: 24, fixed: [0: 7, 10: 45])
    }

    static func severityLabel(_ s: Severity) -> String {
        switch s {
        case .error: return "Lỗi"
        case .warning: return "Cảnh báo"
        case .info: return "Thông tin"
        }
    }

    static func fileStatusLabel(_ s: FileStatus) -> String {
        switch s {
        case .accepted: return "Đã tiếp nhận"
        case .acceptedWithWarnings: return "Tiếp nhận, có cảnh báo"
        case .rejected: return "Bị từ chối"
        case .unreadable: return "Không đọc được"
        }
    }
}
