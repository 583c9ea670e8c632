import ArgumentParser
import Batch
import Reporting

/// A job file with its template loaded and its period parsed: what `validate`, `blank`
/// and `run` start from. Prints the one error line and exits 2 when any of it fails.
struct JobContext {
    let job: JobFile
    let template: Template
    let period: Period

    static func load(_ path: String) throws -> JobContext {
        let job: JobFile
        do { job = try JobFile.load(path: path) } catch {
            printError(file: path, error.message, where: error.line.map { "\(error.file):\($0)" })
            throw ExitCode(ExitStatus.unreadable.rawValue)
        }
        let template: Template
        do { template = try TemplateLoader.load(path: job.template) } catch {
            printError(file: job.template, error.message, where: error.location)
            throw ExitCode(ExitStatus.unreadable.rawValue)
        }
        let period: Period
        do { period = try job.period(of: template) } catch {
            printError(file: path, error.message)
            throw ExitCode(ExitStatus.unreadable.rawValue)
        }
        return JobContext(job: job, template: template, period: period)
    }

    /// A period given on the command line, in the template's kind (`--period 2015`); prints
    /// the one error line and exits 2 when it is not one.
    func period(_ text: String, jobPath: String) throws -> Period {
        guard let p = template.period.parse(text) else {
            printError(file: jobPath, "the period \"\(text)\" is not a \(template.period) period")
            throw ExitCode(ExitStatus.unreadable.rawValue)
        }
        return p
    }
}

/// Opens (and migrates) a ledger; prints the one error line and exits 2 when it cannot.
func openLedger(_ path: String) throws -> Ledger {
    do { return try Ledger(path: path) } catch {
        printError(file: error.path, error.message)
        throw ExitCode(ExitStatus.unreadable.rawValue)
    }
}
