/// `number-as-text` / `date-as-text`: a number or date typed as text (`"1.873"`,
/// `"93,65%"`, `"17/11/2016"`). The value is read as meant; the clerk is told.
struct NumberAsTextCheck: Check {
    let scope = CheckScope.cell
    func run(_ ctx: ValidationContext) {
        for input in ctx.applicableInputs {
            guard case .value(let v, fromText: true) = input.reading else { continue }
            switch v {
            case .date(let d):
                ctx.report("date-as-text", at: input, expected: Value.formatDate(d.serial), found: input.shown)
            case .number(let d):
                let shown = input.spec.type == .percent ? Value.format(d * 100) + "%" : Value.format(d)
                ctx.report("number-as-text", at: input, expected: shown, found: input.shown)
            default: break
            }
        }
    }
}
