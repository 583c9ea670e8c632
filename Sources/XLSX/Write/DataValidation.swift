/// A data-validation rule on one or more ranges: a dropdown list, or a whole-number,
/// decimal, date or text-length condition, with an optional input message (shown when
/// the cell is selected) and error message (shown when a wrong value is typed).
public struct DataValidation: Hashable, Sendable {
    /// How a value is compared with the bounds.
    public enum Comparison: Hashable, Sendable {
        case between(Double, Double)
        case notBetween(Double, Double)
        case equal(Double)
        case notEqual(Double)
        case greaterThan(Double)
        case lessThan(Double)
        case greaterThanOrEqual(Double)
        case lessThanOrEqual(Double)
    }

    /// What is allowed.
    public enum Rule: Hashable, Sendable {
        /// One of these items (a dropdown). Items may not contain commas or double quotes;
        /// the list written as `"a,b,c"` must fit in 255 characters. Use `.listSource` for more.
        case list([String])
        /// One of the values in a range, e.g. `'Danh mục'!$A$2:$A$40` (no leading `=`).
        case listSource(String)
        /// A whole number compared as given.
        case whole(Comparison)
        /// Any number compared as given.
        case decimal(Comparison)
        /// A date (bounds as Excel serials, see `ExcelDate.serial`).
        case date(Comparison)
        /// Text whose length compares as given.
        case textLength(Comparison)
        /// A formula that must be TRUE (no leading `=`).
        case custom(String)
    }

    /// How hard the error message stops the user.
    public enum ErrorStyle: String, Hashable, Sendable {
        case stop, warning, information
    }

    public var rule: Rule
    /// The cells it applies to.
    public var ranges: [CellRange]
    /// Blank cells pass (default true).
    public var allowBlank: Bool
    /// Show the dropdown arrow for lists (default true).
    public var showDropdown: Bool
    public var inputTitle: String?
    public var inputMessage: String?
    public var errorTitle: String?
    public var errorMessage: String?
    public var errorStyle: ErrorStyle

    public init(
        _ rule: Rule, ranges: [CellRange], allowBlank: Bool = true, showDropdown: Bool = true,
        inputTitle: String? = nil, inputMessage: String? = nil, errorTitle: String? = nil,
        errorMessage: String? = nil, errorStyle: ErrorStyle = .stop
    ) {
        self.rule = rule
        self.ranges = ranges
        self.allowBlank = allowBlank
        self.showDropdown = showDropdown
        self.inputTitle = inputTitle
        self.inputMessage = inputMessage
        self.errorTitle = errorTitle
        self.errorMessage = errorMessage
        self.errorStyle = errorStyle
    }

    /// One range.
    public init(
        _ rule: Rule, range: CellRange, allowBlank: Bool = true, inputTitle: String? = nil,
        inputMessage: String? = nil, errorTitle: String? = nil, errorMessage: String? = nil,
        errorStyle: ErrorStyle = .stop
    ) {
        self.init(
            rule, ranges: [range], allowBlank: allowBlank, inputTitle: inputTitle, inputMessage: inputMessage,
            errorTitle: errorTitle, errorMessage: errorMessage, errorStyle: errorStyle)
    }

    /// Why Excel would refuse this validation, or nil.
    func problem() -> String? {
        if ranges.isEmpty { return "no range" }
        if let t = inputTitle, t.utf16.count > 32 { return "input title over 32 characters" }
        if let t = errorTitle, t.utf16.count > 32 { return "error title over 32 characters" }
        if let t = inputMessage, t.utf16.count > 255 { return "input message over 255 characters" }
        if let t = errorMessage, t.utf16.count > 255 { return "error message over 255 characters" }
        switch rule {
        case .list(let items):
            if items.isEmpty { return "empty list" }
            if items.contains(where: { $0.contains(",") || $0.contains("\"") }) {
                return "a list item contains a comma or a double quote (use listSource)"
            }
            if items.joined(separator: ",").utf16.count > 255 {
                return "list over 255 characters (use listSource)"
            }
        case .listSource(let f), .custom(let f):
            if f.isEmpty { return "empty formula" }
        case .whole(let c), .decimal(let c), .date(let c), .textLength(let c):
            for v in c.operands where !v.isFinite { return "bound is NaN or infinite" }
        }
        return nil
    }
}

extension DataValidation.Comparison {
    /// The `operator` attribute.
    var name: String {
        switch self {
        case .between: return "between"
        case .notBetween: return "notBetween"
        case .equal: return "equal"
        case .notEqual: return "notEqual"
        case .greaterThan: return "greaterThan"
        case .lessThan: return "lessThan"
        case .greaterThanOrEqual: return "greaterThanOrEqual"
        case .lessThanOrEqual: return "lessThanOrEqual"
        }
    }

    var operands: [Double] {
        switch self {
        case .between(let a, let b), .notBetween(let a, let b): return [a, b]
        case .equal(let a), .notEqual(let a), .greaterThan(let a), .lessThan(let a),
            .greaterThanOrEqual(let a), .lessThanOrEqual(let a):
            return [a]
        }
    }
}
