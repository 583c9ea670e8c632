import Reporting

/// A unit the job expects a submission from this period.
public struct ExpectedUnit: Sendable, Hashable, Codable {
    public var code: String
    public var name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}

/// Everything a run needs, resolved from the job file and the command line: absolute or
/// working-directory-relative paths, the period, the units expected.
public struct RunConfiguration: Sendable {
    /// The job's name (`nq04-2016`): the ledger keys runs by it.
    public var job: String
    public var period: String
    public var inbox: String
    public var output: String
    public var rejected: String
    public var ledger: String
    public var formats: [OutputFormat] = [.html, .json]
    public var languages: [Language] = [.vi, .en]
    /// Concurrent validations; 0 means one per core.
    public var workers: Int = 0
    /// The units expected, in report order.
    public var expectedUnits: [ExpectedUnit]
    /// The provincial workbook's file name inside `output` (`TongHop_NQ04_2016.xlsx`).
    public var workbookName: String
    /// Hashes of what else decides the outputs (template, job file, reference lists, tool
    /// version): part of the fingerprint that lets an unchanged run be skipped.
    public var fingerprintInputs: [String] = []
    /// Unit and period from a file name (`NQ04_MNH_2016.xlsx`), used only to say which unit
    /// an unreadable file was meant for; nil when the template has no file-name pattern.
    public var fileNameParser: (@Sendable (String) -> (unit: String, period: String)?)?
    /// Validate and report, write nothing (no outputs, no ledger, no copies).
    public var dryRun = false
    /// Redo the work even when inputs are unchanged.
    public var force = false

    public init(
        job: String, period: String, inbox: String, output: String, rejected: String? = nil, ledger: String? = nil,
        expectedUnits: [ExpectedUnit], workbookName: String
    ) {
        self.job = job
        self.period = period
        self.inbox = inbox
        self.output = output
        self.rejected = rejected ?? output + "/rejected"
        self.ledger = ledger ?? output + "/ledger.sqlite"
        self.expectedUnits = expectedUnits
        self.workbookName = workbookName
    }

    /// The number of concurrent workers this configuration asks for.
    public var effectiveWorkers: Int {
        workers > 0 ? workers : max(1, ProcessInfoCores.count)
    }
}

import Foundation

enum ProcessInfoCores {
    static var count: Int { ProcessInfo.processInfo.activeProcessorCount }
}
