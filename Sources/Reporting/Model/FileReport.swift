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

    /// The issues as a person reads them: errors, then warnings, then notes, each in
    /// the stored order (sheet, row, column).
    public var issuesBySeverity: [Issue] {
        issues.filter { $0.severity == .error } + issues.filter { $0.severity == .warning }
            + issues.filter { $0.severity == .info }
    }

    /// The first `limit` errors as the command line prints them (`error: FILE: message
    /// [where]`): the message with what it is about in front, in `lang`, and where; then,
    /// when there are more, a line saying how many more the report lists.
    public func firstErrors(_ limit: Int = 3, lang: Language = .en) -> [(message: String, location: String?)] {
        let errors = issues.filter { $0.severity == .error }
        var out = errors.prefix(limit).map { (IssueCatalogue.sentence(for: $0, lang: lang), $0.location) }
        let more = errors.count - limit
        if more > 0 {
            out.append((lang == .vi ? "còn \(more) lỗi nữa trong báo cáo" : "\(more) more error\(more == 1 ? "" : "s") in the report", nil))
        }
        return out
    }

    /// Issue counts by severity.
    public var errorCount: Int { issues.filter { $0.severity == .error }.count }
    public var warningCount: Int { issues.filter { $0.severity == .warning }.count }
    public var infoCount: Int { issues.filter { $0.severity == .info }.count }
}
