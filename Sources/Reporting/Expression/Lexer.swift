/// Splits a rule expression into tokens. Identifiers are ASCII letters, digits and `_`
/// (not starting with a digit); numbers use `.` for decimals; strings use double or single quotes.
struct Lexer {
    static let keywords: Set<String> = [
        "and", "or", "not", "where", "true", "false", "years", "months", "days",
    ]

    static func tokenize(_ source: String) throws(ExpressionError) -> [Token] {
        let chars = Array(source)
        var tokens: [Token] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace {
                i += 1
                continue
            }
            let start = i
            if c.isASCII && c.isNumber {
                while i < chars.count && chars[i].isASCII && chars[i].isNumber { i += 1 }
                if i + 1 < chars.count && chars[i] == "." && chars[i + 1].isASCII && chars[i + 1].isNumber {
                    i += 1
                    while i < chars.count && chars[i].isASCII && chars[i].isNumber { i += 1 }
                }
                if i < chars.count && (chars[i].isLetter || chars[i] == "_") && !isUnitStart(chars, i) {
                    throw ExpressionError(offset: i, "unexpected '\(chars[i])' after a number")
                }
                tokens.append(Token(kind: .number(Double(String(chars[start..<i]))!), offset: start))
            } else if c.isASCII && (c.isLetter || c == "_") {
                while i < chars.count && chars[i].isASCII && (chars[i].isLetter || chars[i].isNumber || chars[i] == "_") {
                    i += 1
                }
                let word = String(chars[start..<i])
                tokens.append(Token(kind: keywords.contains(word) ? .keyword(word) : .identifier(word), offset: start))
            } else if c == "\"" || c == "'" || c == "“" {
                let close: Character = c == "“" ? "”" : c
                i += 1
                var s = ""
                while i < chars.count && chars[i] != close {
                    s.append(chars[i])
                    i += 1
                }
                guard i < chars.count else { throw ExpressionError(offset: start, "unterminated string") }
                i += 1
                tokens.append(Token(kind: .string(s), offset: start))
            } else {
                let two = i + 1 < chars.count ? String(chars[i...i + 1]) : ""
                if ["==", "!=", "<=", ">=", "<>"].contains(two) {
                    tokens.append(Token(kind: .symbol(two == "<>" ? "!=" : two), offset: start))
                    i += 2
                } else if "+-*/(),.<>=≤≥≠".contains(c) {
                    let map: [Character: String] = ["=": "==", "≤": "<=", "≥": ">=", "≠": "!="]
                    tokens.append(Token(kind: .symbol(map[c] ?? String(c)), offset: start))
                    i += 1
                } else {
                    throw ExpressionError(offset: i, "unexpected character '\(c)'")
                }
            }
        }
        tokens.append(Token(kind: .end, offset: chars.count))
        return tokens
    }

    /// `18years` is not allowed, but a unit keyword must follow a space anyway; this only
    /// keeps `2e` style garbage out.
    private static func isUnitStart(_ chars: [Character], _ i: Int) -> Bool { false }
}
