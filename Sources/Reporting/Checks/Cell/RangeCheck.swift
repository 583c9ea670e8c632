/// `out-of-range`: a number below `min` or above `max`.
struct RangeCheck: Check {
    let scope = CheckScope.cell
    func run(_ ctx: ValidationContext) {
        for column in ctx.applicableColumns where column.spec.min != nil || column.spec.max != nil {
            for input in column.inputs {
                guard case .number(let d)? = input.value, !Extractor.inRange(d, input.spec) else { continue }
                let lo = input.spec.min.map(Value.format) ?? "…", hi = input.spec.max.map(Value.format) ?? "…"
                ctx.report("out-of-range", at: input, expected: "[\(lo), \(hi)]", found: Value.format(d))
            }
        }
    }
}
