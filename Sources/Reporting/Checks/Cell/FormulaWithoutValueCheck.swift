/// `formula-without-value`: a formula whose cached value is missing (never recalculated,
/// e.g. written by a script); the figure cannot be trusted.
struct FormulaWithoutValueCheck: Check {
    let scope = CheckScope.cell
    func run(_ ctx: ValidationContext) {
        for input in ctx.inputs where input.reading == .formulaWithoutValue {
            ctx.report("formula-without-value", at: input)
        }
    }
}
