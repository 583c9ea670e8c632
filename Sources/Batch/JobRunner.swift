import Foundation
import Logging
import Reporting

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
}

/// Runs a job once: scan the inbox, hash, skip if nothing changed, validate concurrently,
/// decide supersession, consolidate, then write every output atomically while the run is
/// recorded in the ledger in one transaction, which commits once the outputs are written.
/// A run killed at any point leaves every output whole (each is replaced by a rename: the
/// old file or the new one) and the ledger (one transaction) as it was; the next run redoes
/// the work and, the outputs being deterministic, writes the same bytes.
public struct JobRunner: Sendable {
    public var configuration: RunConfiguration
    public var validator: any FileValidating
    public var consolidator: any Consolidating
    public var fileReports: any FileReportRendering
    public var logger: Logger
    /// Called as files are validated (done, total); for the progress line.
    public var progress: (@Sendable (Int, Int) -> Void)?
    /// The wall clock; only the ledger sees it.
    public var clock: @Sendable () -> Date = { Date() }

    public init(
        configuration: RunConfiguration, validator: any FileValidating, consolidator: any Consolidating,
        fileReports: any FileReportRendering, logger: Logger
    ) {
        self.configuration = configuration
        self.validator = validator
        self.consolidator = consolidator
        self.fileReports = fileReports
        self.logger = logger
    }

    /// Name of the run reports inside the output folder.
    public static let runReportBaseName = "run-report"
    /// Folder of the per-unit reports inside the output folder.
    public static let unitsFolder = "units"

