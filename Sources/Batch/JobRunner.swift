import Foundation
import Logging
import Reporting
import XLSX

/// What a run did, for the command line.
public struct RunResult: Sendable {
    /// 0 every expected unit accepted; 1 some rejected or missing.
    public var exitCode: Int32
    public var counts: RunCounts
    /// The provincial workbook's path (written, or kept from the unchanged previous run).
    public var workbookPath: String?
    /// Inputs were unchanged and the outputs already there: nothing was redone.
    public var unchanged: Bool
    public var dryRun: Bool
    /// The run report (nil when unchanged: the one on disk stands).
    public var report: RunReport?
    /// The one-line summary.
    public var summary: String
    /// The period's timeliness in one line (`8/10 on time, 1 late, 1 missing`), for stderr.
    public var timeliness: String?
}

/// Runs a job once: scan the inbox, hash, skip if nothing changed, validate concurrently,
/// decide supersession, consolidate, then write every output atomically while the run is
/// recorded in the ledger in one transaction, which commits once the outputs are written.
/// A run killed at any point leaves every output whole (each is replaced by a rename: the
/// old file or the new one) and the ledger (one transaction) as it was; the next run redoes
/// the work and, the outputs being deterministic, writes the same bytes.
public struct JobRunner: Sendable {
    /// What the run does: inputs, outputs and their names, what forces a rerun.
    public var plan: RunPlan
    public var validator: any FileValidating
    public var consolidator: any Consolidating
    public var fileReports: any FileReportRendering
    public var logger: Logger
    /// Called as files are validated (done, total); for the progress line.
    public var progress: (@Sendable (Int, Int) -> Void)?
    /// Warns about figures far from the history; nil: no outlier warnings.
    public var outliers: OutlierFinder?
    /// Yearly targets the workbook tracks per unit.
    public var targets: [YearlyTarget] = []
    /// The template, for the change audit's words and order (nil: codes only).
    public var template: Template?
    /// The wall clock; only the ledger sees it.
    public var clock: @Sendable () -> Date = { Date() }

    public init(
        plan: RunPlan, validator: any FileValidating, consolidator: any Consolidating,
        fileReports: any FileReportRendering, logger: Logger
    ) {
        self.plan = plan
        self.validator = validator
        self.consolidator = consolidator
        self.fileReports = fileReports
        self.logger = logger
    }

    public func run() async throws(BatchError) -> RunResult {
        let c = plan
        _ = try Inbox.scan(c.inbox)  // a missing inbox stops the run before it touches anything
        var lock: RunLock?
        if !c.dryRun {
            lock = try RunLock.acquire(folder: c.output)
            for folder in c.outputFolders {
                AtomicFile.removeLeftovers(in: folder)
            }
        }
        defer { lock?.release() }

        let ledger: Ledger?
        if c.dryRun {
            ledger = FileManager.default.fileExists(atPath: c.ledger) ? try Ledger(path: c.ledger) : nil
        } else {
            ledger = try Ledger(path: c.ledger)
        }
        let runID = c.dryRun ? nil : try ledger?.beginRun(job: c.job, period: c.periodText, at: clock())
        do {
            return try await runLocked(ledger: ledger, runID: runID)
        } catch {
            if let runID { try? ledger?.failRun(runID, message: error.description, at: clock()) }
            throw error
        }
    }

