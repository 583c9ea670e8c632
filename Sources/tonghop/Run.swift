import ArgumentParser
import Batch
import Foundation
import Logging
import Reporting

/// `tonghop run JOB`: the nightly job. Validates every submission in the inbox, keeps each
/// unit's newest, consolidates the accepted ones into the provincial workbook, writes the
/// run report and a report per unit, and records it all in the ledger.
struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a job: validate the inbox, consolidate, report (the nightly job).",
        discussion: """
            Exit codes: 0 every expected unit is accepted; 1 some unit is rejected or missing;
            2 the job could not run (job file, template, inbox, lock held by another run, disk).
            When nothing changed since the last completed run (same inputs, template, job file,
            and the outputs are intact), nothing is redone; --force redoes it.
            See docs/OPERATIONS.md for running it nightly.
            """)

    @Argument(help: "The job file, e.g. Jobs/nq04-2016.yaml.")
    var job: String

    @Option(help: "The period to run (2016, 2016-Q3, 2016-07) instead of the job file's.")
    var period: String?

    @Option(help: "The inbox folder instead of the job file's.")
    var inbox: String?

    @Option(help: "The output folder instead of the job file's (its rejected folder and ledger follow when inside it).")
    var out: String?

    @Flag(help: "Validate and print the summary; write nothing (no outputs, no ledger, no copies).")
    var dryRun = false

    @Flag(help: "Redo the work even when nothing changed since the last run.")
    var force = false

    @Flag(name: .shortAndLong, help: "Log every file.")
    var verbose = false

    @Flag(name: .shortAndLong, help: "Print only errors (no summary line).")
    var quiet = false

    func validate() throws {
        if verbose && quiet { throw ValidationError("--verbose and --quiet cannot be used together") }
    }

    func run() async throws {
        let level: Logger.Level = quiet ? .error : verbose ? .debug : .notice
        let logger = Logger(label: "tonghop.run") { StderrLogHandler(label: $0, level: level) }
        var runner: JobRunner
        do {
            runner = try makeRunner(logger: logger)
        } catch {
            printError(file: error.file, error.message, where: error.location)
            throw ExitCode(ExitStatus.unreadable.rawValue)
        }
        if !quiet && StandardError.isTerminal {
            runner.progress = { done, total in ProgressLine.shared.update("validating", done: done, total: total) }
        }
        let result: RunResult
        do {
            result = try await runner.run()
        } catch {
            ProgressLine.shared.clear()
            printError(file: error.path, error.message)
            throw ExitCode(ExitStatus.unreadable.rawValue)
        }
        ProgressLine.shared.clear()
        if !quiet { print(result.summary) }
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }

    /// Loads the job file and its template and builds the runner with the real validation,
    /// consolidation and report renderers.
    func makeRunner(logger: Logger) throws(RunSetupError) -> JobRunner {
        let jobFile: JobFile
        do { jobFile = try JobFile.load(path: job) } catch {
            throw RunSetupError(file: job, error.message, location: error.line.map { "\(error.file):\($0)" })
        }
        let template: Template
        do { template = try TemplateLoader.load(path: jobFile.template) } catch {
            throw RunSetupError(file: error.file, error.message, location: error.location)
        }
        let periodText = period ?? jobFile.period
        guard let parsedPeriod = template.period.parse(periodText) else {
            throw RunSetupError(
                file: job, "the period '\(periodText)' is not a \(template.period.rawValue) period of this template")
        }
        let spec: ConsolidationSpec
        do { spec = try ConsolidationSpec.load(template: template) } catch {
            throw RunSetupError(file: error.file, error.message, location: error.location)
        }

        var output = Self.tidy(jobFile.output)
        var rejected = Self.tidy(jobFile.rejected)
        var ledger = Self.tidy(jobFile.ledger)
        if let out {
            let old = jobFile.output
            func follow(_ p: String) -> String { p.hasPrefix(old + "/") ? out + p.dropFirst(old.count) : p }
            rejected = follow(rejected)
            ledger = follow(ledger)
            output = out
        }
        let units = jobFile.expectedUnits(of: template).map { ExpectedUnit(code: $0.code, name: $0.name) }
        let periodString = parsedPeriod.description
        var c = RunConfiguration(
            job: jobFile.name, period: periodString, inbox: inbox ?? Self.tidy(jobFile.inbox), output: output,
            rejected: rejected, ledger: ledger, expectedUnits: units,
            workbookName: "TongHop_\(template.id.uppercased())_\(periodString).xlsx")
        c.formats = jobFile.reports.formats.compactMap(OutputFormat.init(rawValue:))
        c.languages = jobFile.reports.languages
        c.workers = jobFile.limits.workers
        c.dryRun = dryRun
        c.force = force
        let identify = template.identify
        let periods = template.period
        c.fileNameParser = { identify.parseFileName($0) { periods.parse($0) != nil } }
        c.fingerprintInputs = Self.fingerprintInputs(jobFile: jobFile, template: template)
        return JobRunner(
            configuration: c, validator: TemplateValidation(
                validator: Validator(template: template, period: parsedPeriod, limits: jobFile.limits.readerLimits)),
            consolidator: ProvincialConsolidation(spec: spec, period: periodString),
            fileReports: CatalogueFileReports(template: template), logger: logger)
    }

    /// `Jobs/../out/x` → `out/x`: folds `.` and `name/..` so messages show short paths
    /// (purely textual; a leading `..` stays).
    static func tidy(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if path.hasPrefix("/") { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// What else decides the outputs: the tonghop version, the job file, and every file in
    /// the template's folder (the template, its units and reference lists, consolidation options).
    static func fingerprintInputs(jobFile: JobFile, template: Template) -> [String] {
        var inputs = ["tonghop=\(TongHop.configuration.version)"]
        inputs.append("job-file=" + ((try? Inbox.hash(path: jobFile.path)) ?? "unreadable"))
        let dir = (template.path as NSString).deletingLastPathComponent
        let folder = dir.isEmpty ? "." : dir
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        for name in names where !name.hasPrefix(".") {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDir), !isDir.boolValue
            else { continue }
            inputs.append("template-folder/\(name)=" + ((try? Inbox.hash(path: folder + "/" + name)) ?? "unreadable"))
        }
        return inputs
    }
}

/// Why the job could not be set up (exit 2): the job file, the template or the period.
struct RunSetupError: Error {
    var file: String
    var message: String
    var location: String?

    init(file: String, _ message: String, location: String? = nil) {
        self.file = file
        self.message = message
        self.location = location
    }
}
