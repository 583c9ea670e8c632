/// How bad an issue is. An error rejects the submission.
public enum Severity: String, Codable, Comparable, CaseIterable, Sendable {
    case info, warning, error

    private var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One problem found in a submission: structured fields only; text is rendered last
/// from the issue catalogue (or the template's rule messages) in the report's language.
public struct Issue: Codable, Hashable, Sendable {
    /// Stable kebab-case code from the catalogue (`number-as-text`) or a template rule's code.
    public var code: String
    public var severity: Severity
    /// The submission's file name (not a full path: reports go back to districts).
    public var file: String
    /// The sheet, when the issue has one.
    public var sheet: String?
    /// The cell or range in A1 style (`F7`, `A4:I40`), when the issue has one.
    public var cell: String?
    /// What the template expects, as shown to a person.
    public var expected: String?
    /// What the file holds, as shown to a person.
    public var found: String?
    /// Further named placeholders for the message template (`indicator`, `column`, `rule`...).
    public var params: [String: String]

    public init(
        code: String, severity: Severity, file: String, sheet: String? = nil, cell: String? = nil,
        expected: String? = nil, found: String? = nil, params: [String: String] = [:]
    ) {
        self.code = code
        self.severity = severity
        self.file = file
        self.sheet = sheet
        self.cell = cell
        self.expected = expected
        self.found = found
        self.params = params
    }
}
