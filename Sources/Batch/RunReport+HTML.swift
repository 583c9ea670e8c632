import Foundation
import Mustache
import Reporting

extension RunReport {
    /// The report as a self-contained HTML page in `lang` (no scripts, no external files),
    /// with `charts` drawn as inline SVG (the provincial workbook's charts). `dataAsOf`
    /// (seconds since 1970) is when the newest inbox file was last changed: the page says
    /// how recent its figures are without holding the wall clock, so a rerun on the same
    /// inbox gives the same bytes (the ledger keeps each run's own times).
    /// The page lists every unit and file (2,000 rows for 1,000 units), so its variables
    /// go through the byte-scanning `HTMLEscaper`, and it is parsed once per process.
    public func htmlBytes(_ lang: Language, charts: [ChartFigure] = [], dataAsOf: Double? = nil) throws -> [UInt8] {
        let template = try RunReportHTML.parsed.get()
        return Array(template.render(htmlContext(lang, charts: charts, dataAsOf: dataAsOf)).utf8)
    }

    /// `2026-12-04 03:12 UTC`.
    static func utcMinute(_ seconds: Double) -> String {
        let t = LedgerTime.string(Date(timeIntervalSince1970: seconds))  // 2026-12-04T03:12:45.123Z
        return t.prefix(10) + " " + t.dropFirst(11).prefix(5) + " UTC"
    }

    /// `15/11/2016 17:00 (UTC+07:00)`.
    static func zoned(_ t: Timestamp) -> String {
        t.dayMonthYearTime + " (UTC" + t.offsetText.replacingOccurrences(of: "Z", with: "") + ")"
    }

    func htmlContext(_ lang: Language, charts: [ChartFigure] = [], dataAsOf: Double? = nil) -> [String: Any] {
        let t = RunReportHTML.labels.mapValues { $0[lang] }
        func unitStatus(_ s: UnitStatus) -> String { RunReportHTML.unitStatus[s]![lang] }
        func fileStatus(_ s: FileStatus) -> String { RunReportHTML.fileStatus[s]![lang] }
        let unreadable = Set(files.filter { $0.status == .unreadable }.map(\.file))
        let unitRows: [[String: Any]] = units.map { u in
            // Links beside the page: the unit's report, and its file returned with the problems marked.
            let hasReport = u.file != nil && JobRunner.isSafeCode(u.code)
            let returned = hasReport && u.errors + u.warnings > 0 && !unreadable.contains(u.file!)
            return [
                "code": u.code, "name": u.name, "status": unitStatus(u.status), "css": u.status.rawValue,
                "problem": u.status == .rejected || u.status == .missing,
                "file": u.file ?? "", "new": u.new ? t["yes"]! : "", "errors": u.errors, "warnings": u.warnings,
                "superseded": u.superseded.joined(separator: ", "), "unexpected": !u.expected,
                "approved": u.approval.map { a in
                    t["approvedBy"]! + " " + a.by + (a.held.isEmpty ? "" : "; " + t["heldForReview"]! + ": " + a.held.joined(separator: ", "))
                } ?? "",
                "hasReport": hasReport, "report": hasReport ? "\(RunPlan.unitsFolderName)/\(u.code).\(lang.rawValue).html" : "",
                "hasReturned": returned, "returned": returned ? "\(RunPlan.returnedFolderName)/\(u.code)/\(u.file!)" : "",
            ]
        }
        let fileRows: [[String: Any]] = files.map { f in
            [
                "file": f.file, "unit": f.unit ?? "", "period": f.period ?? "", "status": fileStatus(f.status),
                "css": f.status.rawValue, "new": f.new ? t["yes"]! : "", "errors": f.errors, "warnings": f.warnings,
                "supersededBy": f.supersededBy ?? "", "copiedTo": f.copiedTo ?? "", "sha": String(f.sha256.prefix(12)),
            ]
        }
        // A unit's being missing or rejected is its row's status in the units table; the
        // issues table holds the rest (members or villages claimed twice, ...).
        let issueRows: [[String: Any]] = issues.filter { $0.code != "unit-missing" && $0.code != "unit-rejected" }.map { i in
            [
                "code": i.code, "severity": i.severity.rawValue, "severityText": RunReportHTML.severity[i.severity]![lang],
                "file": i.file, "sheet": i.sheet ?? "", "cell": i.cell ?? "", "message": IssueCatalogue.message(for: i, lang: lang),
            ]
        }
        func section(_ key: String, _ rows: [[String: Any]]) -> [String: Any] {
            ["title": t[key]!, "rows": rows, "count": rows.count, "any": !rows.isEmpty]
        }
        let missing = units.filter { $0.status == .missing }.map { ["code": $0.code, "name": $0.name] }
        let timelyRows: [[String: Any]] = (timeliness?.units ?? []).map { u in
            [
                "code": u.code, "name": u.name, "state": Timeliness.words(u, lang), "css": "t-" + u.state.rawValue,
                "received": u.received?.dayMonthYearTime ?? "", "files": u.files,
                "problem": u.state == .late || u.state == .missing || u.state == .rejected,
            ]
        }
        var timely = section("timeliness", timelyRows)
        timely["summary"] = timeliness?.summary(lang) ?? ""
        timely["deadline"] = timeliness?.deadline.map(RunReport.zoned) ?? t["noDeadline"]!
        return [
            "lang": lang.rawValue, "t": t, "job": job, "period": period, "workbook": workbook ?? "",
            "asOf": dataAsOf.map { s in
                // In the province's time zone, as the deadline beside it, when the job set one.
                timeliness?.deadline.map { RunReport.zoned(Timestamp(epoch: s, offset: $0.offset)) } ?? RunReport.utcMinute(s)
            } ?? "", "hasAsOf": dataAsOf != nil,
            "hasWorkbook": workbook != nil, "counts": [
                "files": counts.files, "newFiles": counts.newFiles, "accepted": counts.accepted,
                "rejected": counts.rejected, "unreadable": counts.unreadable, "superseded": counts.superseded,
                "missing": counts.missing, "expected": counts.expected,
            ],
            "units": unitRows, "missing": section("missingUnits", missing), "timeliness": timely,
            "files": fileRows, "issues": section("issues", issueRows),
            "changes": section("changes", (changes ?? []).map { ch in
                [
                    "unit": ch.unit, "indicator": ch.indicator + " – " + (ch.columnLabel?[lang] ?? ch.column), "old": ch.old, "new": ch.new,
                    "oldFile": ch.oldFile, "oldReceived": ch.oldReceived.dayMonthYearTime,
                    "newFile": ch.newFile, "newReceived": ch.newReceived.dayMonthYearTime,
                ]
            }),
            "charts": section("charts", charts.map { ["svg": ChartSVG(figure: $0, lang: lang).render()] }),
        ]
    }
}

