import Foundation

extension ConsolidationSpec {
    /// The file beside a template that holds its `ConsolidationOptions`.
    public static let optionsFileName = "consolidation.yaml"

    /// The spec of `template`: its units, value columns (change runs from the first to
    /// the last), indicators, and its `summary` rows (ratios and targets), plus the
    /// list sheets and cross-unit keys of `options`.
    public init(template: Template, options: ConsolidationOptions = .init()) throws(TemplateError) {
        var columns: [ValueColumn] = []
        for f in template.forms {
            for c in f.columns where !columns.contains(where: { $0.id == c.id }) {
                columns.append(ValueColumn(id: c.id, label: c.label))
            }
        }
        let indicators = template.indicators.map { i in
            Indicator(
                code: i.code, label: i.label, unitOfMeasure: i.measure, columns: i.columns,
                integer: i.spec.type == .integer)
        }
        var ratios: [Ratio] = []
        var targets: [Target] = []
        var summary: [SummaryLine] = []
        for row in template.summary {
            switch row.kind {
            case .heading:
                summary.append(.heading(row.label))
            case .indicator(let code, let target):
                summary.append(.indicator(code))
                if let target, let t = template.indicator(target), let column = t.columns.last {
                    targets.append(Target(indicator: code, target: target, column: column))
                }
            case .ratio(let n, let d):
                let id = "\(n)/\(d)"
                if !ratios.contains(where: { $0.id == id }) {
                    ratios.append(Ratio(id: id, label: row.label, numerator: n, denominator: d, percent: row.percent))
                }
                summary.append(.ratio(id))
            }
        }

        func listColumns(_ list: String, _ ids: [String]?) throws(TemplateError) -> [ListColumn] {
            guard let sheet = template.list(list) else {
                throw TemplateError(.reference, file: template.path, "\(Self.optionsFileName): unknown list '\(list)'")
            }
            let chosen = try ids.map { ids throws(TemplateError) in
                try ids.map { id throws(TemplateError) in
                    guard let c = sheet.column(id) else {
                        throw TemplateError(.reference, file: template.path, "\(Self.optionsFileName): list '\(list)' has no column '\(id)'")
                    }
                    return c
                }
            } ?? sheet.columns.filter { $0.id != "stt" }
            return chosen.map { ListColumn(id: $0.id, label: $0.label, kind: Self.kind(of: $0.spec.type)) }
        }
        func checkColumns(_ list: String, _ ids: [String]) throws(TemplateError) { _ = try listColumns(list, ids) }

        // Sheet names: Excel's rules, and no two sheets alike (the workbook's own included).
        var sheetNames = [ProvincialWorkbook.summarySheetName, ProvincialWorkbook.byUnitSheetName,
                          ProvincialWorkbook.issuesSheetName]
        for name in options.lists.map(\.sheet) + (options.actionList.map { [$0.sheet] } ?? []) {
            if let problem = Self.sheetNameProblem(name, taken: sheetNames) {
                throw TemplateError(.structure, file: template.path, "\(Self.optionsFileName): sheet name '\(name)' \(problem)")
            }
            sheetNames.append(name)
        }

        var lists: [MergedList] = []
        for l in options.lists {
            lists.append(MergedList(
                list: l.list, sourceSheet: template.list(l.list)?.sheet, sheetName: l.sheet, title: l.title,
                columns: try listColumns(l.list, l.columns), sortBy: l.sortBy ?? []))
        }
        var action: ActionList?
        if let a = options.actionList {
            try checkColumns(a.list, [a.filter.column] + a.groupBy)
            action = ActionList(
                list: a.list, filter: a.filter, groupBy: a.groupBy, sheetName: a.sheet, title: a.title,
                columns: try listColumns(a.list, a.columns))
        }
        func key(_ k: ConsolidationOptions.KeyOption?) throws(TemplateError) -> RowKey? {
            guard let k else { return nil }
            try checkColumns(k.list, k.columns)
            return RowKey(list: k.list, sourceSheet: template.list(k.list)?.sheet, columns: k.columns)
        }

        self.init(
            title: template.title, units: template.units.map { Unit(code: $0.code, name: $0.name) },
            columns: columns, baselineColumn: columns.first?.id ?? "", currentColumn: columns.last?.id ?? "",
            indicators: indicators, ratios: ratios, targets: targets, lists: lists, actionList: action,
            personKey: try key(options.duplicateMember), placeKey: try key(options.villageClaimedTwice),
            summary: summary)
    }

    /// The spec of `template` with the options in `consolidation.yaml` beside it, when
    /// that file exists (without it: figures only, no list sheets, no cross-unit keys).
    public static func load(template: Template) throws(TemplateError) -> ConsolidationSpec {
        let dir = (template.path as NSString).deletingLastPathComponent
        let path = dir.isEmpty ? optionsFileName : dir + "/" + optionsFileName
        guard FileManager.default.fileExists(atPath: path) else { return try ConsolidationSpec(template: template) }
        return try ConsolidationSpec(template: template, options: ConsolidationOptions.load(path: path))
    }

    /// Why `name` cannot be a sheet of the provincial workbook, or nil when it can.
    static func sheetNameProblem(_ name: String, taken: [String]) -> String? {
        if name.isEmpty || name.count > 31 { return "must have 1 to 31 characters" }
        if name.contains(where: { "[]:*?/\\".contains($0) }) { return "must not contain [ ] : * ? / \\" }
        if name.hasPrefix("'") || name.hasSuffix("'") { return "must not begin or end with an apostrophe" }
        if taken.contains(where: { $0.lowercased() == name.lowercased() }) { return "is used twice" }
        return nil
    }

    static func kind(of type: FieldType) -> ListColumn.Kind {
        switch type {
        case .integer: return .integer
        case .number, .percent: return .number
        case .date: return .date
        case .boolean: return .bool
        case .text, .code: return .text
        }
    }
}
