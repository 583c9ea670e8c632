import XLSX

/// What an expression reads while it is evaluated.
protocol EvaluationEnvironment {
    /// An indicator's value in a value column; nil when blank or not applicable.
    func indicator(_ code: String, column: String) -> Double?
    /// A list's rows in sheet order.
    func rows(of list: String) -> [ListRow]
    /// `period_start`, `period_end`, `report_date`.
    func builtin(_ name: String) -> Value
    /// Columns of a list where some row's cell is blank or invalid: an aggregate reading
    /// them is unknown rather than wrong. `*` when the list was not read at all.
    func incompleteColumns(of list: String) -> Set<String>
    /// The unit's accepted value of an indicator's column in another period: `period` nil
    /// is the period before the workbook's. Nil when the history does not have it.
    func previous(_ code: String, column: String, period: String?) -> Double?
}

extension EvaluationEnvironment {
    func previous(_ code: String, column: String, period: String?) -> Double? { nil }
}

/// Evaluates a checked expression. Unknown (missing) values propagate: a rule whose
/// result is unknown is not reported (the blank cell is, by the built-in checks).
struct Evaluator {
    let environment: any EvaluationEnvironment
    /// The value column unqualified indicators read (workbook rules run once per column).
    var column: String?
    /// The row a row rule or a `where` filter reads.
    var row: ListRow?
    /// Absolute tolerance of `==` and `!=` between numbers.
    var tolerance: Double = 1e-9

    func evaluate(_ e: Expr) -> Value {
        switch e {
        case .number(let d, _): return .number(d)
        case .string(let s, _): return .text(s)
        case .bool(let b, _): return .bool(b)
        case .duration(let d, _): return .duration(d)
        case .name(let n, let q, _):
            if let row, q == nil, let v = row.value(n) { return Value(v) }
            if let q { return environment.indicator(n, column: q).map(Value.number) ?? .missing }
            if ExpressionScope.builtins[n] != nil, row?.value(n) == nil { return environment.builtin(n) }
            if let column { return environment.indicator(n, column: column).map(Value.number) ?? .missing }
            return .missing
        case .unary(let op, let x, _):
            let v = evaluate(x)
            switch (op, v) {
            case ("not", .bool(let b)): return .bool(!b)
            case ("-", .number(let d)): return .number(-d)
            case ("-", .duration(let d)): return .duration(.init(years: -d.years, months: -d.months, days: -d.days))
            default: return .missing
            }
        case .binary(let op, let a, let b, _):
            if op == "and" || op == "or" {
                let va = evaluate(a)
                if op == "and", va == .bool(false) { return .bool(false) }
                if op == "or", va == .bool(true) { return .bool(true) }
                let vb = evaluate(b)
                switch (va, vb) {
                case (.bool(let x), .bool(let y)): return .bool(op == "and" ? x && y : x || y)
                case (_, .bool(false)) where op == "and": return .bool(false)
                case (_, .bool(true)) where op == "or": return .bool(true)
                default: return .missing
                }
            }
            return Evaluator.apply(op, evaluate(a), evaluate(b), tolerance: tolerance)
        case .aggregate(let fn, let list, let column, let filter, _):
            let incomplete = environment.incompleteColumns(of: list)
            if incomplete.contains("*") { return .missing }  // the list itself was not read
            if !incomplete.isEmpty {
                var used = Set(filter.map(Evaluator.columnNames) ?? [])
                if let column { used.insert(column) }
                if !used.isDisjoint(with: incomplete) { return .missing }
            }
            var values: [Value] = []
            var count = 0
            for r in environment.rows(of: list) {
                if let filter {
                    var inner = self
                    inner.row = r
                    guard inner.evaluate(filter) == .bool(true) else { continue }
                }
                count += 1
                if let column {
                    let v = Value(r[column])
                    if v != .missing { values.append(v) }
                }
            }
            switch fn {
            case "count": return .number(Double(column == nil ? count : values.count))
            case "sum":
                return .number(values.reduce(0) { if case .number(let d) = $1 { return $0 + d } else { return $0 } })
            case "avg":
                let nums = values.compactMap { if case .number(let d) = $0 { return d } else { return nil } }
                return nums.isEmpty ? .missing : .number(nums.reduce(0, +) / Double(nums.count))
            default:  // min, max
                let keyed = values.compactMap { v -> (Double, Value)? in
                    switch v {
                    case .number(let d), .date(let d): return (d, v)
                    default: return nil
                    }
                }
                let pick = fn == "min" ? keyed.min { $0.0 < $1.0 } : keyed.max { $0.0 < $1.0 }
                return pick?.1 ?? .missing
            }
        case .call(let fn, let args, _) where Parser.historyFunctions.contains(fn):
            guard case .name(let code, let q, _)? = args.first, let col = q ?? column else { return .missing }
            var period: String?
            if args.count > 1, case .string(let p, _) = args[1] { period = p }
            guard let before = environment.previous(code, column: col, period: period) else { return .missing }
            if fn == "prev" { return .number(before) }
            guard before != 0, let now = environment.indicator(code, column: col) else { return .missing }
            return .number((now - before) / abs(before) * 100)
        case .call(let fn, let args, _):
            let vs = args.map(evaluate)
            switch (fn, vs.first) {
            case ("blank", let v?): return .bool(v == .missing)
            case ("filled", let v?): return .bool(v != .missing)
            default: break
            }
            if vs.contains(.missing) { return .missing }
            switch fn {
            case "abs":
                if case .number(let d) = vs[0] { return .number(abs(d)) }
            case "round":
                if case .number(let d) = vs[0] {
                    var places = 0.0
                    if vs.count > 1, case .number(let p) = vs[1] { places = p }
                    let m = pow10(Int(places))
                    return .number((d * m).rounded(.toNearestOrAwayFromZero) / m)
                }
            case "ratio":
                if case .number(let x) = vs[0], case .number(let y) = vs[1] { return y == 0 ? .missing : .number(x / y) }
            case "date":
                if case .number(let y) = vs[0], case .number(let m) = vs[1], case .number(let d) = vs[2] {
                    return .date(ExcelDate.serial(year: Int(y), month: Int(m), day: Int(d)))
                }
            case "year", "month", "day":
                if case .date(let s) = vs[0], let c = ExcelDate(serial: s).components {
                    return .number(Double(fn == "year" ? c.year : fn == "month" ? c.month : c.day))
                }
            default: break
            }
            return .missing
        }
    }

