import Foundation
import Reporting

/// What a run will do, decided before it starts: the period, where it reads, where every
/// output goes and under which name, and what else (tool, job file, template, reference
/// lists) decides the outputs, so that an unchanged rerun can be skipped.
///
/// Built from a job file, its template and the command line's overrides by
/// `RunPlan(job:template:overrides:toolVersion:)` (the rules are in `RunPlan+Job.swift`),
/// or field by field (tests). Paths are absolute or relative to the working directory.
public struct RunPlan: Sendable {
    /// The job's name (`nq04`): the ledger keys runs by it and the period.
    public var job: String
    /// The period run; its text (`2016`, `2016-Q3`) keys the ledger and names the workbook.
    public var period: Period
    public var inbox: String
    /// The provincial workbook, the run reports and `units/`.
    public var output: String
    /// Copies of rejected and unreadable files, with their reports beside them.
    public var rejected: String
    /// The ledger database.
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
    /// When the period's files are due; nil: none (no unit is late).
    public var deadline: Timestamp?
    /// The province's offset from UTC in seconds: receipt times and the deadline are shown in it.
    public var timeZoneOffset: Int = JobFile.defaultTimeZoneOffset
    /// Validate and report, write nothing (no outputs, no ledger, no copies).
    public var dryRun = false
    /// Redo the work even when inputs are unchanged.
    public var force = false

    /// A plan field by field; `rejected` and `ledger` default to `<output>/rejected` and
    /// `<output>/ledger.sqlite`.
    public init(
        job: String, period: Period, inbox: String, output: String, rejected: String? = nil, ledger: String? = nil,
        expectedUnits: [ExpectedUnit], workbookName: String
    ) {
        self.job = job
        self.period = period
        self.inbox = inbox
        self.output = output
        self.rejected = rejected ?? output + "/" + Self.defaultRejectedName
        self.ledger = ledger ?? output + "/" + Self.defaultLedgerName
        self.expectedUnits = expectedUnits
        self.workbookName = workbookName
    }

    /// The number of concurrent workers this plan asks for.
    public var effectiveWorkers: Int {
        workers > 0 ? workers : ProcessInfoCores.count
    }
}

// MARK: Output names

extension RunPlan {
    /// The rejected folder inside the output folder when the job file names none.
    public static let defaultRejectedName = "rejected"
    /// The ledger inside the output folder when the job file names none.
    public static let defaultLedgerName = "ledger.sqlite"
    /// Name of the run reports inside the output folder (`run-report.json`, `run-report.vi.html`).
    public static let runReportBaseName = "run-report"
    /// Folder of the per-unit reports inside the output folder.
    public static let unitsFolderName = "units"
    /// Folder of the annotated files sent back to units, inside the output folder.
    public static let returnedFolderName = "returned"

    /// The provincial workbook's name: `TongHop_<TEMPLATE ID>_<period>.xlsx`.
    public static func workbookName(templateID: String, period: Period) -> String {
        "TongHop_\(templateID.uppercased())_\(period.description).xlsx"
    }

    /// The period's text as the ledger, the reports and the submissions' reports carry it.
    public var periodText: String { period.description }

    /// `<output>/TongHop_…xlsx`.
    public var workbookPath: String { output + "/" + workbookName }

    /// `<output>/units`.
    public var unitsFolder: String { output + "/" + Self.unitsFolderName }

    /// `<output>/returned`.
    public var returnedFolder: String { output + "/" + Self.returnedFolderName }

    /// The annotated copy of a unit's file: `returned/<UNIT>/<file name>`.
    public func returnedPath(unit: String, fileName: String) -> String {
        returnedFolder + "/" + unit + "/" + fileName
    }

    /// `<output>/run-report.json` (both languages in one file).
    public var runReportJSONPath: String { output + "/" + Self.runReportBaseName + ".json" }

    /// `<output>/run-report.<lang>.html`.
    public func runReportHTMLPath(_ language: Language) -> String {
        output + "/" + Self.runReportBaseName + ".\(language.rawValue).html"
    }

    /// The report sent back to a unit: `units/<UNIT>.<lang>.<format>`.
    public func unitReportPath(unit: String, format: OutputFormat, language: Language) -> String {
        unitsFolder + "/\(unit).\(language.rawValue).\(format.rawValue)"
    }

    /// Where a rejected or unreadable file is copied: `<rejected>/<file name>`.
    public func rejectedCopyPath(_ fileName: String) -> String { rejected + "/" + fileName }

    /// The report beside a rejected copy: `<rejected>/<file name>.<lang>.<format>`.
    public func rejectedReportPath(_ fileName: String, format: OutputFormat, language: Language) -> String {
        rejectedCopyPath(fileName) + ".\(language.rawValue).\(format.rawValue)"
    }

    /// The folders a run writes into, where leftovers of a killed run are swept.
    public var outputFolders: [String] { [output, unitsFolder, rejected] }

    /// A path relative to the output folder when inside it (the run report shows these).
    public func relativeToOutput(_ path: String) -> String {
        let prefix = output + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}

/// The cores this process may use (at least 1).
enum ProcessInfoCores {
    static var count: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
