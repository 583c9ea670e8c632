/// A recursive-descent parser for the rule language.
///
/// ```
/// expr    := or
/// or      := and ("or" and)*
/// and     := not ("and" not)*
/// not     := "not" not | compare
/// compare := add (("==" | "!=" | "<" | "<=" | ">" | ">=") add)?
/// add     := mul (("+" | "-") mul)*
/// mul     := unary (("*" | "/") unary)*
/// unary   := "-" unary | primary
/// primary := NUMBER ("year[s]" | "month[s]" | "day[s]")? | STRING | "true" | "false"
///          | IDENT ("." IDENT)? | IDENT "(" arguments ")" | "(" expr ")"
/// aggregate arguments := IDENT ("." IDENT)? ("where" expr)?
/// ```
struct Parser {
    static let aggregates: Set<String> = ["count", "sum", "min", "max", "avg"]
    static let functions: [String: ClosedRange<Int>] = [
        "abs": 1...1, "round": 1...2, "date": 3...3, "year": 1...1, "month": 1...1, "day": 1...1,
        "blank": 1...1, "filled": 1...1, "ratio": 2...2,
        // History: the unit's accepted value in the previous (or a named) period, and the
        // change since then in percent.
        "prev": 1...2, "change_pct": 1...2,
    ]
    /// Functions whose first argument is an indicator itself, read in another period.
    static let historyFunctions: Set<String> = ["prev", "change_pct"]

    private var tokens: [Token] = []
    private var pos = 0
    private let source: String

    init(_ source: String) { self.source = source }

    mutating func parse() throws(ExpressionError) -> Expr {
        tokens = try Lexer.tokenize(source)
        pos = 0
        if case .end = peek.kind { throw ExpressionError(offset: 0, "empty expression") }
        let e = try parseOr()
        guard case .end = peek.kind else { throw unexpected("an operator or the end") }
        return e
    }

    private var peek: Token { tokens[pos] }
    private mutating func advance() -> Token {
        let t = tokens[pos]
        if pos < tokens.count - 1 { pos += 1 }
        return t
    }
    private func isSymbol(_ s: String) -> Bool {
        if case .symbol(s) = peek.kind { return true }
        return false
    }
    private func isKeyword(_ s: String) -> Bool {
        if case .keyword(s) = peek.kind { return true }
        return false
    }
    private func unexpected(_ wanted: String) -> ExpressionError {
        ExpressionError(offset: peek.offset, "expected \(wanted), found \(peek.text)")
    }
    private mutating func expect(_ symbol: String) throws(ExpressionError) {
        guard isSymbol(symbol) else { throw unexpected("'\(symbol)'") }
        _ = advance()
    }

    private mutating func parseOr() throws(ExpressionError) -> Expr {
        var e = try parseAnd()
        while isKeyword("or") {
            let t = advance()
            e = .binary(op: "or", e, try parseAnd(), at: t.offset)
        }
        return e
    }

    private mutating func parseAnd() throws(ExpressionError) -> Expr {
        var e = try parseNot()
        while isKeyword("and") {
            let t = advance()
            e = .binary(op: "and", e, try parseNot(), at: t.offset)
        }
        return e
    }

    private mutating func parseNot() throws(ExpressionError) -> Expr {
        if isKeyword("not") {
            let t = advance()
            return .unary(op: "not", try parseNot(), at: t.offset)
        }
        return try parseCompare()
    }

    private mutating func parseCompare() throws(ExpressionError) -> Expr {
        let left = try parseAdd()
        for op in ["==", "!=", "<", "<=", ">", ">="] where isSymbol(op) {
            let t = advance()
            let right = try parseAdd()
            for op2 in ["==", "!=", "<", "<=", ">", ">="] where isSymbol(op2) {
                throw ExpressionError(offset: peek.offset, "comparisons do not chain; use 'and'")
            }
            return .binary(op: op, left, right, at: t.offset)
        }
        return left
    }

    private mutating func parseAdd() throws(ExpressionError) -> Expr {
        var e = try parseMul()
        while isSymbol("+") || isSymbol("-") {
            let t = advance()
            e = .binary(op: t.text, e, try parseMul(), at: t.offset)
        }
        return e
    }

