import ArgumentParser
import Batch
import Foundation
import Reporting
import XLSX

/// `tonghop import-period JOB --period 2015 (--ledger F | --workbook F)`: an earlier
/// period's accepted figures into the job's ledger, so that a province can start with last
/// year's figures (prev() rules, baselines from history, outliers, the year-over-year sheet).
struct ImportPeriod: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-period",
        abstract: "Load an earlier period's accepted figures from another ledger or a provincial workbook.",
        discussion: """
            --ledger F copies the period's current accepted submissions (files, receipt times,
            figures) from another tonghop ledger. --workbook F reads the figures of each unit from
            the "Theo đơn vị" sheet of a provincial workbook tonghop wrote for that period with
            the same template (another template's workbook is refused). Each unit's imported
            figures supersede what the ledger held for that unit and period; importing the same
            source twice changes nothing. The next run of a later period reads them.
            Exit codes: 0 imported (or nothing new); 2 the job, the source or the ledger could
            not be read; 64 bad usage.
            """)

    @Argument(help: "The job file, e.g. Jobs/nq04-2016.yaml.")
    var job: String

    @Option(help: "The period to import, e.g. 2015 (not the job's own period).")
    var period: String

    @Option(help: "Another tonghop ledger (ledger.sqlite) holding the period.")
    var ledger: String?

    @Option(help: "A provincial workbook of the period written by tonghop.")
    var workbook: String?

    func validate() throws {
        if (ledger == nil) == (workbook == nil) { throw ValidationError("give exactly one of --ledger and --workbook") }
    }

    func run() throws {
        let ctx = try JobContext.load(job)
        let text = try ctx.period(period, jobPath: job).description
        guard text != ctx.period.description else {
            printError(file: job, "\(text) is the job's own period: its runs record it; import earlier periods")
            throw ExitCode(ExitStatus.unreadable.rawValue)
        }
        let figures: [AcceptedFigures]
        let source: String
        if let ledger {
            source = ledger
            guard FileManager.default.fileExists(atPath: ledger) else {
                printError(file: ledger, "no such ledger")
                throw ExitCode(ExitStatus.unreadable.rawValue)
            }
            do { figures = try openLedger(ledger).currentAcceptedFigures(period: text) } catch let error as BatchError {
                printError(file: error.path, error.message)
                throw ExitCode(ExitStatus.unreadable.rawValue)
            }
        } else {
            source = workbook!
            figures = try fromWorkbook(source, ctx: ctx, period: text)
        }
        let own = try openLedger(ctx.job.ledger)
        let added: [String]
        do { added = try own.importPeriod(job: ctx.job.name, period: text, figures: figures, source: source, at: Date()) } catch {
            printError(file: error.path, error.message)
            throw ExitCode(ExitStatus.unreadable.rawValue)
        }
        if added.isEmpty {
            print("\(ctx.job.name) \(text): nothing new to import from \(source) (\(figures.count) units already in the ledger)")
        } else {
            print("\(ctx.job.name) \(text): imported \(added.count) units from \(source): \(added.joined(separator: ", "))")
        }
    }

    /// Each unit's figures from the workbook's `Theo đơn vị` sheet, as submissions named
    /// `<workbook>#<UNIT>`, received at the workbook's modification time.
    func fromWorkbook(_ path: String, ctx: JobContext, period: String) throws -> [AcceptedFigures] {
        let spec: ConsolidationSpec
        do { spec = try ConsolidationSpec.load(template: ctx.template) } catch {
            printError(file: error.file, error.message, where: error.location)
            throw ExitCode(ExitStatus.unreadable.rawValue)
        }
        let values: [String: [String: [String: Double]]]
        let hash: String
        do {
            let book = try Workbook(path: path, limits: ctx.job.limits.readerLimits)
            values = try ProvincialWorkbook.importFigures(from: book, spec: spec)
            hash = try Inbox.hash(path: path)
        } catch let e as ProvincialWorkbook.ImportError {
            printError(file: path, e.message)
            throw ExitCode(ExitStatus.unreadable.rawValue)
        } catch {
            printError(file: path, "cannot read the workbook: \(error)")
            throw ExitCode(ExitStatus.unreadable.rawValue)
        }
        let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? nil
        let received = Timestamp(epoch: modified?.timeIntervalSince1970 ?? 0, offset: ctx.job.timeZoneOffset)
        let name = URL(fileURLWithPath: path).lastPathComponent
        return values.keys.sorted().map { unit in
            AcceptedFigures(unit: unit, period: period, file: "\(name)#\(unit)", hash: hash, received: received, values: values[unit]!)
        }
    }
}
