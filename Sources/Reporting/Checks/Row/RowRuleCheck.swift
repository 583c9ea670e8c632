import XLSX

/// The template's row rules (`ngay_ket_nap >= ngay_sinh + 18 years`), once per list row.
/// The issue points at the row's cell of the first column the rule names.
struct RowRuleCheck: Check {
    let scope = CheckScope.row
    func run(_ ctx: ValidationContext) {
        let env = RuleEnvironment(ctx: ctx)
        for rule in ctx.template.rules {
            guard case .row(let listID) = rule.scope, let l = ctx.lists.first(where: { $0.list.id == listID }) else { continue }
            let named = rule.expression.names.map(\.name).filter { l.columns[$0] != nil }
            for row in l.rows {
                let ev = Evaluator(environment: env, column: nil, row: row, tolerance: rule.tolerance)
                guard ev.evaluate(rule.expression.root) == .bool(false) else { continue }
                var (found, expected, params) = env.describe(rule, evaluator: ev)
                for (id, v) in zip(row.layout.ids, row.cells) { if let v { params[id] = Value(v).display } }
                params["row"] = String(row.row + 1)
                let cell = named.first.map { CellRef(row: row.row, column: l.columns[$0]!).description }
                    ?? CellRange(first: CellRef(row: row.row, column: 0), last: CellRef(row: row.row, column: max(0, (l.columns.values.max() ?? 0)))).description
                ctx.report(rule.code, severity: rule.severity, sheet: l.sheetName, cell: cell, expected: expected, found: found, params: params)
            }
        }
    }
}
