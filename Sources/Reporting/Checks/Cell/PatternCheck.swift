import Foundation

/// `pattern-mismatch`: text that does not match the column's regular expression (whole text).
struct PatternCheck: Check {
    let scope = CheckScope.cell
    func run(_ ctx: ValidationContext) {
        var compiled: [String: NSRegularExpression?] = [:]
        // The previous cell's pattern: a column's cells share it, so it is usually the same
        // string (compared without hashing it again).
        var last: (pattern: String, regex: NSRegularExpression?)?
        for input in ctx.applicableInputs {
            guard let p = input.spec.pattern, case .string(let s)? = input.value else { continue }
            if last?.pattern != p {
                if compiled[p] == nil { compiled[p] = .some(try? NSRegularExpression(pattern: "^(?:" + p + ")$")) }
                last = (p, compiled[p]!)
            }
            guard let re = last!.regex else { continue }
            let text = LabelKey.nfc(s)
            // The range alone (no match object), tried at the start only: the pattern is anchored.
            let utf16 = text.utf16.count
            if re.rangeOfFirstMatch(in: text, options: .anchored, range: NSRange(location: 0, length: utf16)).location == NSNotFound {
                ctx.report("pattern-mismatch", at: input, expected: p, found: s)
            }
        }
    }
}
