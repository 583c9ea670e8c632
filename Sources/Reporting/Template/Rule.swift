/// A rule of the template: an expression that must hold, with a code, a severity and a message.
public struct Rule: Sendable {
    /// Where the rule is evaluated.
    public enum Scope: Sendable, Hashable {
        /// Once per value column (or once, when it names columns explicitly), over
        /// indicators and list aggregates.
        case workbook
        /// Once per row of a list, over the row's columns.
        case row(list: String)
    }

    /// The template's code (`nq04-dv-tong`), the issue code when the rule fails.
    public var code: String
    public var severity: Severity
    public var scope: Scope
    /// The parsed expression; it must be a condition (true when the figures are right).
    public var expression: Expression
    /// Workbook rules: the value columns the rule runs for; empty means once, with
    /// every indicator qualified (`TB.current`).
    public var columns: [String]
    /// Absolute tolerance for `==` and `!=` between numbers (ratios): `|a - b| <= tolerance`.
    public var tolerance: Double
    /// The message, with placeholders `{left}`, `{right}`, `{column}`, `{row}` and the
    /// indicators' codes (`{DV}`), rendered by the issue catalogue.
    public var message: Localized
    /// What the rule asks, in words (the blank form's instructions list it).
    public var description: Localized?
    /// The rule's line in the template file.
    public var line: Int

    public init(
        code: String, severity: Severity, scope: Scope, expression: Expression, columns: [String],
        tolerance: Double, message: Localized, description: Localized? = nil, line: Int
    ) {
        self.code = code
        self.severity = severity
        self.scope = scope
        self.expression = expression
        self.columns = columns
        self.tolerance = tolerance
        self.message = message
        self.description = description
        self.line = line
    }
}
