/// `error-value`: an input cell holding `#DIV/0!`, `#N/A`, `#REF!`...
struct ErrorValueCheck: Check {
    let scope = CheckScope.cell
    func run(_ ctx: ValidationContext) {
        for input in ctx.inputs {
            if case .error(let e) = input.reading { ctx.report("error-value", at: input, found: e.rawValue) }
        }
    }
}
