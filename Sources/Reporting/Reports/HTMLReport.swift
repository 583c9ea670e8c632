import Foundation
import Mustache

/// The HTML report: one self-contained page (inline CSS, no scripts, no links out) a
/// district clerk can open, listing each file's issues grouped by sheet and cell.
/// The page is `HTMLReport.page` (HTMLReport+Page.swift), rendered with swift-mustache.
public enum HTMLReport {
    /// Why the page could not be rendered (the template does not parse).
    public struct RenderError: Error, CustomStringConvertible {
        /// What went wrong.
        public var description: String
    }

    /// The page for these reports, in `lang`; `title`, `period` and `units` (for unit names) are shown when given.
    public static func render(
        _ reports: [FileReport], lang: Language, title: Localized? = nil, period: String? = nil,
        units: [ReportingUnit] = []
    ) throws(RenderError) -> String {
        let template = try parsedPage.get()
        var words: [String: String] = [:]
        for k in ReportStrings.words.keys { words[k] = ReportStrings.word(k, lang) }
        let files: [[String: Any]] = reports.enumerated().map { n, r in
            // Issues grouped by sheet, in report order (the issues are already sorted).
            var sheetOrder: [String] = []
            var bySheet: [String: [[String: Any]]] = [:]
            for i in r.issues {
                let name = i.sheet ?? ReportStrings.word("workbook", lang)
                if bySheet[name] == nil { sheetOrder.append(name) }
                bySheet[name, default: []].append([
                    "cell": i.cell ?? "", "severity": i.severity.rawValue,
                    "severityText": ReportStrings.severity(i.severity, lang), "code": i.code,
                    "message": IssueCatalogue.message(for: i, lang: lang), "expected": i.expected ?? "",
                    "found": i.found ?? "",
                ])
            }
            var file: [String: Any] = [
                "file": r.file, "anchor": "f\(n + 1)", "unit": r.unit ?? "", "period": r.period ?? "",
                "status": r.status.rawValue, "statusText": ReportStrings.status(r.status, lang),
                "errors": r.errorCount, "warnings": r.warningCount, "infos": r.infoCount,
                "hasIssues": !r.issues.isEmpty,
                "sheets": sheetOrder.map { ["name": $0, "issues": bySheet[$0]!] as [String: Any] },
            ]
            if let u = r.unit, let unit = units.first(where: { $0.code.uppercased() == u.uppercased() }) {
                file["unitName"] = unit.name
            }
            return file
        }
        var context: [String: Any] = [
            "lang": lang.rawValue, "title": ReportStrings.word("title", lang), "words": words, "files": files,
        ]
        if let title { context["reportTitle"] = title[lang] }
        if let period { context["period"] = period }
        return template.render(context)
    }

    /// The page, parsed once per process (it was parsed on every call).
    static let parsedPage: Result<MustacheTemplate, RenderError> = {
        do { return .success(try MustacheTemplate(string: page)) } catch {
            return .failure(RenderError(description: "the HTML report template does not parse: \(error)"))
        }
    }()
}
