import Foundation

/// `pattern-mismatch`: text that does not match the column's regular expression (whole text).
struct PatternCheck: Check {
    let scope = CheckScope.cell
    func run(_ ctx: ValidationContext) {
        var compiled: [String: NSRegularExpression] = [:]
        for input in ctx.applicableInputs {
            guard let p = input.spec.pattern, case .string(let s)? = input.value else { continue }
            if compiled[p] == nil { compiled[p] = try? NSRegularExpression(pattern: "^(?:" + p + ")$") }
            guard let re = compiled[p] else { continue }
            let text = LabelKey.nfc(s)
            if re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
                ctx.report("pattern-mismatch", at: input, expected: p, found: s)
            }
        }
    }
}
