/// `blank-required`: a required input left blank (an applicable indicator value, a
/// required list column in a row that has data, a required identify field).
struct BlankRequiredCheck: Check {
    let scope = CheckScope.cell
    func run(_ ctx: ValidationContext) {
        for column in ctx.applicableColumns where column.spec.required {
            for input in column.inputs where input.reading == .blank {
                ctx.report("blank-required", at: input, expected: input.spec.type.name)
            }
        }
    }
}