    /// The run once the lock is held and the run begun in the ledger: its stages in order.
    private func runLocked(ledger: Ledger?, runID: Int64?) async throws(BatchError) -> RunResult {
        let c = plan
        var stages = StageClock(logger: logger)
        // 1. Hash every file (cheap) and fingerprint the run; stop when nothing changed.
        // The other periods' accepted figures are inputs too (rules, baselines, outliers and
        // the year-over-year sheet read them): a changed 2015 redoes 2016.
        let files = try knownReceipts(try await hashInbox(), ledger: ledger)
        let history = try loadHistory(ledger)
        let approvals = try ledger?.activeApprovals(period: c.periodText) ?? [:]
        let fingerprint = self.fingerprint(files, history: history, approvals: approvals)
        if let result = try skipIfUnchanged(fingerprint: fingerprint, ledger: ledger, runID: runID) { return result }
        stages.lap("hash")
        // 2. Validate concurrently, bounded by the workers, with the history for the rules
        // that read it; results in file-name order.
        var validated = try await validateAll(files, history: history)
        stages.lap("validate")
        // 3. Supersession, outliers against the history, unit states, counts, timeliness.
        // An approved file stays current; a newer file of its unit is held for review.
        var supersededBy = Supersession.decide(files: files, reports: validated.map(\.0))
        let (approved, held) = ApprovalHold.apply(&supersededBy, files: files, reports: validated.map(\.0), approvals: approvals)
        ApprovalHold.annotate(&validated, files: files, approved: approved, held: held, offset: c.timeZoneOffset)
        for (i, a) in held.sorted(by: { $0.key < $1.key }) {
            logger.notice("\(files[i].name): held for review (\(a.unit)'s figures approved in \(a.file))")
        }
        addOutliers(&validated, supersededBy: supersededBy, history: history)
        let changes = try addChanges(&validated, files: files, supersededBy: supersededBy, ledger: ledger)
        let reports = validated.map(\.0)
        var report = try decide(files: files, reports: reports, supersededBy: supersededBy, ledger: ledger)
        report.markApprovals(approvals, held: held, files: files)
        report.changes = changes.isEmpty ? nil : changes
        report.timeliness = try timeliness(
            files: files, reports: reports, report: report, ledger: ledger, held: Set(held.values.map(\.unit)))
        // 4. Per-file reports (to each unit; beside each rejected copy): rendered on the
        // workers while this task consolidates and renders the run reports (they do not
        // depend on the consolidation).
        let placed = placeFileReports(files: files, reports: reports, supersededBy: supersededBy)
        let renders = placed.renders
        let renderer = fileReports
        async let unitReports: Result<[[UInt8]], BatchError> = {
            do throws(BatchError) {
                return .success(
                    try await self.concurrentMap(renders, label: nil) { job throws(BatchError) in
                        do { return try renderer.render(job.report, format: job.format, language: job.language) } catch {
                            throw .output(path: job.path, reason: "cannot render the report: \(error)")
                        }
                    })
            } catch {
                return .failure(error)
            }
        }()
        stages.lap("decide")
        // 5. Consolidate the accepted current submissions.
        let consolidation = try consolidate(
            validated, supersededBy: supersededBy,
            context: PeriodContext(history: history, timeliness: report.timeliness, targets: targets))
        // Cross-unit issues: the consolidation's, then the figures far from the history.
        report.issues = consolidation.issues
            + validated.indices.filter { supersededBy[$0] == nil }.flatMap { validated[$0].0.issues.filter { $0.code == "outlier" } }
        report.workbook = c.dryRun ? nil : c.workbookName
        stages.lap("consolidate")
        // 6. Every output, as bytes, before anything is written.
        var outputs = [(path: c.workbookPath, bytes: consolidation.workbook)]
        let returned = returnedFiles(
            files: files, reports: reports,
            current: currentSubmissions(files: files, reports: reports, supersededBy: supersededBy))
        outputs += returned
        outputs += try runReportOutputs(report, charts: consolidation.charts, dataAsOf: files.map(\.received.seconds).max().map(Double.init))
        let rendered = try await unitReports.get()
        stages.lap("reports")
        for (job, bytes) in zip(renders, rendered) { outputs.append((job.path, bytes)) }

        let exitCode: Int32 = report.units.allSatisfy {
            !$0.expected || $0.status == .accepted || $0.status == .acceptedWithWarnings
        } ? 0 : 1
        if c.dryRun {
            return RunResult(
                exitCode: exitCode, counts: report.counts, workbookPath: nil, unchanged: false, dryRun: true,
                report: report, summary: summary(report.counts, workbook: nil, note: "dry run, nothing written"),
                timeliness: report.timeliness?.summary)
        }
        // 7 and 8. Write every output while the ledger's transaction is filled; commit.
        try await writeAndRecord(
            RunRecord(
                files: files, validated: consume validated, supersededBy: supersededBy, fingerprint: fingerprint,
                exitCode: exitCode, counts: report.counts, copies: placed.copies, outputs: outputs,
                unitReportPaths: placed.unitReportPaths, returnedPaths: Set(returned.map(\.path))),
            ledger: ledger, runID: runID)
        stages.lap("write and ledger")
        return RunResult(
            exitCode: exitCode, counts: report.counts, workbookPath: c.workbookPath, unchanged: false, dryRun: false,
            report: report, summary: summary(report.counts, workbook: c.workbookPath, note: nil),
            timeliness: report.timeliness?.summary)
    }

