/// The plain-text report: one block per file, one line per issue (errors, then warnings,
/// then notes: where, what in words, the message, the code last), coloured with ANSI
/// escapes when printed on a terminal.
public enum TextReport {
    /// The report of every file, then a line of counts per status.
    public static func render(_ reports: [FileReport], lang: Language, color: Bool) -> String {
        func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        var out = ""
        for r in reports {
            let statusColor: String
            switch r.status {
            case .accepted: statusColor = "32"
            case .acceptedWithWarnings: statusColor = "33"
            case .rejected, .unreadable: statusColor = "31;1"
            }
            var head = "\(paint(r.file, "1")): \(paint(ReportStrings.status(r.status, lang), statusColor))"
            let who = [r.unit, r.period].compactMap { $0 }.joined(separator: " ")
            if !who.isEmpty { head += " (\(who))" }
            head += " — \(ReportStrings.word("errors", lang)): \(r.errorCount), \(ReportStrings.word("warnings", lang)): \(r.warningCount), \(ReportStrings.word("infos", lang)): \(r.infoCount)"
            out += head + "\n"
            for i in r.issuesBySeverity {
                let sevColor = i.severity == .error ? "31" : i.severity == .warning ? "33" : "36"
                var place = i.sheet ?? ""
                if let c = i.cell { place += place.isEmpty ? c : "!\(c)" }
                var line = "  \(paint(ReportStrings.severity(i.severity, lang), sevColor))"
                if !place.isEmpty { line += " [\(place)]" }
                if let what = IssueCatalogue.subject(for: i, lang: lang) { line += " " + what }
                line += ": " + IssueCatalogue.message(for: i, lang: lang)
                line += " " + paint("(\(i.code))", "2")
                out += line + "\n"
            }
        }
        let counts = Dictionary(grouping: reports, by: \.status).mapValues(\.count)
        out += FileStatus.allCases.map { "\(ReportStrings.status($0, lang)): \(counts[$0] ?? 0)" }.joined(separator: ", ") + "\n"
        return out
    }
}