    public func run() async throws(BatchError) -> RunResult {
        let c = configuration
        _ = try Inbox.scan(c.inbox)  // a missing inbox stops the run before it touches anything
        var lock: RunLock?
        if !c.dryRun {
            lock = try RunLock.acquire(folder: c.output)
            for folder in [c.output, c.output + "/" + Self.unitsFolder, c.rejected] {
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
        let runID = c.dryRun ? nil : try ledger?.beginRun(job: c.job, period: c.period, at: clock())
        do {
            return try await runLocked(ledger: ledger, runID: runID)
        } catch {
            if let runID { try? ledger?.failRun(runID, message: error.description, at: clock()) }
            throw error
        }
    }

    private func runLocked(ledger: Ledger?, runID: Int64?) async throws(BatchError) -> RunResult {
        let c = configuration
        let entries = try Inbox.scan(c.inbox)
        logger.info("inbox \(c.inbox): \(entries.count) submission files")

        var stages = StageClock(logger: logger)
        // 1. Hash every file (cheap) and fingerprint the run.
        let hashes = try await concurrentMap(entries, label: nil) { e throws(BatchError) in try Inbox.hash(path: e.path) }
        let files = zip(entries, hashes).map {
            InboxFile(name: $0.name, path: $0.path, size: $0.size, modified: $0.modified, hash: $1)
        }
        let fingerprint = self.fingerprint(files)

        if !c.force, !c.dryRun, let ledger, let runID,
            let previous = try ledger.lastCompletedRun(job: c.job, period: c.period),
            previous.fingerprint == fingerprint, Self.outputsIntact(previous.outputs)
        {
            try ledger.finishUnchanged(runID, previous: previous, at: clock())
            logger.notice("inputs unchanged since run \(previous.id): nothing redone")
            let code = previous.exitCode ?? 1
            let path = previous.workbook
            return RunResult(
                exitCode: code, counts: previous.counts, workbookPath: path, unchanged: true, dryRun: false,
                report: nil, summary: summary(previous.counts, workbook: path, note: "unchanged, nothing redone"))
        }

        stages.lap("hash")
        // 2. Validate concurrently, bounded by the workers; results in file-name order.
        let validator = self.validator
        let validated = try await concurrentMap(files, label: "validating") { f throws(BatchError) in
            validator.validate(path: f.path)
        }
        var reports = validated.map(\.0)
        for i in reports.indices where reports[i].file != files[i].name {
            reports[i].file = files[i].name
        }
        for r in reports {
            logger.debug("\(r.file): \(r.status.rawValue), \(r.errorCount) errors, \(r.warningCount) warnings")
        }

        stages.lap("validate")
        // 3. Supersession, unit states, counts.
        let supersededBy = Supersession.decide(files: files, reports: reports)
        let seen = try ledger?.seenHashes(files.map(\.hash)) ?? []
        // A file overwritten under the same name replaces its earlier content: superseded too.
        let replaced = try ledger?.replacedInPlace(
            files.indices.map { (files[$0].name, files[$0].hash, reports[$0].unit, reports[$0].period) }) ?? []
        var report = buildReport(
            files: files, reports: reports, supersededBy: supersededBy, seen: seen, replacedInPlace: replaced)
        for (i, s) in supersededBy.enumerated() {
            if let s { logger.info("\(files[i].name) superseded by \(files[s].name)") }
        }
        for (i, h) in replaced.enumerated() {
            if let h { logger.info("\(files[i].name) replaces its earlier content (\(h.prefix(12)))") }
        }
        for line in report.files where line.supersededBy == nil && (line.status == .rejected || line.status == .unreadable) {
            logger.notice("\(line.file): \(line.status.rawValue) (\(line.errors) errors)")
        }
        for unit in report.units where unit.status == .missing {
            logger.notice("\(unit.code) \(unit.name): no submission for \(c.period)")
        }

        // 4. Per-file reports (to each unit; beside each rejected copy): rendered on the
        // workers while this task consolidates and renders the run reports (they do not
        // depend on the consolidation).
        struct Render: Sendable {
            var path: String
            var report: FileReport
            var format: OutputFormat
            var language: Language
        }
        var renders: [Render] = []
        var unitReportPaths = Set<String>()
        let byUnit = currentSubmissions(files: files, reports: reports, supersededBy: supersededBy)
        for (unit, i) in byUnit.sorted(by: { $0.key < $1.key }) {
            guard Self.isSafeCode(unit) else { continue }
            for format in c.formats {
                for lang in c.languages {
                    let path = c.output + "/" + Self.unitsFolder + "/\(unit).\(lang.rawValue).\(format.rawValue)"
                    renders.append(Render(path: path, report: reports[i], format: format, language: lang))
                    unitReportPaths.insert(path)
                }
            }
        }
        var copies: [(from: String, to: String, hash: String)] = []
        for (i, r) in reports.enumerated() where r.status == .rejected || r.status == .unreadable {
            let target = c.rejected + "/" + files[i].name
            copies.append((files[i].path, target, files[i].hash))
            for format in c.formats {
                for lang in c.languages {
                    let path = target + ".\(lang.rawValue).\(format.rawValue)"
                    renders.append(Render(path: path, report: r, format: format, language: lang))
                }
            }
        }
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
        let current = files.indices.filter { supersededBy[$0] == nil }
        let accepted = current.filter {
            (reports[$0].status == .accepted || reports[$0].status == .acceptedWithWarnings)
                && reports[$0].period == c.period && validated[$0].1 != nil
        }.sorted { (reports[$0].unit ?? "") < (reports[$1].unit ?? "") }
        let consolidation: ConsolidationOutput
        do {
            consolidation = try consolidator.consolidate(
                submissions: accepted.map { validated[$0].1! }, reports: current.map { reports[$0] },
                expectedUnits: c.expectedUnits.map(\.code))
        } catch {
            throw .output(path: c.output + "/" + c.workbookName, reason: "consolidation failed: \(error)")
        }
        report.issues = consolidation.issues
        report.workbook = c.dryRun ? nil : c.workbookName
        // The ledger keeps each submission's figures, not its lists.
        let figures = validated.map { v in
            v.1.map { Submission(file: $0.file, unit: $0.unit, period: $0.period, values: $0.values, lists: [:]) }
        }

        stages.lap("consolidate")
        // 6. Every output, as bytes, before anything is written.
        var outputs: [(path: String, bytes: [UInt8])] = []
        outputs.append((c.output + "/" + c.workbookName, consolidation.workbook))
        do {
            if c.formats.contains(.json) {
                outputs.append((c.output + "/" + Self.runReportBaseName + ".json", try report.jsonBytes()))
            }
            if c.formats.contains(.html) {
                for lang in c.languages {
                    outputs.append(
                        (c.output + "/" + Self.runReportBaseName + ".\(lang.rawValue).html", try report.htmlBytes(lang)))
                }
            }
        } catch {
            throw .output(path: c.output + "/" + Self.runReportBaseName, reason: "cannot render the run report: \(error)")
        }
        let rendered = try await unitReports.get()
        stages.lap("reports")
        for (job, bytes) in zip(renders, rendered) { outputs.append((job.path, bytes)) }

        let exitCode: Int32 = report.units.allSatisfy {
            !$0.expected || $0.status == .accepted || $0.status == .acceptedWithWarnings
        } ? 0 : 1
        let workbookPath = c.output + "/" + c.workbookName
        if c.dryRun {
            return RunResult(
                exitCode: exitCode, counts: report.counts, workbookPath: nil, unchanged: false, dryRun: true,
                report: report, summary: summary(report.counts, workbook: nil, note: "dry run, nothing written"))
        }

        // 7. Write: copies of rejected files, then reports and the workbook, each by rename,
        // an output whose file already holds the same bytes left alone. One thread writes
        // (`OutputWriter`) while this task fills the ledger's transaction, which commits only
        // once every output is written. The hashing runs on the workers before.
        let outputHashes = try await concurrentMap(outputs, label: nil) { o throws(BatchError) in ContentHash.hex(o.bytes) }
        var written: [String: String] = [:]
        for copy in copies { written[copy.to] = copy.hash }
        for (o, hash) in zip(outputs, outputHashes) { written[o.path] = hash }
        // The writer also frees the validated lists once it has written: hundreds of
        // thousands of rows in a large run, whose freeing took a quarter of a second of
        // this task's time; the writer's thread has nothing else to do by then.
        let writer = OutputWriter(copies: copies.map { ($0.from, $0.to) }, outputs: outputs, thenFree: consume validated)

        // Every output on disk, and unit reports of units with no current submission gone.
        let finishOutputs = { () throws(BatchError) in
            try writer.wait()
            removeStaleUnitReports(keeping: unitReportPaths)
        }

        // 8. Record everything in one transaction: the run counts only once this commits.
        if let ledger, let runID {
            let ledgerEntries = files.indices.map { i in
                LedgerEntry(
                    file: files[i], report: reports[i], submission: figures[i],
                    supersededBy: supersededBy[i].map { files[$0] })
            }
            do {
                try ledger.finishRun(
                    runID, entries: ledgerEntries, exitCode: exitCode, fingerprint: fingerprint, counts: report.counts,
                    workbook: workbookPath, outputs: written, at: clock(), beforeCommit: finishOutputs)
            } catch {
                // The ledger failed before it waited: the writer must still finish before
                // the run ends and gives up its lock (the process may exit right after).
                _ = try? writer.wait()
                throw error
            }
        } else {
            try finishOutputs()
        }
        logger.debug("outputs: \(writer.writtenCount) written, \(writer.unchangedCount) unchanged")
        stages.lap("write and ledger")
        return RunResult(
            exitCode: exitCode, counts: report.counts, workbookPath: workbookPath, unchanged: false, dryRun: false,
            report: report, summary: summary(report.counts, workbook: workbookPath, note: nil))
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

    private func removeStaleUnitReports(keeping: Set<String>) {
        let folder = configuration.output + "/" + Self.unitsFolder
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where !name.hasPrefix(".") && !keeping.contains(folder + "/" + name) {
            let ext = name.split(separator: ".").last.map(String.init) ?? ""
            if OutputFormat(rawValue: ext) != nil { try? FileManager.default.removeItem(atPath: folder + "/" + name) }
        }
    }

    /// Everything that decides the outputs, hashed: the inputs' names, contents and times
    /// (times decide supersession), the configuration and the caller's extra inputs.
    func fingerprint(_ files: [InboxFile]) -> String {
        let c = configuration
        var h = ContentHash()
        h.update("tonghop-run-fingerprint-1\n")
        h.update("job=\(c.job)\nperiod=\(c.period)\noutput=\(c.output)\nrejected=\(c.rejected)\n")
        h.update("workbook=\(c.workbookName)\n")
        h.update("formats=\(c.formats.map(\.rawValue).joined(separator: ","))\n")
        h.update("languages=\(c.languages.map(\.rawValue).joined(separator: ","))\n")
        for u in c.expectedUnits { h.update("unit=\(u.code)\t\(u.name)\n") }
        for x in c.fingerprintInputs { h.update("input=\(x)\n") }
        for f in files { h.update("file=\(f.name)\t\(f.hash)\t\(f.modified)\n") }
        return h.finalize()
    }

    func summary(_ n: RunCounts, workbook: String?, note: String?) -> String {
        var s = "\(configuration.job) \(configuration.period): \(n.files) files, \(n.accepted) accepted, "
        s += "\(n.rejected + n.unreadable) rejected"
        if n.superseded > 0 { s += ", \(n.superseded) superseded" }
        s += ", \(n.missing) missing units"
        if let workbook { s += " → \(workbook)" }
        if let note { s += " (\(note))" }
        return s
    }

    /// Maps `items` through `body` on at most `effectiveWorkers` concurrent tasks; results
    /// come back in the input order whatever order the tasks finish in.
    func concurrentMap<T: Sendable, R: Sendable>(
        _ items: [T], label: String?, _ body: @escaping @Sendable (T) throws(BatchError) -> R
    ) async throws(BatchError) -> [R] {
        let workers = min(configuration.effectiveWorkers, max(1, items.count))
        let progress = label == nil ? nil : self.progress
        let outcome: Result<[R], BatchError> = await withTaskGroup(of: (Int, Result<R, BatchError>).self) { group in
            var results = [R?](repeating: nil, count: items.count)
            var next = 0
            var done = 0
            func add() {
                let i = next
                let item = items[i]
                group.addTask {
                    do throws(BatchError) { return (i, .success(try body(item))) } catch { return (i, .failure(error)) }
                }
                next += 1
            }
            while next < items.count && next < workers { add() }
            while let (i, r) = await group.next() {
                switch r {
                case .success(let v): results[i] = v
                case .failure(let e):
                    group.cancelAll()
                    return .failure(e)
                }
                done += 1
                progress?(done, items.count)
                if next < items.count { add() }
            }
            return .success(results.map { $0! })
        }
        return try outcome.get()
    }
}
