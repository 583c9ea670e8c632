/// `too-long`: text longer than `max_length` characters.
struct MaxLengthCheck: Check {
    let scope = CheckScope.cell
    func run(_ ctx: ValidationContext) {
        for input in ctx.applicableInputs {
            guard let max = input.spec.maxLength, case .string(let s)? = input.value else { continue }
            let n = LabelKey.nfc(s).count
            if n > max { ctx.report("too-long", at: input, expected: String(max), found: String(n)) }
        }
    }
}
