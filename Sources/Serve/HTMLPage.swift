import Reporting

/// The upload server's own pages: one small style sheet, no script, no asset from
/// anywhere, readable on a phone. Every text put in goes through `escape`.
enum HTMLPage {
    static let style = """
        body { font-family: "Segoe UI", Arial, "Noto Sans", sans-serif; margin: 1em auto; max-width: 46em; padding: 0 1em; color: #1d2330; line-height: 1.45; font-size: 17px; }
        h1 { font-size: 1.4em; margin: .2em 0; } h2 { font-size: 1.15em; margin-top: 1.6em; border-bottom: 2px solid #d8dde6; }
        p.sub { color: #5a6377; margin-top: 0; }
        .lang { float: right; font-size: .95em; }
        form.upload { background: #f6f8fb; border: 1px solid #d8dde6; border-radius: 8px; padding: 1em; }
        form.upload input[type=file] { display: block; width: 100%; margin: .6em 0 1em; font-size: 1em; }
        form.upload button { font-size: 1.1em; padding: .6em 1.6em; background: #1f5f99; color: #fff; border: 0; border-radius: 6px; }
        table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; font-size: .95em; }
        th, td { border: 1px solid #d8dde6; padding: .35em .5em; text-align: left; vertical-align: top; }
        th { background: #eef1f6; }
        .wrap { overflow-x: auto; }
        .badge { display: inline-block; padding: .1em .6em; border-radius: 1em; font-weight: 600; font-size: .9em; }
        .accepted, .on-time, .received { background: #e3f5e6; color: #17632a; }
        .accepted-with-warnings, .late { background: #fff4d6; color: #7a5200; }
        .rejected, .unreadable, .missing { background: #fde4e4; color: #9b1c1c; }
        .notice { border-left: 6px solid #1f5f99; background: #eef4fb; padding: .7em 1em; margin: 1em 0; font-size: 1.05em; }
        .notice.good { border-color: #17632a; background: #e3f5e6; } .notice.bad { border-color: #9b1c1c; background: #fde4e4; }
        .small { color: #5a6377; font-size: .9em; }
        @media (max-width: 40em) {
          body { padding: 0 .7em; }
          table.cards tr:first-child { display: none; }
          table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; }
          table.cards tr { border: 1px solid #d8dde6; border-radius: 6px; margin: 0 0 .6em; padding: .4em .6em; }
          table.cards td { border: 0; padding: .1em 0; }
        }
        """

    /// What the upload answer adds to the nightly job's report page (whose bytes are
    /// otherwise the same): the notice's colours, and on a phone the issue tables as one
    /// card per issue (cell and severity first, then the words, `Expected:` and `Found:`
    /// labelled), since seven columns do not fit 390 pixels.
    static func reportStyle(_ lang: Language) -> String {
        let expected = ReportStrings.word("expected", lang).replacingOccurrences(of: "\"", with: "")
        let found = ReportStrings.word("found", lang).replacingOccurrences(of: "\"", with: "")
        return """
            <style>
            .notice { border-left: 6px solid #1f5f99; padding: .7em 1em; margin: 1em 0; font-size: 1.05em; }
            .notice.good { border-color: #17632a; background: #e3f5e6; } .notice.bad { border-color: #9b1c1c; background: #fde4e4; }
            @media (max-width: 40em) {
              body { padding: 0 .6em; margin: .6em auto; }
              table { display: block; overflow-x: auto; }
              table:has(td.cell) tr:first-child { display: none; }
              table:has(td.cell), table:has(td.cell) tbody, table:has(td.cell) tr, table:has(td.cell) td { display: block; }
              table:has(td.cell) tr { border: 1px solid #d8dde6; border-radius: 6px; margin: 0 0 .6em; padding: .4em .6em; }
              table:has(td.cell) td { border: 0; padding: .1em 0; white-space: normal; }
              table:has(td.cell) td.cell, table:has(td.cell) td:nth-child(3) { display: inline-block; font-weight: 600; margin-right: .6em; }
              table:has(td.cell) td:nth-child(5)::before { content: "\(expected): "; color: #5a6377; }
              table:has(td.cell) td:nth-child(6)::before { content: "\(found): "; color: #5a6377; }
              table:has(td.cell) td:empty { display: none; }
            }
            </style>

            """
    }

    /// A whole page.
    static func page(title: String, lang: Language, switchTo: String?, body: String) -> String {
        var s = "<!DOCTYPE html>\n<html lang=\"\(lang.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        s += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        s += "<meta name=\"referrer\" content=\"no-referrer\">\n"
        s += "<title>\(escape(title))</title>\n<style>\n\(style)\n</style>\n</head>\n<body>\n"
        if let switchTo { s += "<a class=\"lang\" href=\"\(escape(switchTo))\">\(PageWords.text("switch", lang))</a>\n" }
        s += body
        s += "\n</body>\n</html>\n"
        return s
    }

    /// A page that only says one thing (errors: not found, revoked, too large).
    static func message(_ text: String, lang: Language, back: String? = nil) -> String {
        var body = "<p class=\"notice bad\">\(escape(text))</p>\n"
        if let back { body += "<p><a href=\"\(escape(back))\">\(escape(PageWords.text("back", lang)))</a></p>\n" }
        return page(title: "TongHop", lang: lang, switchTo: nil, body: body)
    }

    /// `< > & " '` escaped for text and attribute values alike.
    static func escape(_ text: String) -> String {
        HTMLEscaper().escapeText(text)
    }

    /// `1.5 MB`-style sizes (MiB as the job file counts them).
    static func size(_ bytes: Int64) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MB" : bytes >= 1024 ? "\(bytes >> 10) KB" : "\(bytes) B"
    }

    /// A time as the province reads it: `2016-11-14 09:12` (its own offset).
    static func time(_ t: Timestamp) -> String {
        let iso = t.iso
        return String(iso.prefix(16)).replacingOccurrences(of: "T", with: " ")
    }
}
