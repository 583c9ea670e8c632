/// `blank-required`: a required input left blank (an applicable indicator value, a
/// required list column in a row that has data, a required identify field).
struct BlankRequiredCheck: Check {
    let scope = CheckScope.cell
    func run(_ ctx: ValidationContext) {
        for input in ctx.applicableInputs where input.spec.required && input.reading == .blank
            && ctx.suppliedFromHistory[input.owner] == nil
        {
            ctx.report("blank-required", at: input, expected: input.spec.type.name)
        }
    }
}
