import Foundation
import XLSX

/// Turns a decoded template file into a `Template`: reads the CSV files, resolves
/// column letters and cells, parses and checks every expression, fills defaults.
struct TemplateResolver {
    let file: TemplateFile
    let doc: TemplateDocument

    private var directory: String { (doc.path as NSString).deletingLastPathComponent }

    func resolve() throws(TemplateError) -> Template {
        guard let period = PeriodKind(rawValue: file.period.lowercased()) else {
            throw doc.error(.structure, at: ["period"], "unknown period '\(file.period)' (expected year, quarter or month)")
        }
        let units = try loadUnits()
        var references: [String: ReferenceList] = [:]
        for (id, ref) in (file.references ?? [:]).sorted(by: { $0.key < $1.key }) {
            references[id] = try loadReference(id: id, ref)
        }
        let identify = try resolveIdentify(references: references)
        var forms: [FormSheet] = []
        for (i, f) in (file.forms ?? []).enumerated() { forms.append(try resolveForm(f, at: ["forms", .index(i)])) }
        var seenCodes = Set<String>()
        for (fi, f) in forms.enumerated() {
            for (ii, ind) in f.indicators.enumerated() where !seenCodes.insert(ind.code).inserted {
                throw doc.error(.structure, at: ["forms", .index(fi), "indicators", .index(ii), "code"], "indicator \(ind.code) is declared twice")
            }
        }
        var lists: [ListSheet] = []
        for (i, l) in (file.lists ?? []).enumerated() {
            let list = try resolveList(l, at: ["lists", .index(i)], references: references)
            if lists.contains(where: { $0.id == list.id }) {
                throw doc.error(.structure, at: ["lists", .index(i), "id"], "list \(list.id) is declared twice")
            }
            lists.append(list)
        }
        var scope = ExpressionScope()
        for f in forms { for ind in f.indicators { scope.indicators[ind.code] = ind.columns } }
        for l in lists {
            scope.lists[l.id] = Dictionary(l.columns.map { ($0.id, ExpressionScope.kind(of: $0.spec.type)) }, uniquingKeysWith: { a, _ in a })
        }
        let valueColumns = forms.flatMap { $0.columns.map(\.id) }
        var rules: [Rule] = []
        for (i, r) in (file.rules ?? []).enumerated() {
            let rule = try resolveRule(r, at: ["rules", .index(i)], scope: scope, valueColumns: valueColumns)
            if rules.contains(where: { $0.code == rule.code }) {
                throw doc.error(.structure, at: ["rules", .index(i), "code"], "rule \(rule.code) is declared twice")
            }
            rules.append(rule)
        }
        var summary: [SummaryRow] = []
        let indicators = Dictionary(forms.flatMap(\.indicators).map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        for (i, s) in (file.summary ?? []).enumerated() {
            summary.append(try resolveSummary(s, at: ["summary", .index(i)], indicators: indicators, valueColumns: valueColumns))
        }
        var template = Template(
            id: file.report, title: file.title.value, period: period, units: units, references: references,
            identify: identify, forms: forms, lists: lists, rules: rules, summary: summary, path: doc.path)
        if let h = file.history {
            template.outliers = try resolveOutliers(h.outliers, indicators: indicators, valueColumns: valueColumns)
            for (i, t) in (h.targets ?? []).enumerated() {
                let target = try resolveTarget(t, at: ["history", "targets", .index(i)], indicators: indicators, valueColumns: valueColumns)
                if template.targets.contains(where: { $0.code == target.code }) {
                    throw doc.error(.structure, at: ["history", "targets", .index(i), "code"], "target \(target.code) is declared twice")
                }
                template.targets.append(target)
            }
        }
        template.sourceFiles = [doc.path, csvPath(file.units)]
            + (file.references ?? [:]).sorted { $0.key < $1.key }.map { csvPath($0.value.file) }
        return template
    }

    // MARK: History

    private func resolveOutliers(
        _ o: TemplateFile.OutliersFile?, indicators: [String: Indicator], valueColumns: [String]
    ) throws(TemplateError) -> OutlierSettings {
        var s = OutlierSettings()
        guard let o else { return s }
        let keys: [PathKey] = ["history", "outliers"]
        if let e = o.enabled { s.enabled = e }
        if let t = o.threshold {
            guard t > 0 else { throw doc.error(.structure, at: keys + ["threshold"], "threshold must be greater than 0") }
            s.threshold = t
        }
        if let d = o.min_difference {
            guard d >= 0 else { throw doc.error(.structure, at: keys + ["min_difference"], "min_difference must be 0 or more") }
            s.minDifference = d
        }
        if let n = o.min_units {
            guard n >= 3 else { throw doc.error(.structure, at: keys + ["min_units"], "min_units must be 3 or more") }
            s.minUnits = n
        }
        if let n = o.min_history {
            guard n >= 2 else { throw doc.error(.structure, at: keys + ["min_history"], "min_history must be 2 or more") }
            s.minHistory = n
        }
        if let list = o.indicators {
            for (i, code) in list.enumerated() where indicators[code] == nil {
                throw doc.error(.structure, at: keys + ["indicators", .index(i)], "unknown indicator '\(code)'")
            }
            s.indicators = list
        }
        if let list = o.columns {
            for (i, c) in list.enumerated() where !valueColumns.contains(c) {
                throw doc.error(.structure, at: keys + ["columns", .index(i)], "unknown value column '\(c)'")
            }
            s.columns = list
        }
        return s
    }

    private func resolveTarget(
        _ t: TemplateFile.TargetFile, at keys: [PathKey], indicators: [String: Indicator], valueColumns: [String]
    ) throws(TemplateError) -> YearlyTarget {
        func known(_ code: String, _ key: String) throws(TemplateError) -> String {
            let c = code.trimmingCharacters(in: .whitespaces)
            guard indicators[c] != nil else { throw doc.error(.structure, at: keys + [PathKey(stringLiteral: key)], "unknown indicator '\(c)'") }
            return c
        }
        let measure: YearlyTarget.Measure
        switch (t.change_pct, t.share, t.indicator, t.reach) {
        case (let i?, nil, nil, nil):
            measure = .changePercent(indicator: try known(i, "change_pct"))
        case (nil, let s?, nil, nil):
            let parts = s.split(separator: "/").map(String.init)
            guard parts.count == 2 else {
                throw doc.error(.structure, at: keys + ["share"], "share is written NUMERATOR / DENOMINATOR, e.g. TCCS_TSVM / DV_CO")
            }
            measure = .share(numerator: try known(parts[0], "share"), denominator: try known(parts[1], "share"))
        case (nil, nil, let i?, let r?):
            measure = .reach(indicator: try known(i, "indicator"), target: try known(r, "reach"))
        default:
            throw doc.error(.structure, at: keys, "a target has one measure: change_pct: X, share: X / Y, or indicator: X with reach: Y")
        }
        let column = t.column ?? valueColumns.last ?? "current"
        guard valueColumns.contains(column) else {
            throw doc.error(.structure, at: keys + ["column"], "unknown value column '\(column)'")
        }
        guard t.at_least != nil || t.at_most != nil else {
            throw doc.error(.structure, at: keys, "a target needs at_least or at_most (in percent)")
        }
        return YearlyTarget(code: t.code, label: t.label.value, measure: measure, column: column, atLeast: t.at_least, atMost: t.at_most)
    }

    // MARK: CSV files

    /// A CSV file's path: as written when absolute, else beside the template.
    private func csvPath(_ name: String) -> String {
        name.hasPrefix("/") ? name : (directory as NSString).appendingPathComponent(name)
    }

    private func readCSV(_ name: String, at keys: [PathKey]) throws(TemplateError) -> (header: [String], rows: [[String: String]]) {
        let p = csvPath(name)
        guard let data = FileManager.default.contents(atPath: p), String(validating: data, as: UTF8.self) != nil else {
            throw doc.error(.reference, at: keys, "cannot read the list file \(p)")
        }
        do { return try CSV.records([UInt8](data), name: p) } catch {
            throw doc.error(.reference, at: keys, "the list file \(p): \(error.description)")
        }
    }

    private func loadUnits() throws(TemplateError) -> [ReportingUnit] {
        let (header, rows) = try readCSV(file.units, at: ["units"])
        guard header.contains("code"), header.contains("name") else {
            throw doc.error(.reference, at: ["units"], "the units file \(file.units) needs the columns code,name,kind")
        }
        return rows.compactMap { r in
            guard let c = r["code"], !c.isEmpty else { return nil }
            return ReportingUnit(code: c, name: r["name"] ?? "", kind: r["kind"] ?? "")
        }
    }

    private func loadReference(id: String, _ ref: TemplateFile.ReferenceFile) throws(TemplateError) -> ReferenceList {
        let keys: [PathKey] = ["references", .key(id)]
        let (header, rows) = try readCSV(ref.file, at: keys + ["file"])
        let column = ref.column ?? header.first ?? ""
        guard header.contains(column) else {
            throw doc.error(.reference, at: keys + ["column"], "the list file \(ref.file) has no column '\(column)' (it has \(header.joined(separator: ",")))")
        }
        if let uc = ref.unit_column, !header.contains(uc) {
            throw doc.error(.reference, at: keys + ["unit_column"], "the list file \(ref.file) has no column '\(uc)'")
        }
        return ReferenceList(id: id, file: ref.file, valueColumn: column, unitColumn: ref.unit_column, rows: rows)
    }

    // MARK: cells and columns

    private func columnIndex(_ text: String?, at keys: [PathKey]) throws(TemplateError) -> Int? {
        guard let text else { return nil }
        guard let ref = CellRef(text.uppercased() + "1") else {
            throw doc.error(.structure, at: keys, "'\(text)' is not a column letter")
        }
        return ref.column
    }

    private func cell(_ text: String, at keys: [PathKey]) throws(TemplateError) -> CellRef {
        guard let ref = CellRef(text) else { throw doc.error(.structure, at: keys, "'\(text)' is not a cell address like B4") }
        return ref
    }

    private func spec(_ f: TemplateFile.FieldFile, at keys: [PathKey], references: [String: ReferenceList], defaultType: String) throws(TemplateError) -> FieldSpec {
        let typeName = f.type ?? (f.reference != nil ? "code" : defaultType)
        guard let type = FieldType.named(typeName, reference: f.reference) else {
            if typeName == "code" {
                throw doc.error(.structure, at: keys + ["type"], "a code column needs 'reference' naming a reference list")
            }
            throw doc.error(.structure, at: keys + ["type"], "unknown type '\(typeName)' (expected integer, number, percent, text, date, boolean or code)")
        }
        if case .code(let r) = type, references[r] == nil, r != "units" {
            throw doc.error(.reference, at: keys + ["reference"], "unknown reference list '\(r)' (declared: \(references.keys.sorted().joined(separator: ", ")))")
        }
        if let p = f.pattern {
            do { _ = try NSRegularExpression(pattern: p) } catch {
                throw doc.error(.structure, at: keys + ["pattern"], "'\(p)' is not a valid regular expression")
            }
        }
        if let lo = f.min, let hi = f.max, lo > hi {
            throw doc.error(.structure, at: keys + ["min"], "min \(lo) is greater than max \(hi)")
        }
        return FieldSpec(type: type, required: f.required ?? false, min: f.min, max: f.max, pattern: f.pattern, allowed: f.allowed, maxLength: f.max_length)
    }

    // MARK: sections

    private func resolveIdentify(references: [String: ReferenceList]) throws(TemplateError) -> Identify {
        let id = file.identify
        var fields: [IdentifyField] = []
        for (i, f) in id.fields.enumerated() {
            let keys: [PathKey] = ["identify", "fields", .index(i)]
            guard let fid = f.id else { throw doc.error(.structure, at: keys, "an identify field needs an id") }
            guard let c = f.cell else { throw doc.error(.structure, at: keys, "identify field \(fid) needs a cell") }
            let defaultType = fid == "report_date" ? "date" : "text"
            var s = try spec(f, at: keys, references: references, defaultType: defaultType)
            if ["form_code", "unit", "period"].contains(fid) { s.required = true }
            fields.append(IdentifyField(id: fid, label: f.label.value, cell: try cell(c, at: keys + ["cell"]), spec: s))
        }
        for needed in ["unit", "period"] where !fields.contains(where: { $0.id == needed }) {
            throw doc.error(.structure, at: ["identify", "fields"], "identify needs a field with id '\(needed)'")
        }
        if let fn = id.file_name, !(fn.contains("{unit}") && fn.contains("{period}")) {
            throw doc.error(.structure, at: ["identify", "file_name"], "file_name needs {unit} and {period}")
        }
        return Identify(sheet: id.sheet, title: id.title?.value, fields: fields, formCode: id.form_code, fileName: id.file_name)
    }

    private func resolveForm(_ f: TemplateFile.FormFile, at keys: [PathKey]) throws(TemplateError) -> FormSheet {
        var columns: [ValueColumn] = []
        for (i, c) in f.columns.enumerated() {
            guard let col = try columnIndex(c.column, at: keys + ["columns", .index(i), "column"]) else { continue }
            if columns.contains(where: { $0.id == c.id }) {
                throw doc.error(.structure, at: keys + ["columns", .index(i), "id"], "value column \(c.id) is declared twice")
            }
            columns.append(ValueColumn(
                id: c.id, column: col, label: c.label.value,
                fromHistory: c.from_history.map { HistorySource(period: $0.period == "previous" ? nil : $0.period, column: $0.column) }))
        }
        for (i, c) in columns.enumerated() {
            guard let h = c.fromHistory else { continue }
            if !columns.contains(where: { $0.id == h.column }) {
                throw doc.error(.structure, at: keys + ["columns", .index(i), "from_history", "column"], "from_history names column \(h.column), which this form does not have")
            }
            if let p = h.period, let kind = PeriodKind(rawValue: file.period.lowercased()), kind.parse(p) == nil {
                throw doc.error(.structure, at: keys + ["columns", .index(i), "from_history", "period"], "from_history.period must be 'previous' or a \(file.period) period such as 2015; it is '\(p)'")
            }
        }
        let key = try columnIndex(f.key_column, at: keys + ["key_column"])
        var indicators: [Indicator] = []
        for (i, ind) in f.indicators.enumerated() {
            let ik: [PathKey] = keys + ["indicators", .index(i)]
            guard let code = ind.code else { throw doc.error(.structure, at: ik, "an indicator needs a code") }
            var s = try spec(ind, at: ik, references: [:], defaultType: "integer")
            guard s.type.isNumeric else {
                throw doc.error(.structure, at: ik + ["type"], "an indicator is a number: integer, number or percent")
            }
            s.required = ind.required ?? true
            let cols = ind.columns ?? columns.map(\.id)
            for (ci, c) in cols.enumerated() where !columns.contains(where: { $0.id == c }) {
                throw doc.error(.reference, at: ik + ["columns", .index(ci)], "unknown value column '\(c)' (the form has \(columns.map(\.id).joined(separator: ", ")))")
            }
            var cells: [String: CellRef] = [:]
            for (c, a) in (ind.cells ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard columns.contains(where: { $0.id == c }) else {
                    throw doc.error(.reference, at: ik + ["cells", .key(c)], "unknown value column '\(c)'")
                }
                cells[c] = try cell(a, at: ik + ["cells", .key(c)])
            }
            if key == nil && cells.isEmpty {
                throw doc.error(.structure, at: ik, "indicator \(code) needs cells, since the form has no key_column")
            }
            indicators.append(Indicator(code: code, number: ind.number, label: ind.label.value, measure: ind.unit?.value, spec: s, columns: cols, cells: cells))
        }
        var headers: [Int: Localized] = [:]
        for (letter, text) in (f.headers ?? [:]).sorted(by: { $0.key < $1.key }) {
            if let c = try columnIndex(letter, at: keys + ["headers", .key(letter)]) { headers[c] = text.value }
        }
        let labels = FormLabelColumns(
            number: try columnIndex(f.number_column, at: keys + ["number_column"]),
            label: try columnIndex(f.label_column, at: keys + ["label_column"]),
            unit: try columnIndex(f.unit_column, at: keys + ["unit_column"]),
            note: try columnIndex(f.note_column, at: keys + ["note_column"]), headers: headers)
        let used = [key, labels.number, labels.label, labels.unit, labels.note].compactMap { $0 } + columns.map(\.column)
        let last = try columnIndex(f.last_column, at: keys + ["last_column"]) ?? used.max() ?? 0
        return FormSheet(
            sheet: f.sheet, title: f.title?.value, subtitle: f.subtitle?.value, keyColumn: key,
            headerRow: max(0, (f.header_row ?? 1) - 1), labelColumns: labels, columns: columns, lastColumn: last,
            indicators: indicators)
    }

    private func resolveList(_ l: TemplateFile.ListFile, at keys: [PathKey], references: [String: ReferenceList]) throws(TemplateError) -> ListSheet {
        var columns: [ListColumn] = []
        var unique: [[String]] = []
        for (i, c) in l.columns.enumerated() {
            let ck: [PathKey] = keys + ["columns", .index(i)]
            guard let id = c.id else { throw doc.error(.structure, at: ck, "a list column needs an id") }
            if columns.contains(where: { $0.id == id }) {
                throw doc.error(.structure, at: ck + ["id"], "column \(id) is declared twice")
            }
            let s = try spec(c, at: ck, references: references, defaultType: "text")
            columns.append(ListColumn(id: id, label: c.label.value, aliases: c.aliases ?? [], spec: s, optional: c.optional ?? false, width: c.width))
            if c.unique == true { unique.append([id]) }
        }
        for (ui, key) in (l.unique ?? []).enumerated() {
            for (ki, id) in key.enumerated() where !columns.contains(where: { $0.id == id }) {
                throw doc.error(.reference, at: keys + ["unique", .index(ui), .index(ki)], "unknown column '\(id)' in a unique key of list \(l.id)")
            }
            unique.append(key)
        }
        guard l.header_row >= 1 else { throw doc.error(.structure, at: keys + ["header_row"], "header_row counts from 1") }
        if let n = l.blank_rows, !(1...100_000).contains(n) {
            throw doc.error(.structure, at: keys + ["blank_rows"], "blank_rows must be from 1 to 100000")
        }
        return ListSheet(
            id: l.id, sheet: l.sheet, title: l.title?.value, headerRow: l.header_row - 1,
            headerSearchRows: l.search_rows ?? 20, columns: columns, unique: unique, blankRows: l.blank_rows ?? ListSheet.defaultBlankRows)
    }

    private func resolveRule(_ r: TemplateFile.RuleFile, at keys: [PathKey], scope: ExpressionScope, valueColumns: [String]) throws(TemplateError) -> Rule {
        let severity: Severity
        switch (r.severity ?? "error").lowercased() {
        case "error": severity = .error
        case "warning": severity = .warning
        case "info": severity = .info
        default: throw doc.error(.structure, at: keys + ["severity"], "unknown severity '\(r.severity ?? "")' (expected error, warning or info)")
        }
        let expression: Expression
        do { expression = try Expression(r.check) } catch {
            throw doc.error(error, at: keys + ["check"], context: "rule \(r.code)")
        }
        var s = scope
        var ruleScope = Rule.Scope.workbook
        if let list = r.list {
            guard let cols = scope.lists[list] else {
                throw doc.error(.reference, at: keys + ["list"], "rule \(r.code): unknown list '\(list)'")
            }
            s.row = cols
            ruleScope = .row(list: list)
        }
        let kind: ExpressionScope.Kind
        do { kind = try ExpressionChecker(scope: s).check(expression.root) } catch {
            throw doc.error(error, at: keys + ["check"], context: "rule \(r.code)")
        }
        guard kind == .bool else {
            throw doc.error(ExpressionError(offset: 0, "a rule must be a condition (a comparison), found a \(kind.rawValue)"), at: keys + ["check"], context: "rule \(r.code)")
        }
        // Value columns: explicit, or every column all unqualified indicators share.
        let unqualified = expression.names.filter { $0.qualifier == nil && scope.indicators[$0.name] != nil && s.row?[$0.name] == nil }
        var columns: [String] = []
        if ruleScope == .workbook {
            if let explicit = r.columns {
                for (i, c) in explicit.enumerated() {
                    guard valueColumns.contains(c) else {
                        throw doc.error(.reference, at: keys + ["columns", .index(i)], "rule \(r.code): unknown value column '\(c)'")
                    }
                    for n in unqualified where !(scope.indicators[n.name] ?? []).contains(c) {
                        throw doc.error(.reference, at: keys + ["columns", .index(i)], "rule \(r.code): indicator \(n.name) has no value in column \(c)")
                    }
                }
                columns = explicit
            } else if !unqualified.isEmpty {
                columns = valueColumns.filter { c in unqualified.allSatisfy { (scope.indicators[$0.name] ?? []).contains(c) } }
                if columns.isEmpty {
                    throw doc.error(.reference, at: keys + ["check"], "rule \(r.code): the indicators share no value column; qualify them (\(unqualified[0].name).current)")
                }
            }
        } else {
            for n in unqualified {
                throw doc.error(ExpressionError(offset: n.at, "a row rule must qualify indicator \(n.name) (\(n.name).current)"), at: keys + ["check"], context: "rule \(r.code)")
            }
        }
        let tolerance = r.tolerance ?? 1e-9
        guard tolerance >= 0 else { throw doc.error(.structure, at: keys + ["tolerance"], "tolerance cannot be negative") }
        let line = doc.mark(at: keys)?.line ?? 0
        return Rule(code: r.code, severity: severity, scope: ruleScope, expression: expression, columns: columns, tolerance: tolerance, message: r.message.value, description: r.description?.value, line: line)
    }

    private func resolveSummary(_ s: TemplateFile.SummaryFile, at keys: [PathKey], indicators: [String: Indicator], valueColumns: [String]) throws(TemplateError) -> SummaryRow {
        func indicator(_ code: String, _ k: PathKey) throws(TemplateError) -> Indicator {
            guard let i = indicators[code.trimmingCharacters(in: .whitespaces)] else {
                throw doc.error(.reference, at: keys + [k], "unknown indicator '\(code)'")
            }
            return i
        }
        func checkColumns(_ cols: [String]) throws(TemplateError) {
            for (i, c) in cols.enumerated() where !valueColumns.contains(c) {
                throw doc.error(.reference, at: keys + ["columns", .index(i)], "unknown value column '\(c)'")
            }
        }
        if let code = s.indicator {
            let ind = try indicator(code, "indicator")
            var target: String?
            if let t = s.target { target = try indicator(t, "target").code }
            let cols = s.columns ?? ind.columns
            try checkColumns(cols)
            return SummaryRow(kind: .indicator(code: ind.code, target: target), label: s.label?.value ?? ind.label, columns: cols)
        }
        if let ratio = s.ratio {
            let parts = ratio.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { throw doc.error(.structure, at: keys + ["ratio"], "a ratio is written NUMERATOR / DENOMINATOR") }
            let n = try indicator(parts[0], "ratio"), d = try indicator(parts[1], "ratio")
            let cols = s.columns ?? n.columns.filter { d.columns.contains($0) }
            try checkColumns(cols)
            guard let label = s.label?.value else { throw doc.error(.structure, at: keys, "a ratio row needs a label") }
            return SummaryRow(kind: .ratio(numerator: n.code, denominator: d.code), label: label, columns: cols, percent: s.percent ?? true)
        }
        if let h = s.heading {
            return SummaryRow(kind: .heading, label: h.value, columns: [])
        }
        throw doc.error(.structure, at: keys, "a summary row needs indicator, ratio or heading")
    }
}
