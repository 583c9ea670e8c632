/// The syntax tree of a rule expression. Every node keeps its source offset for errors.
indirect enum Expr: Sendable, Hashable {
    case number(Double, at: Int)
    case string(String, at: Int)
    case bool(Bool, at: Int)
    /// `18 years`, `6 months`, `30 days`.
    case duration(Duration, at: Int)
    /// An indicator (`DV`), an indicator in one column (`DV.baseline`), a list column
    /// (inside a row rule or a `where`), or a built-in (`period_start`).
    case name(String, qualifier: String?, at: Int)
    case unary(op: String, Expr, at: Int)
    case binary(op: String, Expr, Expr, at: Int)
    /// `count(list where cond)`, `sum(list.column where cond)`, `min`, `max`, `avg`.
    case aggregate(function: String, list: String, column: String?, filter: Expr?, at: Int)
    /// `abs(x)`, `round(x, n)`, `date(y, m, d)`, `year(d)`, `blank(x)`, `filled(x)`.
    case call(function: String, [Expr], at: Int)

    /// A calendar length added to or subtracted from a date.
    struct Duration: Sendable, Hashable {
        var years = 0, months = 0, days = 0
    }

    var offset: Int {
        switch self {
        case .number(_, let at), .string(_, let at), .bool(_, let at), .duration(_, let at),
            .name(_, _, let at), .unary(_, _, let at), .binary(_, _, _, let at),
            .aggregate(_, _, _, _, let at), .call(_, _, let at):
            return at
        }
    }
}

/// A parsed rule expression and its source text.
public struct Expression: Sendable, Hashable, CustomStringConvertible {
    /// The text as written in the template.
    public let source: String
    let root: Expr

    /// Parses an expression; errors carry the character offset.
    public init(_ source: String) throws(ExpressionError) {
        self.source = source
        var parser = Parser(source)
        self.root = try parser.parse()
    }

    public var description: String { source }

    /// Indicator codes the expression names (unqualified and qualified), in order of appearance.
    var names: [(name: String, qualifier: String?, at: Int)] {
        var out: [(String, String?, Int)] = []
        func walk(_ e: Expr) {
            switch e {
            case .name(let n, let q, let at): out.append((n, q, at))
            case .unary(_, let x, _): walk(x)
            case .binary(_, let a, let b, _): walk(a); walk(b)
            case .call(_, let args, _): args.forEach(walk)
            case .aggregate: break  // names inside a filter are list columns
            default: break
            }
        }
        walk(root)
        return out
    }
}
