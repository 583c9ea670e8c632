/// `out-of-range`: a number below `min` or above `max`.
struct RangeCheck: Check {
    let scope = CheckScope.cell
    func run(_ ctx: ValidationContext) {
        for input in ctx.applicableInputs where input.spec.min != nil || input.spec.max != nil {
            guard case .number(let d)? = input.value, !Extractor.inRange(d, input.spec) else { continue }
            let lo = input.spec.min.map(Value.format) ?? "…", hi = input.spec.max.map(Value.format) ?? "…"
            ctx.report("out-of-range", at: input, expected: "[\(lo), \(hi)]", found: Value.format(d))
        }
    }
}