    /// Every unqualified name in an expression (the list columns a filter reads).
    static func columnNames(_ e: Expr) -> [String] {
        switch e {
        case .name(let n, nil, _): return [n]
        case .unary(_, let x, _): return columnNames(x)
        case .binary(_, let a, let b, _): return columnNames(a) + columnNames(b)
        case .call(_, let args, _): return args.flatMap(columnNames)
        default: return []
        }
    }

    private func pow10(_ n: Int) -> Double {
        var r = 1.0
        for _ in 0..<max(0, min(n, 12)) { r *= 10 }
        return r
    }

    /// One binary arithmetic or comparison operator.
    static func apply(_ op: String, _ a: Value, _ b: Value, tolerance: Double) -> Value {
        if a == .missing || b == .missing { return .missing }
        switch op {
        case "+", "-":
            switch (a, b) {
            case (.number(let x), .number(let y)): return .number(op == "+" ? x + y : x - y)
            case (.date(let s), .duration(let d)): return .date(add(d, to: s, sign: op == "+" ? 1 : -1))
            case (.duration(let d), .date(let s)): return .date(add(d, to: s, sign: 1))
            case (.date(let x), .date(let y)): return .number(x - y)
            case (.duration(let x), .duration(let y)):
                let s = op == "+" ? 1 : -1
                return .duration(.init(years: x.years + s * y.years, months: x.months + s * y.months, days: x.days + s * y.days))
            default: return .missing
            }
        case "*", "/":
            guard case .number(let x) = a, case .number(let y) = b else { return .missing }
            if op == "*" { return .number(x * y) }
            return y == 0 ? .missing : .number(x / y)
        default:
            let c: Int?
            switch (a, b) {
            case (.number(let x), .number(let y)), (.date(let x), .date(let y)):
                if op == "==" || op == "!=" {
                    let eq = abs(x - y) <= tolerance
                    return .bool(op == "==" ? eq : !eq)
                }
                c = x < y ? -1 : (x > y ? 1 : 0)
            case (.text(let x), .text(let y)):
                let kx = LabelKey(x).folded, ky = LabelKey(y).folded
                c = kx < ky ? -1 : (kx > ky ? 1 : 0)
            case (.bool(let x), .bool(let y)):
                c = x == y ? 0 : (x ? 1 : -1)
            default: c = nil
            }
            guard let c else { return .missing }
            switch op {
            case "==": return .bool(c == 0)
            case "!=": return .bool(c != 0)
            case "<": return .bool(c < 0)
            case "<=": return .bool(c <= 0)
            case ">": return .bool(c > 0)
            default: return .bool(c >= 0)
            }
        }
    }

    /// Calendar arithmetic: years and months move the month (29 Feb + 1 year is 28 Feb), then days.
    static func add(_ d: Expr.Duration, to serial: Double, sign: Int) -> Double {
        guard let c = ExcelDate(serial: serial).components else { return serial + Double(sign * d.days) }
        var months = c.year * 12 + (c.month - 1) + sign * (d.years * 12 + d.months)
        if months < 0 { months = 0 }
        let y = months / 12, m = months % 12 + 1
        let day = min(c.day, ExcelDate.daysInMonth(year: y, month: m))
        let frac = serial - serial.rounded(.down)
        return ExcelDate.serial(year: y, month: m, day: day) + Double(sign * d.days) + frac
    }
}
