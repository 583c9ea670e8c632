/// `unknown-code`: a code not in its reference list (for per-unit lists such as communes,
/// not in the submitting unit's part of the list).
struct UnknownCodeCheck: Check {
    let scope = CheckScope.cell
    func run(_ ctx: ValidationContext) {
        for input in ctx.applicableInputs {
            guard case .code(let ref) = input.spec.type, ref != "units", case .string(let s)? = input.value,
                let list = ctx.template.references[ref]
            else { continue }
            if list.unitColumn != nil && ctx.referenceUnit == nil { continue }
            if ctx.lookupCode(input, in: ref) == nil {
                var p = ["list": ref]
                if list.unitColumn != nil, let u = ctx.referenceUnit { p["list"] = "\(ref) (\(u))" }
                ctx.report("unknown-code", at: input, found: s, params: p)
            }
        }
    }
}
