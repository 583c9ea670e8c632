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
        let template = try parsedPages[lang]!.get()
        var words: [String: String] = [:]
        for k in ReportStrings.words.keys { words[k] = ReportStrings.word(k, lang) }
        let files: [[String: Any]] = reports.enumerated().map { n, r in
            // Issues grouped by sheet, errors first: a sheet comes where its worst issue does.
            var sheetOrder: [String] = []
            var bySheet: [String: [[String: Any]]] = [:]
            for i in r.issuesBySeverity {
                let name = i.sheet ?? ReportStrings.word("workbook", lang)
                if bySheet[name] == nil { sheetOrder.append(name) }
                bySheet[name, default: []].append([
                    "cell": i.cell ?? "", "severity": i.severity.rawValue,
                    "severityText": ReportStrings.severity(i.severity, lang), "code": i.code,
                    "message": IssueCatalogue.message(for: i, lang: lang),
                    "what": IssueCatalogue.subject(for: i, lang: lang) ?? "",
                    "expected": IssueCatalogue.requirement(for: i, lang: lang) ?? "",
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

    /// The page for each language, parsed once per process. The language's fixed words
    /// (`{{words.x}}`, `{{title}}`, `{{lang}}`) are put into the template's text before it is
    /// parsed, escaped as Mustache would: a nightly run renders two thousand pages, and
    /// those tags were half of each page's lookups. The context still carries the words.
    static let parsedPages: [Language: Result<MustacheTemplate, RenderError>] = {
        var pages: [Language: Result<MustacheTemplate, RenderError>] = [:]
        for lang in Language.allCases {
            do {
                pages[lang] = .success(try MustacheTemplate(string: HTMLEscaper.pragma + specialised(page, lang)))
            } catch {
                pages[lang] = .failure(RenderError(description: "the HTML report template does not parse: \(error)"))
            }
        }
        return pages
    }()

    /// The page's text with the language's fixed words in place of their tags. A word that
    /// holds Mustache delimiters keeps its tag (it is then rendered from the context).
    static func specialised(_ text: String, _ lang: Language) -> String {
        var fixed = ["lang": lang.rawValue, "title": ReportStrings.word("title", lang)]
        for k in ReportStrings.words.keys { fixed["words." + k] = ReportStrings.word(k, lang) }
        var out = text
        for (tag, word) in fixed.sorted(by: { $0.key < $1.key }) where !word.contains("{{") && !word.contains("}}") {
            out = out.replacingOccurrences(of: "{{" + tag + "}}", with: HTMLEscaper().escapeText(word))
        }
        return out
    }
}

/// HTML escaping for the report pages: the five characters swift-mustache's HTML content
/// type escapes (`< > & " '`), found by a scan of the UTF-8 bytes; text without any is
/// returned as it is. (Mustache's own escaper looks every character up in a dictionary.)
/// A page starts with `HTMLEscaper.pragma` to use it.
public struct HTMLEscaper: MustacheContentType {
    static let name = "TONGHOP_HTML"

    /// The tag that makes a template's variables use this escaper (registered on first use).
    public static let pragma: String = {
        MustacheContentTypes.register(HTMLEscaper(), named: name)
        return "{{% CONTENT_TYPE: \(name)}}"
    }()

    public init() {}

    public func escapeText(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for b in text.utf8 {
            switch b {
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
