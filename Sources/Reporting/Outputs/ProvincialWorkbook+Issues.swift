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

        // Fixed widths that print at about 90 % on A4 landscape (text stays above 9 pt on
        // paper); the long columns wrap and each row is as tall as its longest cell.
        let widths: [Int: Double] = [0: 6, 1: 22, 2: 18, 3: 14, 4: 10, 5: 20, 6: 10, 7: 6, 8: 10, 9: 8, 10: 44]
        let wrappedColumns: Set<Int> = [2, 3, 5, 8, 9, 10]
        var tallest = 1
        func cell(_ s: String, _ row: Int, _ col: Int, _ style: CellStyle) {
            if wrappedColumns.contains(col), !s.isEmpty {
                b.text(s, row, col, style.alignment?.wrap == true ? style : Styles.wrapped, measure: false)
                tallest = max(tallest, SheetBuilder.wrappedLines(s, width: widths[col] ?? 10))
            } else {
                b.text(s, row, col, style)
            }
        }
        let describe = options.describe ?? { IssueCatalogue.message(for: $0, lang: .vi) }
        let units = Dictionary(c.units.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var r = header + 1
        func row(_ issue: Issue?, file: String, unit: String?, status: String) {
            tallest = 1
            b.number(Double(r - header), r, 0, Styles.centered)
            cell(file, r, 1, Styles.text)
            cell(unit.map { units[$0]?.name ?? $0 } ?? "", r, 2, Styles.text)
            cell(status, r, 3, Styles.wrappedCentered)
            if let issue {
                cell(severityLabel(issue.severity), r, 4, Styles.severity(issue.severity))
                cell(issue.code, r, 5, Styles.text)
                cell(issue.sheet ?? "", r, 6, Styles.text)
                cell(issue.cell ?? "", r, 7, Styles.centered)
                cell(issue.expected ?? "", r, 8, Styles.text)
                cell(issue.found ?? "", r, 9, Styles.text)
                cell(describe(issue), r, 10, Styles.wrapped)
            } else {
                for col in 4...9 { b.text("", r, col, Styles.text) }
                cell("Không có lỗi", r, 10, Styles.wrapped)
            }
            if tallest > 1 { b.sheet.setRowHeight(r, SheetBuilder.rowHeight(lines: tallest)) }
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
        for (c, w) in widths { b.sheet.setColumnWidth(c, w) }
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