/// The run report's HTML template and its words in each language.
enum RunReportHTML {
    static let parsed: Result<MustacheTemplate, any Error> = Result { try MustacheTemplate(string: HTMLEscaper.pragma + template) }

    static let labels: [String: Localized] = [
        "title": .init(vi: "Báo cáo lượt chạy tổng hợp", en: "Consolidation run report"),
        "job": .init(vi: "Công việc", en: "Job"),
        "period": .init(vi: "Kỳ báo cáo", en: "Period"),
        "workbook": .init(vi: "Bảng tổng hợp", en: "Provincial workbook"),
        "summary": .init(vi: "Tóm tắt", en: "Summary"),
        "files": .init(vi: "Tệp trong hộp thư", en: "Files in the inbox"),
        "newFilesCount": .init(vi: "Tệp mới", en: "New files"),
        "accepted": .init(vi: "Được chấp nhận", en: "Accepted"),
        "rejected": .init(vi: "Bị từ chối", en: "Rejected"),
        "unreadable": .init(vi: "Không đọc được", en: "Unreadable"),
        "superseded": .init(vi: "Bị thay thế", en: "Superseded"),
        "missing": .init(vi: "Đơn vị chưa nộp", en: "Missing units"),
        "expected": .init(vi: "Đơn vị phải nộp", en: "Units expected"),
        "units": .init(vi: "Đơn vị", en: "Units"),
        "code": .init(vi: "Mã", en: "Code"),
        "name": .init(vi: "Tên đơn vị", en: "Name"),
        "status": .init(vi: "Trạng thái", en: "Status"),
        "file": .init(vi: "Tệp", en: "File"),
        "new": .init(vi: "Mới", en: "New"),
        "errors": .init(vi: "Lỗi", en: "Errors"),
        "warnings": .init(vi: "Cảnh báo", en: "Warnings"),
        "replaces": .init(vi: "Thay thế", en: "Replaces"),
        "supersededBy": .init(vi: "Bị thay bởi", en: "Superseded by"),
        "approvedBy": .init(vi: "Đã duyệt:", en: "Approved:"),
        "heldForReview": .init(vi: "chờ tỉnh xem xét", en: "awaiting review"),
        "changes": .init(vi: "Số liệu đã thay đổi", en: "Changed figures"),
        "oldToNew": .init(vi: "Cũ → mới", en: "Old → new"),
        "indicatorShort": .init(vi: "Chỉ tiêu", en: "Indicator"),
        "filesAndTimes": .init(vi: "Tệp và thời điểm nhận", en: "Files and when received"),
        "copiedTo": .init(vi: "Bản sao", en: "Copied to"),
        "unit": .init(vi: "Đơn vị", en: "Unit"),
        "periodShort": .init(vi: "Kỳ", en: "Period"),
        "unexpected": .init(vi: "(không thuộc danh sách)", en: "(not expected)"),
        "missingUnits": .init(vi: "Đơn vị chưa nộp báo cáo", en: "Units that have not submitted"),
        "asOf": .init(vi: "Số liệu đến", en: "Data as of"),
        "asOfNote": .init(vi: "lúc nhận tệp mới nhất trong hộp thư", en: "when the newest file in the inbox was received"),
        "links": .init(vi: "Bấm mã đơn vị để xem kết quả kiểm tra của đơn vị; bấm tên tệp để tải tệp trả lại đã đánh dấu các chỗ cần sửa.",
                       en: "Click a unit's code for its check results; click a file name for the file returned with its problems marked."),
        "allFiles": .init(vi: "Tất cả các tệp", en: "All files"),
        "issues": .init(vi: "Vấn đề giữa các đơn vị", en: "Issues across units"),
        "issueCode": .init(vi: "Mã vấn đề", en: "Issue"),
        "severity": .init(vi: "Mức độ", en: "Severity"),
        "where": .init(vi: "Vị trí", en: "Where"),
        "details": .init(vi: "Chi tiết", en: "Details"),
        "none": .init(vi: "Không có.", en: "None."),
        "yes": .init(vi: "có", en: "yes"),
        "charts": .init(vi: "Biểu đồ", en: "Charts"),
        "timeliness": .init(vi: "Tiến độ nộp báo cáo", en: "Completeness and timeliness"),
        "deadline": .init(vi: "Hạn nộp", en: "Deadline"),
        "noDeadline": .init(vi: "không đặt hạn", en: "none set"),
        "received": .init(vi: "Nhận lúc", en: "Received"),
        "filesSent": .init(vi: "Số tệp đã gửi", en: "Files sent"),
        "returnedFile": .init(vi: "Tệp trả lại, đã đánh dấu các chỗ cần sửa", en: "The file returned, its problems marked"),
    ]

