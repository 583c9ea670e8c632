import ArgumentParser
import Batch
import Foundation
import Reporting

/// Options shared by `approve`, `reopen` and `history`: the job and which period.
struct LedgerCommandOptions: ParsableArguments {
    @Argument(help: "The job file, e.g. Jobs/nq04-2016.yaml.")
    var job: String

    @Option(help: "The period instead of the job file's (2016, 2016-Q3, 2016-07).")
    var period: String?

    /// The job, its period's text and its ledger (opened; exit 2 with one line when any fails).
    func open() throws -> (context: JobContext, period: String, ledger: Ledger) {
        let ctx = try JobContext.load(job)
        let text = try period.map { try ctx.period($0, jobPath: job).description } ?? ctx.period.description
        return (ctx, text, try openLedger(ctx.job.ledger))
    }
}

/// Who says `approve` or `reopen`: `--by`, else the login name.
func actingPerson(_ by: String?) -> String {
    if let by, !by.trimmingCharacters(in: .whitespaces).isEmpty { return by }
    let env = ProcessInfo.processInfo.environment
    return env["SUDO_USER"] ?? env["USER"] ?? env["LOGNAME"] ?? "unknown"
}

/// `tonghop approve JOB --unit DBD`: the province approves a unit's figures for the period.
struct Approve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve a unit's figures for the period; later files are held for review.",
        discussion: """
            Approves the unit's newest accepted file the ledger has seen for the period (the
            current one, or the one held for review since an earlier approval). Until the
            province says `approve` again or `reopen`, a later file from the unit is validated
            and reported but does not replace the approved figures. Recorded in the ledger with
            who and when; the next `run` redoes its outputs to show it.
            Exit codes: 0 approved; 1 the unit has no accepted file for the period; 2 the job or
            its ledger could not be read.
            """)

    @OptionGroup var options: LedgerCommandOptions

    @Option(help: "The unit's code, e.g. DBD.")
    var unit: String

    @Option(help: "Who approves (default: the login name).")
    var by: String?

    @Option(help: "A note kept with the approval.")
    var note: String?

    func run() throws {
        let (_, period, ledger) = try options.open()
        do {
            let a = try ledger.approve(unit: unit, period: period, by: actingPerson(by), at: Date(), note: note)
            print("approved \(unit) \(period): \(a.file), by \(a.approvedBy) at \(a.approvedAt)")
        } catch {
            printError(file: options.job, error.message)
            throw ExitCode(ExitStatus.problems.rawValue)
        }
    }
}

/// `tonghop reopen JOB --unit DBD`: ends an approval; the unit's newest file counts again.
struct Reopen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen",
        abstract: "End a unit's approval for the period: its newest file counts again.",
        discussion: """
            Exit codes: 0 reopened; 1 the unit had no approval for the period; 2 the job or its
            ledger could not be read.
            """)

    @OptionGroup var options: LedgerCommandOptions

    @Option(help: "The unit's code, e.g. DBD.")
    var unit: String

    @Option(help: "Who reopens (default: the login name).")
    var by: String?

    func run() throws {
        let (_, period, ledger) = try options.open()
        let reopened: LedgerApproval?
        do { reopened = try ledger.reopen(unit: unit, period: period, by: actingPerson(by), at: Date()) } catch {
            printError(file: options.job, error.message)
            throw ExitCode(ExitStatus.unreadable.rawValue)
        }
        guard let a = reopened else {
            printError(file: options.job, "\(unit) has no approval for \(period) to reopen")
            throw ExitCode(ExitStatus.problems.rawValue)
        }
        print("reopened \(unit) \(period): \(a.file) approved by \(a.approvedBy) no longer holds; the newest file counts at the next run")
    }
}
