/// `out-of-range`: a number below `min` or above `max`.
struct RangeCheck: Check {
    let scope = CheckScope.cell
    func run(_ ctx: ValidationContext) {
        for input in ctx.applicableInputs where input.spec.min != nil || input.spec.max != nil {
            guard case .number(let d)? = input.value, !Extractor.inRange(d, input.spec) else { continue }
            let lo = input.spec.min.map(Value.format) ?? "…", hi = input.spec.max.map(Value.format) ?? "…"
            let words: Localized
            switch (input.spec.min, input.spec.max) {
            case (nil, _): words = Localized(vi: "không lớn hơn \(hi)", en: "at most \(hi)")
            case (_, nil): words = Localized(vi: "không nhỏ hơn \(lo)", en: "at least \(lo)")
            default: words = Localized(vi: "từ \(lo) đến \(hi)", en: "between \(lo) and \(hi)")
            }
            ctx.report("out-of-range", at: input, expected: "[\(lo), \(hi)]", found: Value.format(d),
                params: ["expected.vi": words.vi, "expected.en": words.en])
        }
    }
}
