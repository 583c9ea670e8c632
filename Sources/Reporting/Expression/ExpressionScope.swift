/// What names an expression may use, for checking it when the template loads.
struct ExpressionScope: Sendable {
    /// The kind of value a name or sub-expression has.
    enum Kind: String, Sendable {
        case number, date, bool, text, duration
    }

    /// Indicator code -> the value columns that apply to it.
    var indicators: [String: [String]] = [:]
    /// List id -> column id -> kind.
    var lists: [String: [String: Kind]] = [:]
    /// The columns of the row a row rule (or a `where` filter) runs on.
    var row: [String: Kind]?
    /// Names every expression may use.
    static let builtins: [String: Kind] = ["period_start": .date, "period_end": .date, "report_date": .date]

    static func kind(of type: FieldType) -> Kind {
        switch type {
        case .integer, .number, .percent: return .number
        case .date: return .date
        case .boolean: return .bool
        case .text, .code: return .text
        }
    }
}

/// Resolves names and checks the kinds of a parsed expression.
struct ExpressionChecker {
    let scope: ExpressionScope

    /// The kind of `e`, or an error at the offending node.
    func check(_ e: Expr) throws(ExpressionError) -> ExpressionScope.Kind {
        switch e {
        case .number: return .number
        case .string: return .text
        case .bool: return .bool
        case .duration: return .duration
        case .name(let n, let q, let at):
            if let row = scope.row, q == nil, let k = row[n] { return k }
            if let cols = scope.indicators[n] {
                if let q, !cols.contains(q) {
                    throw ExpressionError(offset: at, "indicator \(n) has no value column '\(q)' (it has \(cols.joined(separator: ", ")))")
                }
                return .number
            }
            if q == nil, let k = ExpressionScope.builtins[n] { return k }
            if scope.row != nil {
                throw ExpressionError(offset: at, "unknown column or indicator '\(n)'")
            }
            throw ExpressionError(offset: at, "unknown indicator '\(n)'")
        case .unary(let op, let x, let at):
            let k = try check(x)
            if op == "not" {
                guard k == .bool else { throw ExpressionError(offset: at, "'not' needs a condition, found a \(k.rawValue)") }
                return .bool
            }
            guard k == .number || k == .duration else { throw ExpressionError(offset: at, "'-' needs a number, found a \(k.rawValue)") }
            return k
        case .binary(let op, let a, let b, let at):
            let ka = try check(a), kb = try check(b)
            switch op {
            case "and", "or":
                guard ka == .bool, kb == .bool else {
                    throw ExpressionError(offset: at, "'\(op)' joins conditions, found \(ka.rawValue) \(op) \(kb.rawValue)")
                }
                return .bool
            case "==", "!=":
                guard ka == kb else { throw ExpressionError(offset: at, "cannot compare a \(ka.rawValue) with a \(kb.rawValue)") }
                return .bool
            case "<", "<=", ">", ">=":
                guard ka == kb, ka == .number || ka == .date || ka == .text else {
                    throw ExpressionError(offset: at, "cannot order a \(ka.rawValue) and a \(kb.rawValue)")
                }
                return .bool
            case "+", "-":
                switch (ka, kb) {
                case (.number, .number): return .number
                case (.date, .duration): return .date
                case (.duration, .date) where op == "+": return .date
                case (.date, .date) where op == "-": return .number
                case (.duration, .duration): return .duration
                default: throw ExpressionError(offset: at, "cannot compute \(ka.rawValue) \(op) \(kb.rawValue)")
                }
            default:  // * /
                guard ka == .number, kb == .number else {
                    throw ExpressionError(offset: at, "cannot compute \(ka.rawValue) \(op) \(kb.rawValue)")
                }
                return .number
            }
        case .aggregate(let fn, let list, let column, let filter, let at):
            guard let cols = scope.lists[list] else {
                throw ExpressionError(offset: at, "unknown list '\(list)'")
            }
            var kind = ExpressionScope.Kind.number
            if let column {
                guard let k = cols[column] else {
                    throw ExpressionError(offset: at, "list \(list) has no column '\(column)'")
                }
                kind = k
                if fn == "sum" || fn == "avg", k != .number {
                    throw ExpressionError(offset: at, "\(fn) needs a number column, \(list).\(column) is a \(k.rawValue)")
                }
            }
            if let filter {
                var inner = scope
                inner.row = cols
                let k = try ExpressionChecker(scope: inner).check(filter)
                guard k == .bool else { throw ExpressionError(offset: filter.offset, "'where' needs a condition, found a \(k.rawValue)") }
            }
            return fn == "count" ? .number : (fn == "min" || fn == "max") ? kind : .number
        case .call(let fn, let args, let at):
            let kinds = try args.map { (a: Expr) throws(ExpressionError) -> ExpressionScope.Kind in try check(a) }
            if Parser.historyFunctions.contains(fn) {
                guard case .name(let n, _, _)? = args.first, scope.indicators[n] != nil else {
                    throw ExpressionError(offset: at, "\(fn) takes an indicator of the template")
                }
                return .number
            }
            switch fn {
            case "abs", "round":
                guard kinds.allSatisfy({ $0 == .number }) else { throw ExpressionError(offset: at, "\(fn) needs numbers") }
                return .number
            case "ratio":
                guard kinds.allSatisfy({ $0 == .number }) else { throw ExpressionError(offset: at, "ratio needs numbers") }
                return .number
            case "date":
                guard kinds.allSatisfy({ $0 == .number }) else { throw ExpressionError(offset: at, "date(year, month, day) needs numbers") }
                return .date
            case "year", "month", "day":
                guard kinds == [.date] else { throw ExpressionError(offset: at, "\(fn) needs a date") }
                return .number
            default:  // blank, filled
                return .bool
            }
        }
    }
}
