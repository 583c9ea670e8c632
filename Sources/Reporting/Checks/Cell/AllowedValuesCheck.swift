/// `value-not-allowed`: a value outside the column's `allowed` list (matched folded:
/// case, spacing and NFC/NFD do not matter).
struct AllowedValuesCheck: Check {
    let scope = CheckScope.cell
    func run(_ ctx: ValidationContext) {
        var keys: [[String]: Set<LabelKey>] = [:]
        for input in ctx.applicableInputs {
            guard let allowed = input.spec.allowed, let v = input.value else { continue }
            let text: String
            switch v {
            case .string(let s): text = s
            case .number(let d): text = Value.format(d)
            default: continue
            }
            if keys[allowed] == nil { keys[allowed] = Set(allowed.map(LabelKey.init)) }
            if let key = input.textKey, !keys[allowed]!.contains(key) {
                ctx.report("value-not-allowed", at: input, expected: allowed.joined(separator: ", "), found: text)
            }
        }
    }
}
