import Foundation
import Reporting
import XLSX

/// The stages of `JobRunner.runLocked`, in the order it calls them.
extension JobRunner {
    /// A per-file report to render: to a unit, or beside a rejected copy.
    struct Render: Sendable {
        var path: String
        var report: FileReport
        var format: OutputFormat
        var language: Language
    }

    /// What the last stage writes and records.
    struct RunRecord {
        var files: [InboxFile]
        /// Each file's report and submission; given to the writer to free once written.
        var validated: [(FileReport, Submission?)]
        var supersededBy: [Int?]
        var fingerprint: String
        var exitCode: Int32
        var counts: RunCounts
        var copies: [(from: String, to: String, hash: String)]
        var outputs: [(path: String, bytes: [UInt8])]
        var unitReportPaths: Set<String>
        /// The annotated files this run writes; older ones are removed.
        var returnedPaths: Set<String>
    }

    /// 1. The inbox's submission files, each hashed (on the workers).
    func hashInbox() async throws(BatchError) -> [InboxFile] {
        let entries = try Inbox.scan(plan.inbox)
        logger.info("inbox \(plan.inbox): \(entries.count) submission files")
        let hashes = try await concurrentMap(entries, label: nil) { e throws(BatchError) in try Inbox.hash(path: e.path) }
        let inbox = plan.inbox, offset = plan.timeZoneOffset
        return zip(entries, hashes).map { e, hash in
            var file = InboxFile(name: e.name, path: e.path, size: e.size, modified: e.modified, hash: hash)
            if let r = Receipt.read(inbox: inbox, name: e.name), r.sha256 == hash, let t = r.time {
                file.received = t.shown(in: offset)
                file.receivedVia = r.via
            } else {
                file.received = Timestamp(epoch: e.modified, offset: offset)
            }
            return file
        }
    }

    /// The receipt times the ledger recorded when it first saw each file's content replace
    /// the ones found now (a file touched since, or a receipt rewritten, keeps its time).
    func knownReceipts(_ files: [InboxFile], ledger: Ledger?) throws(BatchError) -> [InboxFile] {
        guard let ledger else { return files }
        let known = try ledger.receivedTimes(files.map { ($0.name, $0.hash) })
        var out = files
        for i in out.indices {
            guard let k = known[i] else { continue }
            out[i].received = k.time.shown(in: plan.timeZoneOffset)
            out[i].receivedVia = k.via
        }
        return out
    }

    /// The previous run's result when the inputs are unchanged since it completed and its
    /// outputs are intact (recorded as an unchanged run); nil when the work must be done.
    func skipIfUnchanged(fingerprint: String, ledger: Ledger?, runID: Int64?) throws(BatchError) -> RunResult? {
        let c = plan
        guard !c.force, !c.dryRun, let ledger, let runID,
            let previous = try ledger.lastCompletedRun(job: c.job, period: c.periodText),
            previous.fingerprint == fingerprint, Self.outputsIntact(previous.outputs)
        else { return nil }
        try ledger.finishUnchanged(runID, previous: previous, at: clock())
        logger.notice("inputs unchanged since run \(previous.id): nothing redone")
        let path = previous.workbook
        return RunResult(
            exitCode: previous.exitCode ?? 1, counts: previous.counts, workbookPath: path, unchanged: true,
            dryRun: false, report: nil, summary: summary(previous.counts, workbook: path, note: "unchanged, nothing redone"),
            timeliness: Self.storedTimeliness(at: c.runReportJSONPath))
    }

    /// 2. Every file validated on the workers; each report named by its file name.
    func validateAll(_ files: [InboxFile], history: History = .empty) async throws(BatchError) -> [(FileReport, Submission?)] {
        let validator = self.validator
        var validated = try await concurrentMap(files, label: "validating") { f throws(BatchError) in
            history.periods.isEmpty ? validator.validate(path: f.path) : validator.validate(path: f.path, history: history)
        }
        for i in validated.indices where validated[i].0.file != files[i].name {
            validated[i].0.file = files[i].name
        }
        for (r, _) in validated {
            logger.debug("\(r.file): \(r.status.rawValue), \(r.errorCount) errors, \(r.warningCount) warnings")
        }
        return validated
    }

