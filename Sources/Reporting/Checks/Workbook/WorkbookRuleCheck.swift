import XLSX

/// The template's workbook rules (`DV_CO + DV_CHUA == DV`, `count(thon_ban) == TB.current`),
/// once per value column. A rule whose inputs are blank or invalid is not reported:
/// those cells already are.
struct WorkbookRuleCheck: Check {
    let scope = CheckScope.workbook
    func run(_ ctx: ValidationContext) {
        let env = RuleEnvironment(ctx: ctx)
        for rule in ctx.template.rules where rule.scope == .workbook {
            for column in rule.columns.isEmpty ? [nil] : rule.columns.map(Optional.some) {
                let ev = Evaluator(environment: env, column: column, row: nil, tolerance: rule.tolerance)
                guard ev.evaluate(rule.expression.root) == .bool(false) else { continue }
                var (found, expected, params) = env.describe(rule, evaluator: ev)
                let place = location(rule, column: column, ctx)
                if let column, let vc = ctx.template.forms.lazy.compactMap({ $0.column(column) }).first {
                    params["column"] = column
                    params["column.vi"] = vc.label.vi
                    params["column.en"] = vc.label.en
                }
                ctx.report(rule.code, severity: rule.severity, sheet: place?.sheet, cell: place?.cell,
                    expected: expected, found: found, params: params)
            }
        }
    }

    /// The cell a failed rule points at: the indicator on the right of the comparison, else
    /// the first indicator named; a rule over lists only points at the first list's sheet.
    private func location(_ rule: Rule, column: String?, _ ctx: ValidationContext) -> (sheet: String, cell: String?)? {
        var candidates: [(String, String?)] = []
        if case .binary(_, _, .name(let n, let q, _), _) = rule.expression.root { candidates.append((n, q)) }
        candidates += rule.expression.names.map { ($0.name, $0.qualifier) }
        for (n, q) in candidates {
            if let loc = ctx.location(of: n, column: q ?? column) { return (loc.sheet, loc.cell.description) }
        }
        if let l = ctx.lists.first { return (l.sheetName, nil) }
        return nil
    }
}