    private mutating func parseMul() throws(ExpressionError) -> Expr {
        var e = try parseUnary()
        while isSymbol("*") || isSymbol("/") {
            let t = advance()
            e = .binary(op: t.text, e, try parseUnary(), at: t.offset)
        }
        return e
    }

    private mutating func parseUnary() throws(ExpressionError) -> Expr {
        if isSymbol("-") {
            let t = advance()
            return .unary(op: "-", try parseUnary(), at: t.offset)
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(ExpressionError) -> Expr {
        let t = advance()
        switch t.kind {
        case .number(let d):
            var unitWord: String?
            switch peek.kind {
            case .keyword(let w): unitWord = w  // years, months, days
            case .identifier(let w) where ["year", "month", "day"].contains(w): unitWord = w  // 1 year
            default: break
            }
            if let unit = unitWord, ["year", "years", "month", "months", "day", "days"].contains(unit) {
                _ = advance()
                guard d == d.rounded() else { throw ExpressionError(offset: t.offset, "a duration needs a whole number") }
                var dur = Expr.Duration()
                switch unit.prefix(3) {
                case "yea": dur.years = Int(d)
                case "mon": dur.months = Int(d)
                default: dur.days = Int(d)
                }
                return .duration(dur, at: t.offset)
            }
            return .number(d, at: t.offset)
        case .string(let s):
            return .string(s, at: t.offset)
        case .keyword("true"):
            return .bool(true, at: t.offset)
        case .keyword("false"):
            return .bool(false, at: t.offset)
        case .symbol("("):
            let e = try parseOr()
            try expect(")")
            return e
        case .identifier(let name):
            if isSymbol("(") {
                _ = advance()
                if Parser.aggregates.contains(name) { return try parseAggregate(name, at: t.offset) }
                guard let arity = Parser.functions[name] else {
                    throw ExpressionError(offset: t.offset, "unknown function '\(name)'")
                }
                var args: [Expr] = []
                if !isSymbol(")") {
                    args.append(try parseOr())
                    while isSymbol(",") {
                        _ = advance()
                        args.append(try parseOr())
                    }
                }
                try expect(")")
                if Parser.historyFunctions.contains(name) {
                    guard case .name? = args.first else {
                        throw ExpressionError(offset: t.offset, "\(name) takes an indicator: \(name)(KN) or \(name)(KN.current)")
                    }
                    if args.count == 2, case .string = args[1] {} else if args.count == 2 {
                        throw ExpressionError(offset: t.offset, "\(name)'s second argument is a period in quotes: \(name)(KN, \"2015\")")
                    }
                }
                guard arity.contains(args.count) else {
                    throw ExpressionError(offset: t.offset, "\(name) takes \(arity.lowerBound == arity.upperBound ? "\(arity.lowerBound)" : "\(arity.lowerBound) or \(arity.upperBound)") argument(s), found \(args.count)")
                }
                return .call(function: name, args, at: t.offset)
            }
            var qualifier: String?
            if isSymbol(".") {
                _ = advance()
                guard case .identifier(let q) = peek.kind else { throw unexpected("a column name after '.'") }
                _ = advance()
                qualifier = q
            }
            return .name(name, qualifier: qualifier, at: t.offset)
        default:
            pos -= (pos > 0 && t.kind != .end) ? 1 : 0
            throw ExpressionError(offset: t.offset, "expected a value, found \(t.text)")
        }
    }

    private mutating func parseAggregate(_ function: String, at: Int) throws(ExpressionError) -> Expr {
        guard case .identifier(let list) = peek.kind else { throw unexpected("a list name") }
        _ = advance()
        var column: String?
        if isSymbol(".") {
            _ = advance()
            guard case .identifier(let c) = peek.kind else { throw unexpected("a column name after '.'") }
            _ = advance()
            column = c
        }
        if function != "count" && column == nil {
            throw ExpressionError(offset: peek.offset, "\(function) needs a column: \(function)(\(list).column)")
        }
        var filter: Expr?
        if isKeyword("where") {
            _ = advance()
            filter = try parseOr()
        }
        try expect(")")
        return .aggregate(function: function, list: list, column: column, filter: filter, at: at)
    }
}
