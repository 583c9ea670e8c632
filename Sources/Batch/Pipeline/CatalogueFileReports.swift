import Reporting

/// The per-file reports sent back to units: the validation report renderers (HTML page,
/// JSON document), one file per report, messages from the issue catalogue.
public struct CatalogueFileReports: FileReportRendering {
    public let template: Template

    public init(template: Template) {
        self.template = template
    }

    public func render(_ report: FileReport, format: OutputFormat, language: Language) throws -> [UInt8] {
        switch format {
        case .html:
            return Array(
                try HTMLReport.render(
                    [report], lang: language, title: template.title, period: report.period,
                    units: report.unit.flatMap { template.unit($0) }.map { [$0] } ?? []  // the one it names, found by index
                ).utf8)
        case .json:
            return Array(JSONReport.render([report], lang: language, template: template.id, period: report.period).utf8)
        }
    }
}
