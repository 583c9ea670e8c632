import XLSX

/// The file a district gets back: its own workbook with every problem marked where it is.
///
/// Rebuilt, not patched: every worksheet of the submission is transcribed cell by cell
/// (values with their types, dates, formulas with their cached results, merged ranges, sheet
/// states) by our writer, so that validating the returned file gives the same issues,
/// while nothing of the sender's package (its styles, drawings, macros, anything we do not
/// understand) is copied back. Each problem cell is filled by severity (red error, yellow
/// warning, blue note) and carries a comment, Vietnamese then English; a first sheet lists
/// every problem, errors first, each with a link to its cell. What is lost: the sender's
/// formatting (fonts, borders, widths) — widths are refitted to the content.
public enum AnnotatedWorkbook {
    /// The name of the first sheet (a suffix is added if the submission has one of that name).
    public static let problemsSheetName = "Cần sửa"

    static let fills: [Severity: String] = [.error: "FFC7CE", .warning: "FFEB9C", .info: "DDEBF7"]
    /// At most this many cells of one issue's range are filled (a whole-column issue stays readable).
    static let maxCellsPerIssue = 500

    /// Builds the returned workbook from the submitted one and its report.
    public static func build(source: Workbook, report: FileReport) throws -> WorkbookWriter {
        let book = WorkbookWriter()
        book.properties = DocumentProperties(
            title: "Kết quả kiểm tra: \(report.file)", subject: report.period.map { "Kỳ báo cáo \($0)" },
            author: "TongHop", created: .pinned)
        let sheets = source.sheets.filter { $0.kind == .worksheet }
        var name = problemsSheetName
        while sheets.contains(where: { $0.name.lowercased() == name.lowercased() }) { name += " (TongHop)" }
        let problems = try book.addWorksheet(name)
        var written: [String: Worksheet] = [:]
        for info in sheets {
            let sheet = try book.addWorksheet(info.name)
            sheet.state = info.state
            let grid = try source.grid(of: info)
            transcribe(grid, into: sheet)
            written[info.name] = sheet
        }
        let issues = sorted(report.issues)
        mark(issues, in: written)
        writeProblems(issues, report: report, sheets: Set(written.keys), into: problems)
        return book
    }

    /// Errors, then warnings, then notes; each by sheet and cell (row, then column).
    static func sorted(_ issues: [Issue]) -> [Issue] {
        func key(_ i: Issue) -> (Int, String, Int, Int) {
            let r = i.cell.flatMap { CellRange($0) }?.first
            return (-(Severity.allCases.firstIndex(of: i.severity) ?? 0), i.sheet ?? "", r?.row ?? -1, r?.column ?? -1)
        }
        return issues.enumerated().sorted { a, b in
            let ka = key(a.element), kb = key(b.element)
            return ka != kb ? ka < kb : a.offset < b.offset
        }.map(\.element)
    }

    // MARK: - the submitted sheets

    private static func transcribe(_ grid: SheetGrid, into sheet: Worksheet) {
        var widths: [Int: Int] = [:]
        // Titles in merged ranges span columns: they do not size one.
        let mergedFirsts = Set(grid.mergedRanges.map(\.first))
        for row in grid.rows {
            for cell in row.cells {
                let ref = CellRef(row: row.index, column: cell.column)
                if cell.hasFormula, let f = cell.formula, !f.isEmpty {
                    sheet.writeFormula(f, cached: cell.value, at: ref)
                } else if case .empty = cell.value {
                    continue
                } else {
                    sheet.write(cell.value, at: ref)
                }
                let shown: Int
                switch cell.value {
                case .string(let s): shown = s.split(separator: "\n").map(\.count).max() ?? 0
                case .date: shown = 10
                case .number(let d): shown = String(d).count
                default: shown = 6
                }
                if !mergedFirsts.contains(ref) { widths[cell.column] = max(widths[cell.column] ?? 0, shown) }
            }
        }
        for m in grid.mergedRanges where m.first != m.last { sheet.merge(m, value: grid.value(at: m.first)) }
        for (column, w) in widths.sorted(by: { $0.key < $1.key }) {
            sheet.setColumnWidth(column, Double(min(max(w, 6), 50)) + 2)
        }
        var setup = PageSetup(orientation: .landscape, paperSize: 9, fitToWidth: 1)
        setup.margins.left = 0.5
        setup.margins.right = 0.5
        sheet.pageSetup = setup
    }

