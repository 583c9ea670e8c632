import Foundation

/// `too-long`: text longer than `max_length` characters.
struct MaxLengthCheck: Check {
    let scope = CheckScope.cell
    func run(_ ctx: ValidationContext) {
        for input in ctx.applicableInputs {
            guard let max = input.spec.maxLength, case .string(let s)? = input.value else { continue }
            let n = MaxLengthCheck.characterCount(s)
            if n > max { ctx.report("too-long", at: input, expected: String(max), found: String(n)) }
        }
    }

    /// The number of characters (grapheme clusters) of the text in NFC. Text made only of
    /// scalars below U+0300 and in U+1E00–U+1EFF is NFC already (`LabelKey.isKnownNFC`), and
    /// none of those scalars joins the one before it except LF after CR (no combining marks,
    /// no spacing marks, no prepended or zero-width joiners): it is counted from its UTF-8
    /// lead bytes instead of by Foundation's normalisation and the grapheme breaker.
    static func characterCount(_ s: String) -> Int {
        guard LabelKey.isKnownNFC(s) else { return s.precomposedStringWithCanonicalMapping.count }
        var n = 0
        var afterCR = false
        for b in s.utf8 where b & 0xC0 != 0x80 {
            if b == 0x0A && afterCR {
                afterCR = false
                continue
            }
            n += 1
            afterCR = b == 0x0D
        }
        return n
    }
}
