import Mustache
import Reporting

extension RunReport {
    /// The report as a self-contained HTML page in `lang` (no scripts, no external files),
    /// with `charts` drawn as inline SVG (the provincial workbook's charts).
    /// The page lists every unit and file (2,000 rows for 1,000 units), so its variables
    /// go through the byte-scanning `HTMLEscaper`, and it is parsed once per process.
    public func htmlBytes(_ lang: Language, charts: [ChartFigure] = []) throws -> [UInt8] {
        let template = try RunReportHTML.parsed.get()
        return Array(template.render(htmlContext(lang, charts: charts)).utf8)
    }

    func htmlContext(_ lang: Language, charts: [ChartFigure] = []) -> [String: Any] {
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
                "file": u.file ?? "", "new": u.new ? t["yes"]! : "", "errors": u.errors, "warnings": u.warnings,
                "superseded": u.superseded.joined(separator: ", "), "unexpected": !u.expected,
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
        let issueRows: [[String: Any]] = issues.map { i in
            [
                "code": i.code, "severity": i.severity.rawValue, "file": i.file, "sheet": i.sheet ?? "",
                "cell": i.cell ?? "", "expected": i.expected ?? "", "found": i.found ?? "",
                "message": IssueCatalogue.message(for: i, lang: lang),
            ]
        }
        func section(_ key: String, _ rows: [[String: Any]]) -> [String: Any] {
            ["title": t[key]!, "rows": rows, "count": rows.count, "any": !rows.isEmpty]
        }
        let newRows = fileRows.enumerated().filter { files[$0.offset].new }.map(\.element)
        let supersededRows = fileRows.enumerated().filter { files[$0.offset].supersededBy != nil }.map(\.element)
        let missing = units.filter { $0.status == .missing }.map { ["code": $0.code, "name": $0.name] }
        return [
            "lang": lang.rawValue, "t": t, "job": job, "period": period, "workbook": workbook ?? "",
            "hasWorkbook": workbook != nil, "counts": [
                "files": counts.files, "newFiles": counts.newFiles, "accepted": counts.accepted,
                "rejected": counts.rejected, "unreadable": counts.unreadable, "superseded": counts.superseded,
                "missing": counts.missing, "expected": counts.expected,
            ],
            "units": unitRows, "missing": section("missingUnits", missing),
            "newFiles": section("newFiles", newRows), "supersededFiles": section("supersededFiles", supersededRows),
            "files": fileRows, "issues": section("issues", issueRows),
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
        "copiedTo": .init(vi: "Bản sao", en: "Copied to"),
        "unit": .init(vi: "Đơn vị", en: "Unit"),
        "periodShort": .init(vi: "Kỳ", en: "Period"),
        "unexpected": .init(vi: "(không thuộc danh sách)", en: "(not expected)"),
        "missingUnits": .init(vi: "Đơn vị chưa nộp báo cáo", en: "Units that have not submitted"),
        "newFiles": .init(vi: "Tệp mới nhận", en: "New submissions"),
        "supersededFiles": .init(vi: "Tệp bị thay thế bởi bản nộp mới hơn", en: "Submissions replaced by a newer one"),
        "allFiles": .init(vi: "Tất cả các tệp", en: "All files"),
        "issues": .init(vi: "Vấn đề giữa các đơn vị", en: "Issues across units"),
        "issueCode": .init(vi: "Mã vấn đề", en: "Issue"),
        "severity": .init(vi: "Mức độ", en: "Severity"),
        "where": .init(vi: "Vị trí", en: "Where"),
        "details": .init(vi: "Chi tiết", en: "Details"),
        "none": .init(vi: "Không có.", en: "None."),
        "yes": .init(vi: "có", en: "yes"),
        "charts": .init(vi: "Biểu đồ", en: "Charts"),
        "returnedFile": .init(vi: "Tệp trả lại, đã đánh dấu các chỗ cần sửa", en: "The file returned, its problems marked"),
    ]

    static let unitStatus: [RunReport.UnitStatus: Localized] = [
        .accepted: .init(vi: "Được chấp nhận", en: "Accepted"),
        .acceptedWithWarnings: .init(vi: "Được chấp nhận (có cảnh báo)", en: "Accepted with warnings"),
        .rejected: .init(vi: "Bị từ chối", en: "Rejected"),
        .missing: .init(vi: "Chưa nộp", en: "Missing"),
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
        <title>{{t.title}}: {{job}} {{period}}</title>
        <style>
        body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
        table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
        th, td { border: 1px solid #bbb; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
        th { background: #eee; }
        td.n { text-align: right; }
        .accepted { background: #e7f6e7; }
        .accepted-with-warnings { background: #fdf6dc; }
        .rejected, .unreadable, .missing { background: #fbe3e3; }
        figure.chart { margin: 0.5em 0 1.5em; max-width: 100%; overflow-x: auto; }
        svg.chart { max-width: 100%; height: auto; font-family: system-ui, sans-serif; background: #fff; border: 1px solid #ddd; }
        svg.chart .title { font-size: 14px; font-weight: bold; }
        svg.chart .cat, svg.chart .tick, svg.chart .legend { font-size: 11px; fill: #333; }
        svg.chart .val { font-size: 10px; fill: #222; }
        svg.chart .in { font-size: 10px; fill: #fff; }
        svg.chart .grid { stroke: #ddd; stroke-width: 1; }
        svg.chart .axis { stroke: #808080; stroke-width: 1; }
        </style>
        </head>
        <body>
        <h1>{{t.title}}</h1>
        <p>{{t.job}}: <b>{{job}}</b> · {{t.period}}: <b>{{period}}</b>{{#hasWorkbook}} · {{t.workbook}}: <b>{{workbook}}</b>{{/hasWorkbook}}</p>
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
        {{#charts}}
        {{#any}}
        <h2>{{title}}</h2>
        {{#rows}}
        <figure class="chart">{{{svg}}}</figure>
        {{/rows}}
        {{/any}}
        {{/charts}}
        <h2>{{t.units}}</h2>
        <table>
        <tr><th>{{t.code}}</th><th>{{t.name}}</th><th>{{t.status}}</th><th>{{t.file}}</th><th>{{t.new}}</th><th>{{t.errors}}</th><th>{{t.warnings}}</th><th>{{t.replaces}}</th></tr>
        {{#units}}
        <tr class="{{css}}"><td>{{#hasReport}}<a href="{{report}}">{{code}}</a>{{/hasReport}}{{^hasReport}}{{code}}{{/hasReport}}</td><td>{{name}}{{#unexpected}} {{t.unexpected}}{{/unexpected}}</td><td>{{status}}</td><td>{{#hasReturned}}<a href="{{returned}}" title="{{t.returnedFile}}">{{file}}</a>{{/hasReturned}}{{^hasReturned}}{{file}}{{/hasReturned}}</td><td>{{new}}</td><td class="n">{{errors}}</td><td class="n">{{warnings}}</td><td>{{superseded}}</td></tr>
        {{/units}}
        </table>
        {{#missing}}
        <h2>{{title}} ({{count}})</h2>
        {{#any}}<ul>{{#rows}}<li>{{code}} {{name}}</li>{{/rows}}</ul>{{/any}}
        {{^any}}<p>{{t.none}}</p>{{/any}}
        {{/missing}}
        {{#newFiles}}
        <h2>{{title}} ({{count}})</h2>
        {{#any}}<ul>{{#rows}}<li>{{file}} ({{unit}} {{period}}): {{status}}</li>{{/rows}}</ul>{{/any}}
        {{^any}}<p>{{t.none}}</p>{{/any}}
        {{/newFiles}}
        {{#supersededFiles}}
        <h2>{{title}} ({{count}})</h2>
        {{#any}}<ul>{{#rows}}<li>{{file}} → {{supersededBy}}</li>{{/rows}}</ul>{{/any}}
        {{^any}}<p>{{t.none}}</p>{{/any}}
        {{/supersededFiles}}
        {{#issues}}
        {{#any}}
        <h2>{{title}} ({{count}})</h2>
        <table>
        <tr><th>{{t.issueCode}}</th><th>{{t.severity}}</th><th>{{t.file}}</th><th>{{t.where}}</th><th>{{t.details}}</th></tr>
        {{#rows}}
        <tr><td>{{code}}</td><td>{{severity}}</td><td>{{file}}</td><td>{{sheet}} {{cell}}</td><td>{{message}}</td></tr>
        {{/rows}}
        </table>
        {{/any}}
        {{/issues}}
        <h2>{{t.allFiles}}</h2>
        <table>
        <tr><th>{{t.file}}</th><th>{{t.unit}}</th><th>{{t.periodShort}}</th><th>{{t.status}}</th><th>{{t.new}}</th><th>{{t.errors}}</th><th>{{t.warnings}}</th><th>{{t.supersededBy}}</th><th>{{t.copiedTo}}</th><th>SHA-256</th></tr>
        {{#files}}
        <tr class="{{css}}"><td>{{file}}</td><td>{{unit}}</td><td>{{period}}</td><td>{{status}}</td><td>{{new}}</td><td class="n">{{errors}}</td><td class="n">{{warnings}}</td><td>{{supersededBy}}</td><td>{{copiedTo}}</td><td><code>{{sha}}</code></td></tr>
        {{/files}}
        </table>
        </body>
        </html>

        """
}
