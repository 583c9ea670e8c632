import Batch
import Foundation
import Reporting

/// The province's page: the period's completeness and timeliness as the last run's JSON
/// report has them, links to that run's report, the provincial workbook and each unit's
/// annotated file, all served from the job's output folder (`OutputFiles`).
struct ProvincePage {
    let site: UploadSite
    let token: String
    let lang: Language
    /// The last run's report; nil before the first run.
    let report: RunReport?
    /// Uploads placed since (waiting for the next run), by unit.
    let waiting: [String: Int]

    /// `<output>/run-report.json` decoded, or nil when there is none or it does not read.
    static func lastReport(output: String) -> RunReport? {
        let path = output + "/" + RunPlan.runReportBaseName + ".json"
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(RunReport.self, from: data)
    }

    func render() -> String {
        let w = { (k: String) in HTMLPage.escape(PageWords.text(k, lang)) }
        let other: Language = lang == .vi ? .en : .vi
        let files = "/p/\(token)/files/"
        var b = "<h1>\(w("province-heading")) — \(HTMLPage.escape(site.template.title[lang]))</h1>\n"
        b += "<p class=\"sub\">\(w("period")) \(HTMLPage.escape(site.periodText))"
        if let d = site.job.deadline { b += " — \(w("deadline")) \(HTMLPage.escape(HTMLPage.time(d)))" }
        b += "</p>\n"
        guard let report else {
            b += "<p class=\"notice\">\(w("no-run"))</p>\n"
            b += waitingTable()
            return HTMLPage.page(title: PageWords.text("province-heading", lang), lang: lang, switchTo: "/p/\(token)?lang=\(other.rawValue)", body: b)
        }
        b += "<h2>\(w("last-run"))</h2>\n<p>"
        if let t = report.timeliness { b += "<strong>\(HTMLPage.escape(t.summary(lang)))</strong><br>" }
        b += "\(report.counts.accepted) \(HTMLPage.escape(UnitStatus.accepted.label[lang]).lowercased()), "
        b += "\(report.counts.rejected + report.counts.unreadable) \(HTMLPage.escape(UnitStatus.rejected.label[lang]).lowercased()), "
        b += "\(report.counts.missing) \(HTMLPage.escape(UnitStatus.missing.label[lang]).lowercased())</p>\n<ul>\n"
        if exists(RunPlan.runReportBaseName + ".\(lang.rawValue).html") {
            b += "<li><a href=\"\(files)\(RunPlan.runReportBaseName).\(lang.rawValue).html\">\(w("run-report"))</a></li>\n"
        }
        if let wb = report.workbook, exists(wb) {
            b += "<li><a href=\"\(files)\(Self.pathEncoded(wb))\">\(w("workbook"))</a> (\(HTMLPage.escape(wb)))</li>\n"
        }
        b += "</ul>\n"
        let timeliness = Dictionary((report.timeliness?.units ?? []).map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        b += "<div class=\"wrap\"><table class=\"cards\" id=\"units\">\n<tr><th>\(w("unit"))</th><th>\(w("status"))</th><th>\(w("timeliness"))</th><th>\(w("files"))</th></tr>\n"
        for u in report.units {
            b += "<tr><td>\(HTMLPage.escape(u.code))<br><span class=\"small\">\(HTMLPage.escape(u.name))</span></td>"
            b += "<td><span class=\"badge \(u.status.rawValue)\">\(HTMLPage.escape(u.status.label[lang]))</span>"
            if u.errors + u.warnings > 0 { b += "<br><span class=\"small\">\(w("errors")): \(u.errors), \(w("warnings")): \(u.warnings)</span>" }
            b += "</td><td>"
            if let t = timeliness[u.code], t.state != .missing {  // "not submitted" is said once, by the status
                b += "<span class=\"badge \(t.state.rawValue)\">\(w(Self.stateWord(t.state)))</span>"
                if let r = t.received { b += "<br><span class=\"small\">\(HTMLPage.escape(HTMLPage.time(r)))</span>" }
            }
            b += "</td><td>"
            var links: [String] = []
            if let f = u.file {
                links.append(HTMLPage.escape(f))
                let returned = RunPlan.returnedFolderName + "/" + u.code + "/" + f
                if exists(returned) { links.append("<a href=\"\(files)\(Self.pathEncoded(returned))\">\(w("annotated"))</a>") }
            }
            let unitReport = RunPlan.unitsFolderName + "/\(u.code).\(lang.rawValue).html"
            if exists(unitReport) { links.append("<a href=\"\(files)\(Self.pathEncoded(unitReport))\">\(w("unit-report"))</a>") }
            if let n = waiting[u.code], n > 0 { links.append("<span class=\"small\">+\(n) \(w("fate-waiting").lowercased())</span>") }
            b += links.joined(separator: "<br>") + "</td></tr>\n"
        }
        b += "</table></div>\n"
        return HTMLPage.page(title: PageWords.text("province-heading", lang), lang: lang, switchTo: "/p/\(token)?lang=\(other.rawValue)", body: b)
    }

    /// Before the first run: the uploads waiting, by unit.
    func waitingTable() -> String {
        guard !waiting.isEmpty else { return "" }
        var b = "<h2>\(HTMLPage.escape(PageWords.text("waiting-uploads", lang)))</h2>\n<ul>\n"
        for (unit, n) in waiting.sorted(by: { $0.key < $1.key }) { b += "<li>\(HTMLPage.escape(unit)): \(n)</li>\n" }
        return b + "</ul>\n"
    }

    static func stateWord(_ s: Timeliness.State) -> String {
        switch s {
        case .onTime: return "on-time"
        case .late: return "late"
        case .received: return "received-state"
        case .rejected: return "rejected-state"
        case .missing: return "missing"
        }
    }

    private func exists(_ relative: String) -> Bool {
        OutputFiles(root: site.output).resolve(relative.split(separator: "/").map(String.init)) != nil
    }

    /// A relative path with each segment percent-encoded for a URL.
    static func pathEncoded(_ relative: String) -> String {
        relative.split(separator: "/").map {
            $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))) ?? String($0)
        }.joined(separator: "/")
    }
}
