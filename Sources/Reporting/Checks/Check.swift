/// Where a check looks.
enum CheckScope: String, Sendable {
    /// One input cell at a time.
    case cell
    /// One list row at a time.
    case row
    /// A whole form or list sheet.
    case table
    /// The workbook as a whole.
    case workbook
}

/// A built-in check: reads what the extractor found in the context and reports issues.
/// One check per file, named after what it checks.
protocol Check: Sendable {
    var scope: CheckScope { get }
    func run(_ context: ValidationContext)
}

/// Every built-in check, in the order they run (workbook structure first, then tables,
/// cells, and the template's rules last).
enum Checks {
    static let all: [any Check] = [
        MissingSheetCheck(), HiddenSheetDataCheck(), FormCodeCheck(), UnitCheck(), PeriodCheck(), FileNameCheck(),
        MissingIndicatorCheck(), HeaderCheck(), DuplicateKeyCheck(), DataOutsideAreaCheck(),
        FormulaWithoutValueCheck(), ErrorValueCheck(), NumberAsTextCheck(), BlankRequiredCheck(), WrongTypeCheck(),
        RangeCheck(), PatternCheck(), AllowedValuesCheck(), MaxLengthCheck(), UnknownCodeCheck(),
        NotApplicableFilledCheck(), HistoryBaselineCheck(), WorkbookRuleCheck(), RowRuleCheck(),
    ]
}

extension ValidationContext {
    /// Placeholders naming an input cell: the column or field label in both languages.
    func params(for input: InputCell) -> [String: String] {
        var p = input.params
        var label: Localized?
        switch input.owner {
        case .identify(let id): label = template.identify.field(id)?.label
        case .indicator(let code, let column):
            if let ind = template.indicator(code), let vc = template.form(holding: code)?.column(column) {
                label = Localized(vi: "\(code) – \(vc.label.vi)", en: "\(code) – \(vc.label.en)")
                p["indicator.vi"] = "\(code) (\(ind.label.vi))"
                p["indicator.en"] = "\(code) (\(ind.label.en))"
            }
        case .list(let id, let column): label = template.list(id)?.column(column)?.label
        }
        if let label {
            p["column.vi"] = label.vi
            p["column.en"] = label.en
        }
        return p
    }

    /// Reports an issue at an input cell.
    func report(_ code: String, at input: InputCell, expected: String? = nil, found: String? = nil, params extra: [String: String] = [:]) {
        report(code, sheet: input.sheet, cell: input.ref.description, expected: expected, found: found,
            params: params(for: input).merging(extra) { _, b in b })
    }
}
