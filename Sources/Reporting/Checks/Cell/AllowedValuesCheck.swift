/// `value-not-allowed`: a value outside the column's `allowed` list (matched folded:
/// case, spacing and NFC/NFD do not matter).
struct AllowedValuesCheck: Check {
    let scope = CheckScope.cell
    func run(_ ctx: ValidationContext) {
        var keys: [[String]: Set<LabelKey>] = [:]
        // The list the previous cell used: a column's cells share one array, which compares
        // equal by identity without hashing its (Vietnamese) values again.
        var last: (allowed: [String], keys: Set<LabelKey>)?
        for input in ctx.applicableInputs {
            guard let allowed = input.spec.allowed, let v = input.value else { continue }
            let text: String
            switch v {
            case .string(let s): text = s
            case .number(let d): text = Value.format(d)
            default: continue
            }
            if last == nil || last!.allowed != allowed {
                if keys[allowed] == nil { keys[allowed] = Set(allowed.map(LabelKey.init)) }
                last = (allowed, keys[allowed]!)
            }
            if let key = input.textKey, !last!.keys.contains(key) {
                ctx.report("value-not-allowed", at: input, expected: allowed.joined(separator: ", "), found: text)
            }
        }
    }
}
