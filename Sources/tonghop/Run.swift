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

    @Option(help: "The output folder instead of the job file's (the rejected folder and ledger follow when inside the job's output folder).")
    var out: String?

    @Option(help: "The period's deadline (2016-11-15 17:00, in the job's time zone) instead of the job file's.")
    var deadline: String?

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
        if !quiet {
            print(result.summary)
            if let t = result.timeliness { StandardError.write("timeliness: \(t)\n") }
        }
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
        let spec: ConsolidationSpec
        do { spec = try ConsolidationSpec.load(template: template) } catch {
            throw RunSetupError(file: error.file, error.message, location: error.location)
        }
        let plan: RunPlan
        let deadline = try deadlineOverride(jobFile)
        do {
            plan = try RunPlan(
                job: jobFile, template: template,
                overrides: RunOverrides(
                    period: period, inbox: inbox, out: out, deadline: deadline, dryRun: dryRun,
                    force: force),
                toolVersion: TongHop.configuration.version)
        } catch {
            throw RunSetupError(file: error.file, error.message, location: error.line.map { "\(error.file):\($0)" })
        }
        var runner = JobRunner(
            plan: plan, validator: TemplateValidation(
                validator: Validator(template: template, period: plan.period, limits: jobFile.limits.readerLimits)),
            consolidator: ProvincialConsolidation(spec: spec, period: plan.period),
            fileReports: CatalogueFileReports(template: template), logger: logger)
        runner.outliers = OutlierFinder(template: template)
        runner.template = template
        runner.targets = template.targets
        return runner
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

extension Run {
    /// `--deadline` parsed in the job's time zone.
    func deadlineOverride(_ job: JobFile) throws(RunSetupError) -> Timestamp? {
        guard let deadline else { return nil }
        guard let t = Timestamp(iso: deadline, defaultOffset: job.timeZoneOffset) else {
            throw RunSetupError(file: job.path, "--deadline must be a date and time such as 2016-11-15 17:00; it is '\(deadline)'")
        }
        return t.shown(in: job.timeZoneOffset)
    }
}
