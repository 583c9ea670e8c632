/// `unknown-code`: a code not in its reference list (for per-unit lists such as communes,
/// not in the submitting unit's part of the list).
struct UnknownCodeCheck: Check {
    let scope = CheckScope.cell
    func run(_ ctx: ValidationContext) {
        for column in ctx.applicableColumns {
            guard case .code(let ref) = column.spec.type, ref != "units", let list = ctx.template.references[ref] else { continue }
            if list.unitColumn != nil && ctx.referenceUnit == nil { continue }
            for input in column.inputs {
                guard case .string(let s)? = input.value, ctx.lookupCode(input, in: ref) == nil else { continue }
                var p = ["list": ref]
                if list.unitColumn != nil, let u = ctx.referenceUnit { p["list"] = "\(ref) (\(u))" }
                ctx.report("unknown-code", at: input, found: s, params: p)
            }
        }
    }
}
