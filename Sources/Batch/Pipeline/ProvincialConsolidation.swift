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
        let c = Consolidator(spec: spec).consolidate(
            submissions, reports: reports, period: period, expectedUnits: expectedUnits)
        let book = try ProvincialWorkbook.build(c, reports: reports)
        return ConsolidationOutput(workbook: try book.bytes(), issues: c.issues, charts: ChartFigure.figures(for: c))
    }
}
