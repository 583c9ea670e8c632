/// `value-from-history` (info): a blank value column the template takes from history was
/// filled with the unit's accepted figure of that period. `differs-from-history`
/// (warning): a typed value disagrees with that accepted figure (the typed one counts; the
/// province sees both).
struct HistoryBaselineCheck: Check {
    let scope = CheckScope.cell
    func run(_ ctx: ValidationContext) {
        guard !ctx.history.periods.isEmpty, let unit = ctx.historyUnit else { return }
        for input in ctx.applicableInputs {
            guard case .indicator(let code, let column) = input.owner else { continue }
            if let period = ctx.suppliedFromHistory[input.owner] {
                let v = ctx.value(of: code, column: column)
                ctx.report("value-from-history", at: input, found: v.map(Value.number)?.display, params: ["period": period])
                continue
            }
            guard let form = ctx.forms.first(where: { $0.form.indicators.contains { $0.code == code } })?.form,
                let source = form.column(column)?.fromHistory,
                let period = source.period ?? ctx.effectivePeriod?.previous.description,
                let accepted = ctx.history.value(unit: unit, period: period, indicator: code, column: source.column),
                let typed = ctx.value(of: code, column: column), abs(typed - accepted) > 1e-9
            else { continue }
            ctx.report(
                "differs-from-history", at: input, expected: Value.number(accepted).display,
                found: Value.number(typed).display, params: ["period": period])
        }
    }
}
