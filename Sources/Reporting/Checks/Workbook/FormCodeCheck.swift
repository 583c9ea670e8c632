/// `wrong-form`: the workbook's form code cell names another form (a different report
/// sent by mistake).
struct FormCodeCheck: Check {
    let scope = CheckScope.workbook
    func run(_ ctx: ValidationContext) {
        guard let expected = ctx.template.identify.formCode else { return }
        for input in ctx.inputs where input.owner == .identify("form_code") {
            guard case .string(let s)? = input.value else { continue }
            if LabelKey(s) != LabelKey(expected) { ctx.report("wrong-form", at: input, expected: expected, found: s) }
        }
    }
}
