/// The numbers of one run, as the summary line, the run report and the ledger give them.
public struct RunCounts: Codable, Hashable, Sendable {
    /// Files found in the inbox.
    public var files = 0
    /// Files whose content the ledger had never seen.
    public var newFiles = 0
    /// Expected units whose current submission is accepted (with or without warnings).
    public var accepted = 0
    /// Current submissions rejected (an expected unit's, or a file no expected unit claims).
    public var rejected = 0
    /// Files that could not be read as a workbook.
    public var unreadable = 0
    /// Files replaced by a newer submission of the same unit and period.
    public var superseded = 0
    /// Expected units with no current submission for the period.
    public var missing = 0
    /// Units expected this period.
    public var expected = 0

    public init() {}
}
