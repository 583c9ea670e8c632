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

    func previous(_ code: String, column: String, period: String?) -> Double? {
        guard let unit = ctx.unit.map({ ctx.template.unit($0)?.code ?? $0 }) else { return nil }
        guard let p = period ?? ctx.effectivePeriod?.previous.description else { return nil }
        return ctx.history.value(unit: unit, period: p, indicator: code, column: column)
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
        let words = requirement(op, b, value: right)
        params["expected.vi"] = words.vi
        params["expected.en"] = words.en
        return (left, "\(op) \(right)", params)
    }

    /// The comparison's requirement in words: `bằng chỉ tiêu 4 “Tổng số thôn, bản” (145)`,
    /// `at least 3`. The right side is named when it is an indicator or a list count.
    func requirement(_ op: String, _ right: Expr, value: String) -> Localized {
        let opWords: Localized
        switch op {
        case "==": opWords = Localized(vi: "bằng", en: "equal to")
        case "!=": opWords = Localized(vi: "khác", en: "other than")
        case "<": opWords = Localized(vi: "nhỏ hơn", en: "less than")
        case "<=": opWords = Localized(vi: "không quá", en: "at most")
        case ">": opWords = Localized(vi: "lớn hơn", en: "more than")
        default: opWords = Localized(vi: "ít nhất", en: "at least")
        }
        var subject: Localized?
        switch right {
        case .name(let n, _, _):
            if let ind = ctx.template.indicator(n) {
                let number = ind.number ?? n
                subject = Localized(vi: "chỉ tiêu \(number) “\(ind.label.vi)”", en: "indicator \(number) “\(ind.label.en)”")
            }
        case .aggregate(let f, let list, _, let filter, _) where f == "count" && filter == nil:
            if let l = ctx.template.list(list) {
                let title = l.title ?? Localized(vi: l.sheet, en: l.sheet)
                subject = Localized(vi: "số dòng của danh sách “\(title.vi)”", en: "the number of rows of the list “\(title.en)”")
            }
        default: break
        }
        guard let subject else { return Localized(vi: "\(opWords.vi) \(value)", en: "\(opWords.en) \(value)") }
        return Localized(vi: "\(opWords.vi) \(subject.vi), \(value)", en: "\(opWords.en) \(subject.en), \(value)")
    }
}
