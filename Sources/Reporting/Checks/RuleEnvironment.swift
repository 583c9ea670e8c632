import XLSX

/// What rule expressions read from a validated workbook: valid indicator values, the
/// valid cells of list rows, the period and the report date.
struct RuleEnvironment: EvaluationEnvironment {
    let ctx: ValidationContext

    func indicator(_ code: String, column: String) -> Double? { ctx.value(of: code, column: column) }

    func rows(of list: String) -> [ListRow] { ctx.lists.first { $0.list.id == list }?.rows ?? [] }

    func incompleteColumns(of list: String) -> Set<String> {
        ctx.lists.first { $0.list.id == list }?.incomplete ?? ["*"]
    }

    func builtin(_ name: String) -> Value {
        switch name {
        case "period_start": return ctx.effectivePeriod.map { .date($0.startSerial) } ?? .missing
        case "period_end": return ctx.effectivePeriod.map { .date($0.endSerial) } ?? .missing
        case "report_date": return ctx.reportDate.map(Value.date) ?? .missing
        default: return .missing
        }
    }

    /// The issue fields of a failed rule: `found` is the left side, `expected` the operator
    /// and the right side; params hold both sides and every builtin, for the message.
    func describe(_ rule: Rule, evaluator: Evaluator) -> (found: String?, expected: String?, params: [String: String]) {
        var params: [String: String] = ["rule": rule.code, "message.vi": rule.message.vi, "message.en": rule.message.en]
        for b in ["period_start", "period_end", "report_date"] {
            let v = builtin(b)
            if v != .missing { params[b] = v.display }
        }
        guard case .binary(let op, let a, let b, _) = rule.expression.root, ["==", "!=", "<", "<=", ">", ">="].contains(op) else {
            return (nil, nil, params)
        }
        let left = evaluator.evaluate(a).display, right = evaluator.evaluate(b).display
        params["left"] = left
        params["right"] = right
        return (left, "\(op) \(right)", params)
    }
}
