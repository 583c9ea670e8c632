/// A token of the rule language, with its offset (in characters) in the source.
struct Token: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case number(Double)
        case string(String)
        case identifier(String)
        /// `and or not where true false years months days blank`
        case keyword(String)
        /// `+ - * / ( ) , . == != < <= > >=`
        case symbol(String)
        case end
    }

    var kind: Kind
    /// Character offset of the token's first character.
    var offset: Int

    var text: String {
        switch kind {
        case .number(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
        case .string(let s): return "\"\(s)\""
        case .identifier(let s), .keyword(let s), .symbol(let s): return s
        case .end: return "end of expression"
        }
    }
}
