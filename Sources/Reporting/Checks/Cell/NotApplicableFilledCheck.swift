/// `not-applicable-filled`: a value in a column that does not apply to the indicator
/// (a baseline for the yearly target). The value is ignored.
struct NotApplicableFilledCheck: Check {
    let scope = CheckScope.cell
    func run(_ ctx: ValidationContext) {
        for input in ctx.inputs where !input.applicable {
            switch input.reading {
            case .blank, .formulaWithoutValue: continue
            default: ctx.report("not-applicable-filled", at: input, found: input.shown)
            }
        }
    }
}
