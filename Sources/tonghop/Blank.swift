import ArgumentParser
import Batch
import Reporting
import XLSX

/// `tonghop blank`: write the blank submission workbook for the job's template.
struct Blank: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blank",
        abstract: "Write the blank submission workbook districts fill in.",
        discussion: """
            The workbook has the template's sheets with labels and titles; input cells are
            shaded yellow and unlocked, everything else is locked (sheets protected without
            a password); code lists and yes/no columns have dropdowns (the lists are on the
            `Danh mục` sheet); numbers and dates are validated; `Hướng dẫn` explains how to
            fill it in and which rules are checked. The job's period is filled in and locked;
            with --unit, so are the unit's code and name (else the code is a dropdown).
            Exit codes: 0 written; 2 the job, template or output could not be used; 64 bad usage.
            """)

    @Option(help: "The job file (names the template and the period).")
    var job: String

    @Option(help: "Prefill and lock this unit's code and name.")
    var unit: String?

    @Option(name: [.short, .long], help: "The .xlsx file to write.")
    var output: String

    func run() throws {
        let ctx = try JobContext.load(job)
        var chosen: ReportingUnit?
        if let unit {
            guard let u = ctx.template.unit(unit) else {
                printError(file: job, "unknown unit '\(unit)' (the template's units: \(ctx.template.units.map(\.code).joined(separator: ", ")))")
                throw ExitCode(ExitStatus.unreadable.rawValue)
            }
            chosen = u
        }
        do {
            let w = try BlankForm.build(ctx.template, unit: chosen, period: ctx.period)
            try w.write(to: output)
        } catch {
            let issue = Issue.writeFailed(file: output, error: error)
            printError(
                file: output, "cannot write the blank form: " + IssueCatalogue.message(for: issue, lang: .en),
                where: issue.location)
            throw ExitCode(ExitStatus.unreadable.rawValue)
        }
    }
}
