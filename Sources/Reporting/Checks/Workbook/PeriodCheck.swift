/// `wrong-period`: the workbook's period is not a period of the template's kind, or is
/// not the job's period, or the file name names another period.
struct PeriodCheck: Check {
    let scope = CheckScope.workbook
    func run(_ ctx: ValidationContext) {
        guard let input = ctx.inputs.first(where: { $0.owner == .identify("period") }), let text = ctx.periodText else { return }
        guard let stated = ctx.template.period.parse(text) else {
            ctx.report("wrong-period", at: input, expected: ctx.period?.description ?? ctx.template.period.rawValue, found: text)
            return
        }
        if let job = ctx.period, job != stated {
            ctx.report("wrong-period", at: input, expected: job.description, found: stated.description)
        } else if let named = ctx.fileNameParts?.period, let p = ctx.template.period.parse(named), p != stated {
            ctx.report("wrong-period", at: input, expected: "\(p) (\(ctx.file))", found: stated.description)
        }
    }
}
