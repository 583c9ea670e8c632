import Reporting

/// The report of one run: what came in, what counts, what is missing. Written as JSON
/// (sorted keys, language-neutral) and HTML (one per report language) into the output
/// folder. It holds no wall-clock time, so unchanged inputs give identical bytes.
public struct RunReport: Codable, Sendable, Hashable {
    /// The job and period.
    public var job: String
    public var period: String
    /// The provincial workbook's file name in the output folder (nil on a dry run).
    public var workbook: String?
    public var counts: RunCounts
    /// Every expected unit in order, then units no one expected, by code.
    public var units: [UnitLine]
    /// Every inbox file, by name.
    public var files: [FileLine]
    /// Cross-unit issues from consolidation.
    public var issues: [Issue]
    /// Every expected unit against the period's deadline (receipt times, never the run's).
    public var timeliness: Timeliness?
    /// The change audit: each figure a unit's current file changed against its accepted
    /// file before (nil when none changed).
    public var changes: [ChangeLine]?

    /// A unit's state in the period: the consolidation's `UnitStatus` (one enum for a
    /// unit's standing; `FileStatus` is a file's fate, mapped by `UnitStatus(_:)`).
    public typealias UnitStatus = Reporting.UnitStatus

    /// One unit.
    public struct UnitLine: Codable, Sendable, Hashable {
        public var code: String
        /// The unit's name from the template (empty for a unit no one expected).
        public var name: String
        public var expected: Bool
        public var status: UnitStatus
        /// The current submission's file name.
        public var file: String?
        /// Whether the current submission is new to the ledger.
        public var new: Bool
        public var errors: Int
        public var warnings: Int
        /// Files of this unit and period replaced by the current one, by name.
        public var superseded: [String]
        /// The province's approval the current file stands by, when one holds.
        public var approval: ApprovalLine? = nil
    }

    /// An approval, as the report shows it.
    public struct ApprovalLine: Codable, Sendable, Hashable {
        /// Who approved and when (the ledger's UTC time, ISO 8601).
        public var by: String
        public var at: String
        /// The approved file.
        public var file: String
        /// Later files of the unit held for the province's review, by name.
        public var held: [String]
    }

    /// One changed figure: old → new, with the files and when each was received.
    public struct ChangeLine: Codable, Sendable, Hashable {
        public var unit: String
        public var indicator: String
        public var column: String
        /// The column's heading in the template (nil when the template has none).
        public var columnLabel: Localized?
        public var old: String
        public var new: String
        public var oldFile: String
        public var oldReceived: Timestamp
        public var newFile: String
        public var newReceived: Timestamp
    }

    /// One inbox file.
    public struct FileLine: Codable, Sendable, Hashable {
        public var file: String
        public var sha256: String
        public var size: Int64
        public var unit: String?
        public var period: String?
        public var status: FileStatus
        public var new: Bool
        public var errors: Int
        public var warnings: Int
        /// The file that replaces this one, when superseded.
        public var supersededBy: String?
        /// Where the file was copied when rejected or unreadable (relative to the output folder when inside it).
        public var copiedTo: String?
        /// Held for the province's review behind an approved file (nil: not held).
        public var held: Bool? = nil
    }
}