    /// Fills each problem cell by its worst severity and gives it one comment with every
    /// issue on it.
    private static func mark(_ issues: [Issue], in sheets: [String: Worksheet]) {
        var worst: [String: [CellRef: Severity]] = [:]
        var notes: [String: [CellRef: [String]]] = [:]
        for issue in issues {
            guard let name = issue.sheet, sheets[name] != nil, let cell = issue.cell, let range = CellRange(cell) else { continue }
            var n = 0
            outer: for r in range.first.row...range.last.row {
                for c in range.first.column...range.last.column {
                    let ref = CellRef(row: r, column: c)
                    if let s = worst[name]?[ref], s >= issue.severity {} else { worst[name, default: [:]][ref] = issue.severity }
                    n += 1
                    if n >= maxCellsPerIssue { break outer }
                }
            }
            notes[name, default: [:]][range.first, default: []].append(comment(for: issue))
        }
        // In sheet and cell order: styles are numbered in order of first use, so the bytes stay the same.
        func inOrder<T>(_ cells: [CellRef: T]) -> [(key: CellRef, value: T)] {
            cells.sorted { ($0.key.row, $0.key.column) < ($1.key.row, $1.key.column) }
        }
        for (name, cells) in worst.sorted(by: { $0.key < $1.key }) {
            let sheet = sheets[name]!
            for (ref, severity) in inOrder(cells) {
                sheet.setStyle(CellStyle(fill: Fill(fills[severity]!), border: Border.all(.thin, color: "C00000")), at: ref)
            }
        }
        for (name, cells) in notes.sorted(by: { $0.key < $1.key }) {
            for (ref, texts) in inOrder(cells) {
                sheets[name]!.addComment(CellComment(cell: ref, text: texts.joined(separator: "\n\n")))
            }
        }
    }

    static func comment(for issue: Issue) -> String {
        let label = severityLabel[issue.severity]!
        return "\(label.vi): \(IssueCatalogue.sentence(for: issue, lang: .vi))\n\(label.en): \(IssueCatalogue.sentence(for: issue, lang: .en))"
    }

    static let severityLabel: [Severity: Localized] = [
        .error: Localized(vi: "Lỗi", en: "Error"), .warning: Localized(vi: "Cảnh báo", en: "Warning"),
        .info: Localized(vi: "Lưu ý", en: "Note"),
    ]

    // MARK: - the problems sheet

    private static func writeProblems(_ issues: [Issue], report: FileReport, sheets: Set<String>, into s: Worksheet) {
        let font = "Times New Roman"
        let title = CellStyle(font: Font(name: font, size: 14, bold: true))
        let header = CellStyle(
            font: Font(name: font, size: 11, bold: true), fill: Fill("DDEBF7"), border: Border.all(.thin, color: "808080"),
            alignment: Alignment(horizontal: .center, vertical: .center, wrap: true))
        let text = CellStyle(
            font: Font(name: font, size: 11), border: Border.all(.thin, color: "808080"),
            alignment: Alignment(vertical: .top, wrap: true))
        var link = text
        link.font.color = "FF0563C1"
        link.font.underline = true
        s.write(.string("Kết quả kiểm tra tệp \(report.file) — Validation of \(report.file)"), at: CellRef(row: 0, column: 0), style: title)
        let counts = "\(report.errorCount) lỗi, \(report.warningCount) cảnh báo — \(report.errorCount) errors, \(report.warningCount) warnings."
        s.write(.string(counts), at: CellRef(row: 1, column: 0), style: CellStyle(font: Font(name: font, size: 11, italic: true)))
        s.write(.string("Bấm vào ô để đến chỗ cần sửa; ô có lỗi được tô màu và có ghi chú. — Click a cell to go to it; problem cells are coloured and carry a note."),
                at: CellRef(row: 2, column: 0), style: CellStyle(font: Font(name: font, size: 11, italic: true)))
        let heads = ["STT", "Mức độ\nSeverity", "Vị trí\nWhere", "Nội dung", "Description", "Mã\nCode"]
        for (c, h) in heads.enumerated() { s.write(.string(h), at: CellRef(row: 4, column: c), style: header) }
        s.setRowHeight(4, 32)
        for (n, issue) in issues.enumerated() {
            let r = 5 + n
            var sev = text
            sev.fill = Fill(fills[issue.severity]!)
            let label = severityLabel[issue.severity]!
            s.write(.number(Double(n + 1)), at: CellRef(row: r, column: 0), style: text)
            s.write(.string("\(label.vi)\n\(label.en)"), at: CellRef(row: r, column: 1), style: sev)
            let place = [issue.sheet, issue.cell].compactMap { $0 }.joined(separator: "!")
            let at = CellRef(row: r, column: 2)
            if let sheet = issue.sheet, sheets.contains(sheet), let cell = issue.cell, let range = CellRange(cell) {
                s.write(.string(place), at: at, style: link)
                s.addLink(InternalLink(cell: at, sheet: sheet, target: range, tooltip: place))
            } else {
                s.write(place.isEmpty ? .empty : .string(place), at: at, style: text)
            }
            let vi = IssueCatalogue.sentence(for: issue, lang: .vi), en = IssueCatalogue.sentence(for: issue, lang: .en)
            s.write(.string(vi), at: CellRef(row: r, column: 3), style: text)
            s.write(.string(en), at: CellRef(row: r, column: 4), style: text)
            s.write(.string(issue.code), at: CellRef(row: r, column: 5), style: text)
            // Two lines at least (the severity in both languages); the messages wrap at about 70 characters.
            let longest = max(vi.count, en.count)
            s.setRowHeight(r, Double(max(2, (longest + 69) / 70)) * 15 + 2)
        }
        for (c, w) in [6.0, 12, 18, 60, 60, 22].enumerated() { s.setColumnWidth(c, w) }
        s.freezePanes(rows: 5)
        var setup = PageSetup(orientation: .landscape, paperSize: 9, fitToWidth: 1, repeatRows: 4...4)
        setup.margins.left = 0.5
        setup.margins.right = 0.5
        s.pageSetup = setup
    }
}
