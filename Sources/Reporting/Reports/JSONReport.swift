import Foundation

/// The JSON report (schema `tonghop.validation/1`, documented in `docs/report-json.md`):
/// the structured issues plus each issue's message rendered in the report's language.
/// Keys are sorted, so the same reports give the same bytes.
public enum JSONReport {
    /// The schema id written in every document.
    public static let schema = "tonghop.validation/1"

    struct Document: Encodable {
        var schema: String
        var template: String?
        var period: String?
        var language: String
        var summary: [String: Int]
        var files: [File]
    }

    struct File: Encodable {
        var file: String
        var status: String
        var unit: String?
        var period: String?
        var counts: [String: Int]
        var issues: [IssueOut]
    }

    struct IssueOut: Encodable {
        var code: String
        var severity: String
        var sheet: String?
        var cell: String?
        var expected: String?
        var found: String?
        var message: String
        /// What the issue is about in words (the indicator, the list row), when known.
        var what: String?
        /// The requirement in words (`at least 0`), when validation gave them.
        var requirement: String?
        var params: [String: String]
    }

    /// The JSON document for these reports, messages in `lang`.
    public static func render(_ reports: [FileReport], lang: Language, template: String? = nil, period: String? = nil) -> String {
        var summary = Dictionary(uniqueKeysWithValues: FileStatus.allCases.map { ($0.rawValue, 0) })
        for r in reports { summary[r.status.rawValue, default: 0] += 1 }
        summary["files"] = reports.count
        let files = reports.map { r in
            File(
                file: r.file, status: r.status.rawValue, unit: r.unit, period: r.period,
                counts: ["error": r.errorCount, "warning": r.warningCount, "info": r.infoCount],
                issues: r.issues.map { i in
                    IssueOut(
                        code: i.code, severity: i.severity.rawValue, sheet: i.sheet, cell: i.cell, expected: i.expected,
                        found: i.found, message: IssueCatalogue.message(for: i, lang: lang),
                        what: IssueCatalogue.subject(for: i, lang: lang),
                        requirement: i.params["expected.\(lang.rawValue)"],
                        params: i.params.filter {
                            !$0.key.hasPrefix("message.") && !$0.key.hasPrefix("what.") && !$0.key.hasPrefix("expected.")
                        })
                })
        }
        let doc = Document(schema: schema, template: template, period: period, language: lang.rawValue, summary: summary, files: files)
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? enc.encode(doc) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
