import Foundation
import GRDB
import Reporting

extension Ledger {
    /// Records an earlier period's accepted figures that did not come through this job's
    /// runs (`tonghop import-period`): one submission per unit, `received_via = import`,
    /// under a run row whose outcome is `imported` (never taken for the period's last
    /// completed run), each superseding what the ledger held for that unit and period.
    /// A submission already in the ledger (same content and name) is left as it is, so
    /// importing twice changes nothing. Returns the units recorded anew.
    @discardableResult
    public func importPeriod(job: String, period: String, figures: [AcceptedFigures], source: String, at date: Date)
        throws(BatchError) -> [String]
    {
        let now = LedgerTime.string(date)
        return try write { db in
            try db.execute(
                sql: """
                    INSERT INTO runs (job, period, started_at, ended_at, outcome, exit_code, files, new_files, accepted, message)
                    VALUES (?, ?, ?, ?, 'imported', 0, ?, ?, ?, ?)
                    """,
                arguments: [job, period, now, now, figures.count, figures.count, figures.count, "imported from \(source)"])
            let runID = db.lastInsertedRowID
            var added: [String] = []
            for f in figures.sorted(by: { $0.unit < $1.unit }) {
                if try Int64.fetchOne(db, sql: "SELECT id FROM submissions WHERE hash = ? AND file = ?", arguments: [f.hash, f.file]) != nil {
                    continue
                }
                try db.execute(
                    sql: """
                        INSERT INTO submissions (hash, file, unit, period, received_at, modified_at, size, status, errors,
                            warnings, infos, first_run, last_run, received, received_offset, received_via)
                        VALUES (?, ?, ?, ?, ?, ?, 0, 'accepted', 0, 0, 0, ?, ?, ?, ?, 'import')
                        """,
                    arguments: [
                        f.hash, f.file, f.unit, period, now, Double(f.received.seconds), runID, runID, f.received.seconds,
                        f.received.offset,
                    ])
                let id = db.lastInsertedRowID
                var rows: [DatabaseValueConvertible?] = []
                for (indicator, columns) in f.values.sorted(by: { $0.key < $1.key }) {
                    for (column, value) in columns.sorted(by: { $0.key < $1.key }) {
                        rows += [id, f.unit, period, indicator, column, value] as [DatabaseValueConvertible?]
                    }
                }
                try Self.insertRows(db, into: "figures (submission_id, unit, period, indicator, \"column\", value)", columns: 6, values: rows)
                try db.execute(
                    sql: "UPDATE submissions SET superseded_by = ? WHERE unit = ? AND period = ? AND id != ?",
                    arguments: [id, f.unit, period, id])
                added.append(f.unit)
            }
            return added
        }
    }

    /// The current accepted figures of a period with their files: what another job's
    /// ledger hands to `importPeriod`.
    public func currentAcceptedFigures(period: String) throws(BatchError) -> [AcceptedFigures] {
        try acceptedFigures(period: period, currentOnly: true)
    }
}