    static let unitStatus: [RunReport.UnitStatus: Localized] = [
        .accepted: .init(vi: "Được chấp nhận", en: "Accepted"),
        .acceptedWithWarnings: .init(vi: "Được chấp nhận (có cảnh báo)", en: "Accepted with warnings"),
        .rejected: .init(vi: "Bị từ chối", en: "Rejected"),
        .missing: .init(vi: "Chưa nộp", en: "Missing"),
    ]

    static let severity: [Severity: Localized] = [
        .error: .init(vi: "lỗi", en: "error"), .warning: .init(vi: "cảnh báo", en: "warning"),
        .info: .init(vi: "thông tin", en: "info"),
    ]

    static let fileStatus: [FileStatus: Localized] = [
        .accepted: .init(vi: "Được chấp nhận", en: "Accepted"),
        .acceptedWithWarnings: .init(vi: "Được chấp nhận (có cảnh báo)", en: "Accepted with warnings"),
        .rejected: .init(vi: "Bị từ chối", en: "Rejected"),
        .unreadable: .init(vi: "Không đọc được", en: "Unreadable"),
    ]

    /// Kept in Swift rather than a resource file so an installed binary needs nothing beside it.
    static let template = """
        <!DOCTYPE html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{t.title}}: {{job}} {{period}}</title>
        <style>
        body { font-family: "Segoe UI", Arial, "Noto Sans", sans-serif; margin: 1.5em auto; max-width: 70em; padding: 0 1em; color: #1d2330; line-height: 1.4; }
        h1 { font-size: 1.5em; margin-bottom: .2em; }
        h2 { font-size: 1.2em; margin-top: 1.8em; border-bottom: 2px solid #d8dde6; padding-bottom: .2em; }
        p.sub { color: #5a6377; margin-top: 0; }
        table { border-collapse: collapse; margin: .4em 0 1em; }
        table.wide { width: 100%; }
        th, td { border: 1px solid #d8dde6; padding: .35em .6em; text-align: left; vertical-align: top; }
        th { background: #eef1f6; font-weight: 600; }
        td.n { text-align: right; }
        td.st, td.nw { white-space: nowrap; }
        tr.problem td { background: #fff8f8; }
        .badge { display: inline-block; padding: .1em .6em; border-radius: 1em; font-weight: 600; font-size: .9em; white-space: nowrap; }
        .accepted { background: #e3f5e6; color: #17632a; }
        .accepted-with-warnings { background: #fff4d6; color: #7a5200; }
        .rejected, .unreadable, .missing { background: #fde4e4; color: #9b1c1c; }
        .sev-error { color: #9b1c1c; font-weight: 600; }
        .sev-warning { color: #7a5200; font-weight: 600; }
        .sev-info { color: #1f5f99; }
        .help { background: #f6f8fb; border-left: 4px solid #9fb0cc; padding: .5em .8em; }
        .code, code { color: #5a6377; font-size: .85em; }
        .t-on-time, .t-received { background: #e3f5e6; color: #17632a; }
        .t-late { background: #fff4d6; color: #7a5200; }
        .t-rejected, .t-missing { background: #fde4e4; color: #9b1c1c; }
        figure.chart { margin: 0.5em 0 1.5em; max-width: 100%; overflow-x: auto; }
        svg.chart { max-width: 100%; height: auto; font-family: "Segoe UI", Arial, "Noto Sans", sans-serif; background: #fff; border: 1px solid #ddd; }
        svg.chart .title { font-size: 14px; font-weight: bold; }
        svg.chart .cat, svg.chart .tick, svg.chart .legend { font-size: 11px; fill: #333; }
        svg.chart .val { font-size: 10px; fill: #222; }
        svg.chart .in { font-size: 10px; fill: #fff; }
        svg.chart .grid { stroke: #ddd; stroke-width: 1; }
        svg.chart .axis { stroke: #808080; stroke-width: 1; }
        @media print { body { margin: 0; } }
        </style>
        </head>
        <body>
        <h1>{{t.title}}</h1>
        <p class="sub">{{t.job}}: <b>{{job}}</b> · {{t.period}}: <b>{{period}}</b>{{#hasAsOf}} · {{t.asOf}}: <b>{{asOf}}</b> ({{t.asOfNote}}){{/hasAsOf}}{{#hasWorkbook}} · {{t.workbook}}: <b>{{workbook}}</b>{{/hasWorkbook}}</p>
        <h2>{{t.summary}}</h2>
        <table>
        {{#counts}}
        <tr><th>{{t.expected}}</th><td class="n">{{expected}}</td></tr>
        <tr><th>{{t.files}}</th><td class="n">{{files}}</td></tr>
        <tr><th>{{t.newFilesCount}}</th><td class="n">{{newFiles}}</td></tr>
        <tr><th>{{t.accepted}}</th><td class="n">{{accepted}}</td></tr>
        <tr><th>{{t.rejected}}</th><td class="n">{{rejected}}</td></tr>
        <tr><th>{{t.unreadable}}</th><td class="n">{{unreadable}}</td></tr>
        <tr><th>{{t.superseded}}</th><td class="n">{{superseded}}</td></tr>
        <tr><th>{{t.missing}}</th><td class="n">{{missing}}</td></tr>
        {{/counts}}
        </table>
        {{#missing}}
        {{#any}}<p class="help"><b>{{title}} ({{count}}):</b> {{#rows}}{{code}} {{name}}; {{/rows}}</p>{{/any}}
        {{/missing}}
        {{#timeliness}}
        {{#any}}
        <h2>{{title}}</h2>
        <p>{{t.deadline}}: <b>{{deadline}}</b> · <b>{{summary}}</b></p>
        <table class="wide">
        <tr><th>{{t.code}}</th><th>{{t.name}}</th><th>{{t.status}}</th><th>{{t.received}}</th><th>{{t.filesSent}}</th></tr>
        {{#rows}}
        <tr{{#problem}} class="problem"{{/problem}}><td class="nw">{{code}}</td><td>{{name}}</td><td class="st"><span class="badge {{css}}">{{state}}</span></td><td class="nw">{{received}}</td><td class="n">{{files}}</td></tr>
        {{/rows}}
        </table>
        {{/any}}
        {{/timeliness}}
        <h2>{{t.units}}</h2>
        <p class="help">{{t.links}}</p>
        <table class="wide">
        <tr><th>{{t.code}}</th><th>{{t.name}}</th><th>{{t.status}}</th><th>{{t.file}}</th><th>{{t.new}}</th><th>{{t.errors}}</th><th>{{t.warnings}}</th><th>{{t.replaces}}</th></tr>
        {{#units}}
        <tr{{#problem}} class="problem"{{/problem}}><td class="nw">{{#hasReport}}<a href="{{report}}">{{code}}</a>{{/hasReport}}{{^hasReport}}{{code}}{{/hasReport}}</td><td>{{name}}{{#unexpected}} {{t.unexpected}}{{/unexpected}}</td><td class="st"><span class="badge {{css}}">{{status}}</span>{{#approved}}<br><small>{{approved}}</small>{{/approved}}</td><td>{{#hasReturned}}<a href="{{returned}}" title="{{t.returnedFile}}">{{file}}</a>{{/hasReturned}}{{^hasReturned}}{{file}}{{/hasReturned}}</td><td>{{new}}</td><td class="n">{{errors}}</td><td class="n">{{warnings}}</td><td>{{superseded}}</td></tr>
        {{/units}}
        </table>
        {{#changes}}
        {{#any}}
        <h2>{{title}} ({{count}})</h2>
        <table class="wide">
        <tr><th>{{t.code}}</th><th>{{t.indicatorShort}}</th><th>{{t.oldToNew}}</th><th>{{t.filesAndTimes}}</th></tr>
        {{#rows}}
        <tr><td class="nw">{{unit}}</td><td>{{indicator}}</td><td class="nw">{{old}} → <b>{{new}}</b></td><td>{{oldFile}} ({{oldReceived}}) → {{newFile}} ({{newReceived}})</td></tr>
        {{/rows}}
        </table>
        {{/any}}
        {{/changes}}
        {{#charts}}
        {{#any}}
        <h2>{{title}}</h2>
        {{#rows}}
        <figure class="chart">{{{svg}}}</figure>
        {{/rows}}
        {{/any}}
        {{/charts}}
        {{#issues}}
        {{#any}}
        <h2>{{title}} ({{count}})</h2>
        <table class="wide">
        <tr><th>{{t.severity}}</th><th>{{t.file}}</th><th>{{t.where}}</th><th>{{t.details}}</th><th class="code">{{t.issueCode}}</th></tr>
        {{#rows}}
        <tr><td class="st sev-{{severity}}">{{severityText}}</td><td>{{file}}</td><td class="nw">{{sheet}} {{cell}}</td><td>{{message}}</td><td class="code nw">{{code}}</td></tr>
        {{/rows}}
        </table>
        {{/any}}
        {{/issues}}
        <h2>{{t.allFiles}}</h2>
        <table class="wide">
        <tr><th>{{t.file}}</th><th>{{t.unit}}</th><th>{{t.periodShort}}</th><th>{{t.status}}</th><th>{{t.new}}</th><th>{{t.supersededBy}}</th><th>{{t.copiedTo}}</th><th>SHA-256</th></tr>
        {{#files}}
        <tr><td>{{file}}</td><td>{{unit}}</td><td class="nw">{{period}}</td><td class="st"><span class="badge {{css}}">{{status}}</span></td><td>{{new}}</td><td>{{supersededBy}}</td><td>{{copiedTo}}</td><td><code>{{sha}}</code></td></tr>
        {{/files}}
        </table>
        </body>
        </html>

        """
}
