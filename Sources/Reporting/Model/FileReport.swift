/// The outcome of validating one file.
public enum FileStatus: String, Codable, CaseIterable, Sendable {
    case accepted
    case acceptedWithWarnings = "accepted-with-warnings"
    case rejected
    case unreadable
}

/// What validation says about one submitted file.
public struct FileReport: Codable, Hashable, Sendable {
    /// The file name as submitted.
    public var file: String
    public var status: FileStatus
    /// Unit code and period as the workbook states them (nil when unreadable or absent).
    public var unit: String?
    public var period: String?
    /// Issues in a stable order: sheet order, then row, then column, then code.
    public var issues: [Issue]

    public init(file: String, status: FileStatus, unit: String? = nil, period: String? = nil, issues: [Issue]) {
        self.file = file
        self.status = status
        self.unit = unit
        self.period = period
        self.issues = issues
    }

    /// Issue counts by severity.
    public var errorCount: Int { issues.filter { $0.severity == .error }.count }
    public var warningCount: Int { issues.filter { $0.severity == .warning }.count }
    public var infoCount: Int { issues.filter { $0.severity == .info }.count }
}