    /// 3. The run report's units, files and counts, logged.
    func decide(files: [InboxFile], reports: [FileReport], supersededBy: [Int?], ledger: Ledger?) throws(BatchError)
        -> RunReport
    {
        let seen = try ledger?.seenHashes(files.map(\.hash)) ?? []
        // A file overwritten under the same name replaces its earlier content: superseded too.
        let replaced = try ledger?.replacedInPlace(
            files.indices.map { (files[$0].name, files[$0].hash, reports[$0].unit, reports[$0].period) }) ?? []
        let report = buildReport(
            files: files, reports: reports, supersededBy: supersededBy, seen: seen, replacedInPlace: replaced)
        for (i, s) in supersededBy.enumerated() {
            if let s { logger.info("\(files[i].name) superseded by \(files[s].name)") }
        }
        for (i, h) in replaced.enumerated() {
            if let h { logger.info("\(files[i].name) replaces its earlier content (\(h.prefix(12)))") }
        }
        for (i, line) in report.files.enumerated()
        where line.supersededBy == nil && (line.status == .rejected || line.status == .unreadable) {
            // Then its first errors in the catalogue's words, with their cells, as `validate`
            // prints them: `error: FILE: what: message [where]`.
            logger.notice("\(line.file): \(line.status.rawValue) (\(line.errors) errors)")
            for e in reports[i].firstErrors() {
                logger.error("\(line.file): \(e.message)\(e.location.map { " [\($0)]" } ?? "")")
            }
        }
        for unit in report.units where unit.status == .missing {
            logger.notice("\(unit.code) \(unit.name): no submission for \(plan.periodText)")
        }
        return report
    }

    /// 4. Where each per-file report goes (each unit's current file, each rejected copy),
    /// and the copies of rejected and unreadable files.
    func placeFileReports(files: [InboxFile], reports: [FileReport], supersededBy: [Int?])
        -> (renders: [Render], unitReportPaths: Set<String>, copies: [(from: String, to: String, hash: String)])
    {
        let c = plan
        var renders: [Render] = []
        var unitReportPaths = Set<String>()
        let byUnit = currentSubmissions(files: files, reports: reports, supersededBy: supersededBy)
        for (unit, i) in byUnit.sorted(by: { $0.key < $1.key }) {
            guard Self.isSafeCode(unit) else { continue }
            for format in c.formats {
                for lang in c.languages {
                    let path = c.unitReportPath(unit: unit, format: format, language: lang)
                    renders.append(Render(path: path, report: reports[i], format: format, language: lang))
                    unitReportPaths.insert(path)
                }
            }
        }
        var copies: [(from: String, to: String, hash: String)] = []
        for (i, r) in reports.enumerated() where r.status == .rejected || r.status == .unreadable {
            copies.append((files[i].path, c.rejectedCopyPath(files[i].name), files[i].hash))
            for format in c.formats {
                for lang in c.languages {
                    let path = c.rejectedReportPath(files[i].name, format: format, language: lang)
                    renders.append(Render(path: path, report: r, format: format, language: lang))
                }
            }
        }
        return (renders, unitReportPaths, copies)
    }

    /// 5. The accepted current submissions of the period, by unit, consolidated.
    func consolidate(_ validated: [(FileReport, Submission?)], supersededBy: [Int?], context: PeriodContext = .init())
        throws(BatchError) -> ConsolidationOutput
    {
        let period = plan.periodText
        let current = validated.indices.filter { supersededBy[$0] == nil }
        let accepted = current.filter {
            let r = validated[$0].0
            return (r.status == .accepted || r.status == .acceptedWithWarnings) && r.period == period
                && validated[$0].1 != nil
        }.sorted { (validated[$0].0.unit ?? "") < (validated[$1].0.unit ?? "") }
        do {
            return try consolidator.consolidate(
                submissions: accepted.map { validated[$0].1! }, reports: current.map { validated[$0].0 },
                expectedUnits: plan.expectedUnits.map(\.code), context: context)
        } catch let error as XLSXWriteError {
            let issue = Issue.writeFailed(file: plan.workbookName, error: error)
            let at = issue.location.map { " [\($0)]" } ?? ""
            throw .output(path: plan.workbookPath, reason: "consolidation failed: " + IssueCatalogue.message(for: issue, lang: .en) + at)
        } catch {
            throw .output(path: plan.workbookPath, reason: "consolidation failed: \(error)")
        }
    }

