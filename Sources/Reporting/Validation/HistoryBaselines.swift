/// Fills the value columns a template takes from the job's history (`from_history`) where
/// the district left them blank: the unit's accepted value of that period, so a baseline
/// is typed once, not again each year. Runs right after extraction, before the checks;
/// `HistoryBaselineCheck` reports what it took and any typed value that disagrees.
enum HistoryBaselines {
    static func apply(_ ctx: ValidationContext) {
        guard !ctx.history.periods.isEmpty, let unit = ctx.historyUnit else { return }
        var inputsByOwner: [InputCell.Owner: Int] = [:]
        for (i, input) in ctx.inputs.enumerated() { inputsByOwner[input.owner] = i }
        for fi in ctx.forms.indices {
            let form = ctx.forms[fi].form
            for col in form.columns {
                guard let source = col.fromHistory,
                    let period = source.period ?? ctx.effectivePeriod?.previous.description
                else { continue }
                for ind in form.indicators where ind.applies(col.id) {
                    let owner = InputCell.Owner.indicator(code: ind.code, column: col.id)
                    guard let v = ctx.history.value(unit: unit, period: period, indicator: ind.code, column: source.column),
                        let i = inputsByOwner[owner], ctx.inputs[i].reading == .blank
                    else { continue }
                    ctx.forms[fi].values[ind.code, default: [:]][col.id] = v
                    ctx.suppliedFromHistory[owner] = period
                }
            }
        }
    }
}
