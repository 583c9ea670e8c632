import Reporting
import XLSX

/// The job's consolidation: `Consolidator` on the current accepted submissions, laid out
/// by `ProvincialWorkbook`.
public struct ProvincialConsolidation: Consolidating {
    public let spec: ConsolidationSpec
    public let period: Period

    public init(spec: ConsolidationSpec, period: Period) {
        self.spec = spec
        self.period = period
    }

    public func consolidate(submissions: [Submission], reports: [FileReport], expectedUnits: [String]) throws
        -> ConsolidationOutput
    {
        try consolidate(submissions: submissions, reports: reports, expectedUnits: expectedUnits, context: PeriodContext())
    }

    public func consolidate(
        submissions: [Submission], reports: [FileReport], expectedUnits: [String], context: PeriodContext
    ) throws -> ConsolidationOutput {
        let c = Consolidator(spec: spec).consolidate(
            submissions, reports: reports, period: period, expectedUnits: expectedUnits)
        var options = ProvincialWorkbook.Options()
        options.periods = context
        let book = try ProvincialWorkbook.build(c, reports: reports, options: options)
        return ConsolidationOutput(workbook: try book.bytes(), issues: c.issues, charts: ChartFigure.figures(for: c))
    }
}