    /// 6. The run reports as bytes (JSON once, HTML per language).
    func runReportOutputs(
        _ report: RunReport, charts: [ChartFigure] = [], dataAsOf: Double? = nil
    ) throws(BatchError) -> [(path: String, bytes: [UInt8])] {
        let c = plan
        var outputs: [(path: String, bytes: [UInt8])] = []
        do {
            if c.formats.contains(.json) { outputs.append((c.runReportJSONPath, try report.jsonBytes())) }
            if c.formats.contains(.html) {
                for lang in c.languages { outputs.append((c.runReportHTMLPath(lang), try report.htmlBytes(lang, charts: charts, dataAsOf: dataAsOf))) }
            }
        } catch {
            throw .output(path: c.output + "/" + RunPlan.runReportBaseName, reason: "cannot render the run report: \(error)")
        }
        return outputs
    }

    /// 7 and 8. Writes the copies and outputs, each by rename, an output whose file already
    /// holds the same bytes left alone. One thread writes (`OutputWriter`) while this task
    /// fills the ledger's transaction, which commits only once every output is written:
    /// the run counts only then. The hashing runs on the workers before.
    func writeAndRecord(_ record: consuming RunRecord, ledger: Ledger?, runID: Int64?) async throws(BatchError) {
        let outputHashes = try await concurrentMap(record.outputs, label: nil) { o throws(BatchError) in
            ContentHash.hex(o.bytes)
        }
        var written: [String: String] = [:]
        for copy in record.copies { written[copy.to] = copy.hash }
        for (o, hash) in zip(record.outputs, outputHashes) { written[o.path] = hash }
        let files = record.files
        let supersededBy = record.supersededBy
        let reports = record.validated.map(\.0)
        // The ledger keeps each submission's figures, not its lists.
        let figures = record.validated.map { v in
            v.1.map { Submission(file: $0.file, unit: $0.unit, period: $0.period, values: $0.values, lists: [:]) }
        }
        // The writer also frees the validated lists once it has written: hundreds of
        // thousands of rows in a large run, whose freeing took a quarter of a second of
        // this task's time; the writer's thread has nothing else to do by then.
        let validated = record.validated
        record.validated = []
        let writer = OutputWriter(
            copies: record.copies.map { ($0.from, $0.to) }, outputs: record.outputs, thenFree: consume validated)
        record.outputs = []
        let unitReportPaths = record.unitReportPaths
        let returnedPaths = record.returnedPaths
        // Every output on disk, and unit reports of units with no current submission gone.
        let finishOutputs = { () throws(BatchError) in
            try writer.wait()
            removeStaleUnitReports(keeping: unitReportPaths)
            removeStaleReturnedFiles(keeping: returnedPaths)
        }
        if let ledger, let runID {
            let ledgerEntries = files.indices.map { i in
                LedgerEntry(
                    file: files[i], report: reports[i], submission: figures[i],
                    supersededBy: supersededBy[i].map { files[$0] })
            }
            do {
                try ledger.finishRun(
                    runID, entries: ledgerEntries, exitCode: record.exitCode, fingerprint: record.fingerprint,
                    counts: record.counts, workbook: plan.workbookPath, outputs: written, at: clock(),
                    beforeCommit: finishOutputs)
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
    }
}

extension JobRunner {
    /// The timeliness line of the run report on disk (an unchanged run repeats it).
    static func storedTimeliness(at path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path),
            let report = try? JSONDecoder().decode(RunReport.self, from: data)
        else { return nil }
        return report.timeliness?.summary
    }
}
