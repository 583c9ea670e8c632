import ArgumentParser
import Batch
import Foundation
import Reporting
import XLSX

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `tonghop validate`: check submission files against the job's template.
struct Validate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check submission workbooks against the job's template.",
        discussion: """
            Every file is checked, even when others fail. The report lists, per file, its
            status (accepted, accepted-with-warnings, rejected, unreadable) and every issue
            with its code, severity, sheet and cell. Formats: text (coloured on a terminal;
            NO_COLOR turns colour off), json (schema in docs/report-json.md), html (one
            self-contained page). Messages are in Vietnamese unless --lang en.
            Exit codes: 0 no file has errors; 1 some file has errors (rejected);
            2 some file could not be read, or the job or template is broken; 64 bad usage.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, html
    }

    @Argument(help: "The submitted .xlsx/.xlsm files.")
    var files: [String]

    @Option(help: "The job file (names the template and the period).")
    var job: String

    @Option(help: "Report format: text, json or html.")
    var format: Format = .text

    @Option(help: "Report language: vi or en.")
    var lang: String = "vi"

    @Option(name: [.short, .long], help: "Write the report to this file instead of standard output.")
    var output: String?

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file to check") }
        if Language(rawValue: lang) == nil { throw ValidationError("--lang must be vi or en") }
    }

    func run() async throws {
        let ctx = try JobContext.load(job)
        let language = Language(rawValue: lang) ?? .vi
        let validator = Validator(template: ctx.template, period: ctx.period, limits: ctx.job.limits.readerLimits)
        let reports = await Validate.validateAll(files, with: validator, workers: ctx.job.limits.workers)
        // The catalogue's words, as in the reports (in English: stderr is the operator's).
        for (file, report) in zip(files, reports) where report.status == .unreadable || report.status == .rejected {
            if report.issues.isEmpty { printError(file: file, "cannot be read") }
            printFirstErrors(report, file: file)
        }
        let text: String
        switch format {
        case .text:
            let color = output == nil && isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            text = TextReport.render(reports, lang: language, color: color)
        case .json:
            text = JSONReport.render(reports, lang: language, template: ctx.template.id, period: ctx.period.description)
        case .html:
            do {
                text = try HTMLReport.render(reports, lang: language, title: ctx.template.title, period: ctx.period.description, units: ctx.template.units)
            } catch {
                printError(file: nil, error.description)
                throw ExitCode(ExitStatus.unreadable.rawValue)
            }
        }
        if let output {
            do { try AtomicFile.write(Array(text.utf8), to: output) } catch {
                printError(file: output, "\(error)")
                throw ExitCode(ExitStatus.unreadable.rawValue)
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        if reports.contains(where: { $0.status == .unreadable }) { throw ExitCode(ExitStatus.unreadable.rawValue) }
        if reports.contains(where: { $0.status == .rejected }) { throw ExitCode(ExitStatus.problems.rawValue) }
    }
}

extension Validate {
    /// Validates every file, several at a time (`workers`, 0 = one per core, `Parallel.map`
    /// as `run` does); reports come back in the files' order whatever order they finish in.
    static func validateAll(_ files: [String], with validator: Validator, workers: Int) async -> [FileReport] {
        await Parallel.map(files, workers: workers) { (path: String) -> FileReport in validator.validate(path: path).0 }
    }
}
