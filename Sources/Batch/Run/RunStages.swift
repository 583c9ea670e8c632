import Reporting

/// The report formats a job writes.
public enum OutputFormat: String, Codable, CaseIterable, Sendable {
    case html, json
}

/// Validates one submitted file: the job runner's view of the template's `Validator`.
/// Called concurrently from several tasks.
public protocol FileValidating: Sendable {
    /// Validates the file at `path`; the report's `file` is the file name.
    func validate(path: String) -> (FileReport, Submission?)
    /// The same, with the job's other periods for the rules that read them (`prev(KN)`)
    /// and the baselines taken from them.
    func validate(path: String, history: History) -> (FileReport, Submission?)
}

extension FileValidating {
    /// Validators that read no history ignore it.
    public func validate(path: String, history: History) -> (FileReport, Submission?) { validate(path: path) }
}

/// What consolidation gives the run: the provincial workbook and cross-unit issues.
public struct ConsolidationOutput: Sendable {
    /// The provincial workbook's bytes (deterministic).
    public var workbook: [UInt8]
    /// Issues found across units (`duplicate-member`, `village-claimed-twice`...).
    public var issues: [Issue]
    /// The workbook's charts, for the run report to draw too.
    public var charts: [ChartFigure]

    public init(workbook: [UInt8], issues: [Issue], charts: [ChartFigure] = []) {
        self.workbook = workbook
        self.issues = issues
        self.charts = charts
    }
}

/// Consolidates the period's current submissions into the provincial workbook.
public protocol Consolidating: Sendable {
    /// `submissions`: the accepted current submissions, sorted by unit; `reports`: the
    /// reports of every current file, sorted by file name; `expectedUnits`: unit codes in order.
    func consolidate(submissions: [Submission], reports: [FileReport], expectedUnits: [String]) throws
        -> ConsolidationOutput
    /// The same with the job's other periods and the period's timeliness, for the sheets
    /// that show them (year over year, targets, timeliness).
    func consolidate(submissions: [Submission], reports: [FileReport], expectedUnits: [String], context: PeriodContext)
        throws -> ConsolidationOutput
}

extension Consolidating {
    /// Consolidators without history sheets ignore the context.
    public func consolidate(
        submissions: [Submission], reports: [FileReport], expectedUnits: [String], context: PeriodContext
    ) throws -> ConsolidationOutput {
        try consolidate(submissions: submissions, reports: reports, expectedUnits: expectedUnits)
    }
}

/// Renders the per-file report sent back to a district.
public protocol FileReportRendering: Sendable {
    func render(_ report: FileReport, format: OutputFormat, language: Language) throws -> [UInt8]
}
