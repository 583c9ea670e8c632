import XLSX

/// Validates submission workbooks against a template: runs every built-in check and
/// every template rule, and gives a `FileReport` and, for an accepted file, the
/// `Submission` consolidation works on. Safe to call from several tasks at once.
public struct Validator: Sendable {
    public let template: Template
    /// The period the job expects; nil accepts whatever period the workbook states.
    public let period: Period?
    /// Limits for reading workbooks (a file beyond them is unreadable).
    public let limits: ReaderLimits
    /// The job's other periods: `prev(…)` in rules and baselines taken from history read it.
    public var history: History = .empty

    public init(template: Template, period: Period?, limits: ReaderLimits = .default) {
        self.template = template
        self.period = period
        self.limits = limits
    }

    /// Validates a snapshot of a workbook's cells.
    func validate(_ workbook: WorkbookSnapshot) -> (FileReport, Submission?) {
        let ctx = ValidationContext(template: template, period: period, workbook: workbook)
        ctx.history = history
        Extractor.run(ctx)
        HistoryBaselines.apply(ctx)
        for check in Checks.all { check.run(ctx) }
        let order = Dictionary(workbook.sheets.map { ($0.name, $0.index) }, uniquingKeysWith: { a, _ in a })
        let issues = ctx.describedIssues().sorted { a, b in Validator.sortKey(a, order) < Validator.sortKey(b, order) }
        let status: FileStatus =
            issues.contains { $0.severity == .error } ? .rejected
            : issues.contains { $0.severity == .warning } ? .acceptedWithWarnings : .accepted
        let periodText = ctx.periodText.map { template.period.parse($0)?.description ?? $0 }
        let report = FileReport(file: workbook.fileName, status: status, unit: ctx.unit, period: periodText, issues: issues)
        guard status != .rejected, let unit = ctx.unit, let p = periodText else { return (report, nil) }
        var values: [String: [String: Double]] = [:]
        for f in ctx.forms { values.merge(f.values) { a, _ in a } }
        var lists: [String: [ListRow]] = [:]
        for l in ctx.lists { lists[l.list.id] = l.rows }
        let canonicalUnit = template.unit(unit)?.code ?? unit
        var submission = Submission(file: workbook.fileName, unit: canonicalUnit, period: p, values: values, lists: lists)
        for (code, columns) in values {
            for column in columns.keys {
                if let at = ctx.location(of: code, column: column) {
                    submission.cells[code, default: [:]][column] = IndicatorCell(sheet: at.sheet, cell: at.cell.description)
                }
            }
        }
        return (report, submission)
    }

    /// The report of a file that could not be read at all.
    func unreadable(_ file: String, reason: String, where location: String?) -> FileReport {
        var params: [String: String] = [:]
        if let location { params["where"] = location }
        // One line: some parser messages carry line breaks.
        let oneLine = reason.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        let issue = Issue(code: "unreadable-file", severity: .error, file: file, found: oneLine, params: params)
        return FileReport(file: file, status: .unreadable, unit: nil, period: nil, issues: [issue])
    }

    /// Sheet order (issues without a sheet first), then row, column, code.
    static func sortKey(_ i: Issue, _ order: [String: Int]) -> SortKey {
        let sheet = i.sheet.map { order[$0] ?? Int.max - 1 } ?? -1
        var row = -1, col = -1
        if let c = i.cell {
            let first = c.split(separator: ":").first.map(String.init) ?? c
            if let ref = CellRef(first) {
                row = ref.row
                col = ref.column
            } else if let ref = CellRef(first + "1") {
                col = ref.column
            }
        }
        return SortKey(sheet: sheet, row: row, column: col, code: i.code, rest: (i.expected ?? "") + "\u{1}" + (i.found ?? ""))
    }

    struct SortKey: Comparable {
        var sheet, row, column: Int
        var code: String
        var rest: String
        static func < (a: SortKey, b: SortKey) -> Bool {
            (a.sheet, a.row, a.column, a.code, a.rest) < (b.sheet, b.row, b.column, b.code, b.rest)
        }
    }
}
