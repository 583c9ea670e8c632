import Batch
import Reporting

/// A unit's upload page: the form (plain HTML, works without script) and the unit's
/// uploads of the period with their fates.
struct UnitPage {
    let site: UploadSite
    let unit: ReportingUnit
    let token: String
    let lang: Language
    let uploads: [LedgerUpload]

    func render() -> String {
        let w = { (k: String) in HTMLPage.escape(PageWords.text(k, lang)) }
        let other: Language = lang == .vi ? .en : .vi
        var b = "<h1>\(w("unit-heading")): \(HTMLPage.escape(unit.name))</h1>\n"
        b += "<p class=\"sub\">\(HTMLPage.escape(site.template.title[lang])) — \(w("period")) \(HTMLPage.escape(site.periodText))"
        if let d = site.job.deadline { b += " — \(w("deadline")) \(HTMLPage.escape(HTMLPage.time(d)))" }
        b += "</p>\n"
        b += "<form class=\"upload\" method=\"post\" action=\"/u/\(token)/upload?lang=\(lang.rawValue)\" enctype=\"multipart/form-data\">\n"
        b += "<p>\(w("choose"))</p>\n"
        b += "<label for=\"file\"><strong>\(w("file"))</strong></label>\n"
        b += "<input id=\"file\" type=\"file\" name=\"file\" required accept=\".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\">\n"
        b += "<button type=\"submit\">\(w("send"))</button>\n"
        b += "<p class=\"small\">\(w("max-size")): \(HTMLPage.size(site.maxFileSize)). \(w("saved-as")) \(HTMLPage.escape(site.baseFileName(unit: unit.code))).</p>\n"
        b += "</form>\n"
        b += "<h2>\(w("earlier"))</h2>\n"
        if uploads.isEmpty {
            b += "<p>\(w("none-yet"))</p>\n"
        } else {
            b += "<div class=\"wrap\"><table class=\"cards\" id=\"uploads\">\n<tr><th>\(w("when"))</th><th>\(w("sent-name"))</th><th>\(w("check"))</th><th>\(w("fate"))</th></tr>\n"
            for u in uploads {
                b += "<tr><td>\(HTMLPage.escape(HTMLPage.time(u.received)))</td>"
                b += "<td>\(HTMLPage.escape(String(u.sentName.prefix(120))))</td>"
                b += "<td><span class=\"badge \(u.status.rawValue)\">\(w(u.status.rawValue))</span>"
                b += "<br><span class=\"small\">\(w("errors")): \(u.errors), \(w("warnings")): \(u.warnings)</span></td>"
                b += "<td>\(fate(u))</td></tr>\n"
            }
            b += "</table></div>\n"
        }
        return HTMLPage.page(
            title: "\(PageWords.text("unit-heading", lang)) – \(unit.name)", lang: lang,
            switchTo: "/u/\(token)?lang=\(other.rawValue)", body: b)
    }

    /// What became of an upload: not kept; kept and waiting for the nightly run; then the
    /// run's verdict (current, replaced by a later file, rejected).
    func fate(_ u: LedgerUpload) -> String {
        let w = { (k: String) in HTMLPage.escape(PageWords.text(k, lang)) }
        guard let file = u.file else { return w("fate-not-placed") }
        let name = "<br><span class=\"small\">\(HTMLPage.escape(file))</span>"
        guard let s = u.nightly else { return w("fate-waiting") + name }
        if s.supersededBy != nil { return w("fate-superseded") + name }
        if s.status == .rejected || s.status == .unreadable { return w("fate-rejected-nightly") + name }
        return w("fate-current") + name
    }
}
