import Batch
import Foundation
import Logging
import Reporting
import XLSX

/// What the upload server serves: one job file's period, with its template, validator,
/// ledger and folders, loaded once at start. The same engine as the nightly job
/// (`Validator` with the job's reader limits, `CatalogueFileReports` for the unit report).
public struct UploadSite: Sendable {
    /// The job file (inbox, output folder, limits, deadline, time zone).
    public let job: JobFile
    /// Its template (units, the file name pattern, the checks).
    public let template: Template
    /// The period served (the job file's).
    public let period: Period
    /// The job's ledger: links, uploads, and what the nightly runs made of them.
    public let ledger: Ledger
    let validator: Validator
    let reports: CatalogueFileReports
    let names: UploadNames
    /// The units expected this period (only they have pages).
    public let expectedUnits: [ReportingUnit]
    /// Where the server logs (one line per request, and what goes wrong).
    public var logger = Logger(label: "tonghop.serve")
    /// The wall clock (the receipts' times); tests set it.
    public var clock: @Sendable () -> Date = { Date() }

    /// The site of a loaded job: its validator with the job's reader limits.
    public init(job: JobFile, template: Template, period: Period, ledger: Ledger) {
        self.job = job
        self.template = template
        self.period = period
        self.ledger = ledger
        self.validator = Validator(template: template, period: period, limits: job.limits.readerLimits)
        self.reports = CatalogueFileReports(template: template)
        self.names = UploadNames()
        self.expectedUnits = job.expectedUnits(of: template)
    }

    /// The validator with the history a nightly run of this period reads (the earlier
    /// periods' accepted figures in the ledger), so that `prev()` rules and baselines taken
    /// from history judge an upload as the nightly job will. Read for each upload: an
    /// earlier period imported or corrected while the server runs counts at once.
    func validatorWithHistory() -> Validator {
        var v = validator
        if let h = try? ledger.history(excluding: periodText) { v.history = h.before(period) }
        return v
    }

    /// The period as the ledger writes it.
    public var periodText: String { period.description }

    /// The largest file accepted (the job's `max_file_size_mb`, the reader's limit).
    public var maxFileSize: Int64 { validator.limits.maxFileSize }

    /// The job's output folder (the province page serves files from here only).
    public var output: String { job.output }

    /// Removes what a server or a run killed mid-write left in the inbox and its receipts
    /// folder (temporary files only: hidden, `.tonghop-tmp`), as a run does in its outputs.
    public func sweepLeftovers() {
        AtomicFile.removeLeftovers(in: job.inbox)
        AtomicFile.removeLeftovers(in: job.inbox + "/" + Receipt.folderName)
    }

    /// The file name the unit's submission has in the inbox (`NQ04_MNH_2016.xlsx`), from
    /// the template's pattern; `<UNIT>_<period>.xlsx` when it has none.
    func baseFileName(unit: String) -> String {
        template.identify.fileName(unit: unit, period: periodText) ?? "\(unit)_\(periodText).xlsx"
    }

    /// Now, shown in the province's time zone.
    func now() -> Timestamp {
        Timestamp(epoch: clock().timeIntervalSince1970, offset: job.timeZoneOffset)
    }
}

extension UploadSite {
    /// Uploads placed since the last run, by unit (empty when the ledger cannot say).
    func waitingUploads() -> [String: Int] {
        (try? ledger.waitingUploads(period: periodText)) ?? [:]
    }
}