    /// Unit codes become file names; anything but letters, digits, `-` and `_` is refused.
    static func isSafeCode(_ code: String) -> Bool {
        !code.isEmpty && code.count <= 64
            && code.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_") }
    }

    /// Whether every recorded output is on disk with the recorded content.
    static func outputsIntact(_ outputs: [String: String]) -> Bool {
        guard !outputs.isEmpty else { return false }
        for (path, hash) in outputs {
            guard let h = try? Inbox.hash(path: path), h == hash else { return false }
        }
        return true
    }

    func removeStaleUnitReports(keeping: Set<String>) {
        let folder = plan.unitsFolder
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where !name.hasPrefix(".") && !keeping.contains(folder + "/" + name) {
            let ext = name.split(separator: ".").last.map(String.init) ?? ""
            if OutputFormat(rawValue: ext) != nil { try? FileManager.default.removeItem(atPath: folder + "/" + name) }
        }
    }

    /// Everything that decides the outputs, hashed: the inputs' names, contents and times
    /// (times decide supersession), the configuration, the caller's extra inputs and the
    /// history the run reads.
    func fingerprint(_ files: [InboxFile], history: History, approvals: [String: LedgerApproval] = [:]) -> String {
        let c = plan
        var h = ContentHash()
        h.update("tonghop-run-fingerprint-1\n")
        h.update("job=\(c.job)\nperiod=\(c.periodText)\noutput=\(c.output)\nrejected=\(c.rejected)\n")
        h.update("workbook=\(c.workbookName)\n")
        h.update("formats=\(c.formats.map(\.rawValue).joined(separator: ","))\n")
        h.update("languages=\(c.languages.map(\.rawValue).joined(separator: ","))\n")
        for u in c.expectedUnits { h.update("unit=\(u.code)\t\(u.name)\n") }
        for x in c.fingerprintInputs { h.update("input=\(x)\n") }
        for f in files { h.update("file=\(f.name)\t\(f.hash)\t\(f.modified)\t\(f.received.iso)\t\(f.receivedVia)\n") }
        if let d = c.deadline { h.update("deadline=\(d.iso)\n") }
        for line in history.canonicalLines { h.update("history=\(line)\n") }
        for (_, a) in approvals.sorted(by: { $0.key < $1.key }) { h.update("approval=\(a.canonicalLine)\n") }
        return h.finalize()
    }

    func summary(_ n: RunCounts, workbook: String?, note: String?) -> String {
        var s = "\(plan.job) \(plan.periodText): \(n.files) files, \(n.accepted) accepted, "
        s += "\(n.rejected + n.unreadable) rejected"
        if n.superseded > 0 { s += ", \(n.superseded) superseded" }
        s += ", \(n.missing) missing units"
        if let workbook { s += " → \(workbook)" }
        if let note { s += " (\(note))" }
        return s
    }

    /// Maps `items` through `body` on at most `effectiveWorkers` concurrent tasks
    /// (`Parallel.map`); `label` non-nil reports progress.
    func concurrentMap<T: Sendable, R: Sendable>(
        _ items: [T], label: String?, _ body: @escaping @Sendable (T) throws(BatchError) -> R
    ) async throws(BatchError) -> [R] {
        try await Parallel.map(items, workers: plan.effectiveWorkers, progress: label == nil ? nil : progress, body)
    }
}
