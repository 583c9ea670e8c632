import ArgumentParser
import Batch
import Foundation
import Reporting
import XLSX

/// `tonghop history JOB [--unit DBD]`: the change audit from the ledger.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Print the change audit: each figure a corrected file changed, and the approvals.",
        discussion: """
            From the job's ledger, for every period (or --period) and unit (or --unit): each
            figure an accepted file changed against the unit's accepted file before it, old → new,
            with both files and when each was received; and each approval and reopening.
            --format csv writes one row per event (RFC 4180, UTF-8, a header row).
            Exit codes: 0 printed (possibly nothing); 2 the job or its ledger could not be read.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv }

    @Argument(help: "The job file, e.g. Jobs/nq04-2016.yaml.")
    var job: String

    @Option(help: "Only this period (default: every period in the ledger).")
    var period: String?

    @Option(help: "Only this unit's code, e.g. DBD.")
    var unit: String?

    @Option(help: "text (default) or csv.")
    var format: Format = .text

    func run() throws {
        let ctx = try JobContext.load(job)
        let ledger = try openLedger(ctx.job.ledger)
        let changes: [FigureChange]
        let approvals: [LedgerApproval]
        do {
            changes = ChangeAudit.changes(try ledger.acceptedFigures(unit: unit, period: period), template: ctx.template)
            approvals = try ledger.approvals(unit: unit, period: period)
        } catch {
            printError(file: ctx.job.ledger, error.message)
            throw ExitCode(ExitStatus.unreadable.rawValue)
        }
        let offset = ctx.job.timeZoneOffset
        let rows = AuditRow.rows(changes: changes, approvals: approvals, template: ctx.template, offset: offset)
        switch format {
        case .csv:
            var out = AuditRow.header.joined(separator: ",") + "\r\n"
            for r in rows { out += r.fields.map(CSVExport.quote).joined(separator: ",") + "\r\n" }
            FileHandle.standardOutput.write(Data(out.utf8))
        case .text:
            if rows.isEmpty { print("no changed figures and no approvals in the ledger" + (unit.map { " for \($0)" } ?? "")) }
            for r in rows { print(r.text) }
        }
    }
}

/// One event of the audit: a changed figure, an approval or a reopening.
struct AuditRow {
    static let header = [
        "period", "unit", "event", "time", "indicator", "column", "old", "new", "old_file", "old_received", "new_file",
        "new_received", "by",
    ]
    var period: String
    var unit: String
    var event: String
    /// When it happened (a change: the new file's receipt), ISO 8601 in the job's zone.
    var time: Timestamp
    var indicator = "", column = "", old = "", new = "", oldFile = "", oldReceived = "", newFile = "", newReceived = ""
    var by = ""

    var fields: [String] {
        [period, unit, event, time.iso, indicator, column, old, new, oldFile, oldReceived, newFile, newReceived, by]
    }

    var text: String {
        let when = time.dayMonthYearTime
        switch event {
        case "change":
            return "\(period)  \(unit)  \(when)  \(indicator) (\(column)): \(old) → \(new)  \(oldFile) → \(newFile)"
        default:
            return "\(period)  \(unit)  \(when)  \(event) by \(by): \(newFile)"
        }
    }

    static func rows(changes: [FigureChange], approvals: [LedgerApproval], template: Template, offset: Int) -> [AuditRow] {
        var rows: [AuditRow] = changes.map { c in
            let (old, new) = c.shown(template: template)
            return AuditRow(
                period: c.period, unit: c.unit, event: "change", time: c.newReceived.shown(in: offset), indicator: c.indicator,
                column: c.column, old: old, new: new, oldFile: c.oldFile,
                oldReceived: c.oldReceived.shown(in: offset).iso, newFile: c.newFile, newReceived: c.newReceived.shown(in: offset).iso)
        }
        for a in approvals {
            if let t = Timestamp(iso: a.approvedAt) {
                rows.append(AuditRow(period: a.period, unit: a.unit, event: "approved", time: t.shown(in: offset), newFile: a.file, by: a.approvedBy))
            }
            if let r = a.reopenedAt, let t = Timestamp(iso: r) {
                rows.append(AuditRow(period: a.period, unit: a.unit, event: "reopened", time: t.shown(in: offset), newFile: a.file, by: a.reopenedBy ?? ""))
            }
        }
        return rows.enumerated().sorted {
            ($0.element.period, $0.element.unit, $0.element.time.seconds, $0.offset)
                < ($1.element.period, $1.element.unit, $1.element.time.seconds, $1.offset)
        }.map(\.element)
    }
}
