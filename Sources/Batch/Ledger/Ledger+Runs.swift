import Foundation
import GRDB

/// A run as the ledger remembers it.
public struct LedgerRun: Sendable, Hashable {
    public var id: Int64
    public var job: String
    public var period: String
    /// running | completed | unchanged | failed | interrupted | imported (`import-period`)
    public var outcome: String
    public var exitCode: Int32?
    public var fingerprint: String?
    public var counts: RunCounts
    /// The provincial workbook's path, when the run wrote one.
    public var workbook: String?
    /// Output path -> SHA-256, as the run wrote them.
    public var outputs: [String: String]
}

extension Ledger {
    /// Records the start of a run; returns its id. Runs still marked `running` are from a
    /// process that died (we hold the lock), and become `interrupted`.
    public func beginRun(job: String, period: String, at start: Date) throws(BatchError) -> Int64 {
        try write { db in
            try db.execute(
                sql: "UPDATE runs SET outcome = 'interrupted' WHERE outcome = 'running' AND job = ? AND period = ?",
                arguments: [job, period])
            try db.execute(
                sql: "INSERT INTO runs (job, period, started_at, outcome) VALUES (?, ?, ?, 'running')",
                arguments: [job, period, LedgerTime.string(start)])
            return db.lastInsertedRowID
        }
    }

    /// Marks a run failed with a message (the job could not run).
    public func failRun(_ id: Int64, message: String, at end: Date) throws(BatchError) {
        try write { db in
            try db.execute(
                sql: "UPDATE runs SET outcome = 'failed', exit_code = 2, ended_at = ?, message = ? WHERE id = ?",
                arguments: [LedgerTime.string(end), message, id])
        }
    }

    /// Marks a run as skipped because nothing changed since `previous`; it repeats its counts.
    public func finishUnchanged(_ id: Int64, previous: LedgerRun, at end: Date) throws(BatchError) {
        try write { db in
            try pruneOutputs(db, keeping: id)
            try updateRun(
                db, id: id, outcome: "unchanged", exitCode: previous.exitCode ?? 0,
                fingerprint: previous.fingerprint, counts: previous.counts, workbook: previous.workbook, end: end)
            for (path, hash) in previous.outputs.sorted(by: { $0.key < $1.key }) {
                try db.execute(
                    sql: "INSERT INTO outputs (run_id, path, hash) VALUES (?, ?, ?)", arguments: [id, path, hash])
            }
        }
    }

    /// Only the latest run's outputs matter (for the unchanged check): drop the older
    /// runs' lists of the same job and period, so the ledger does not grow by thousands
    /// of rows a night.
    func pruneOutputs(_ db: Database, keeping runID: Int64) throws {
        try db.execute(
            sql: """
                DELETE FROM outputs WHERE run_id != ? AND run_id IN (
                    SELECT r.id FROM runs r JOIN runs k ON k.id = ? WHERE r.job = k.job AND r.period = k.period)
                """, arguments: [runID, runID])
    }

    func updateRun(
        _ db: Database, id: Int64, outcome: String, exitCode: Int32, fingerprint: String?, counts: RunCounts,
        workbook: String?, end: Date
    ) throws {
        try db.execute(
            sql: """
                UPDATE runs SET outcome = ?, exit_code = ?, fingerprint = ?, ended_at = ?, files = ?, new_files = ?,
                    accepted = ?, rejected = ?, unreadable = ?, superseded = ?, missing = ?, expected = ?, workbook = ?
                WHERE id = ?
                """,
            arguments: [
                outcome, exitCode, fingerprint, LedgerTime.string(end), counts.files, counts.newFiles,
                counts.accepted, counts.rejected, counts.unreadable, counts.superseded, counts.missing,
                counts.expected, workbook, id,
            ])
    }

    /// The latest run of `job` for `period` that completed (or was skipped as unchanged).
    public func lastCompletedRun(job: String, period: String) throws(BatchError) -> LedgerRun? {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT * FROM runs WHERE job = ? AND period = ? AND outcome IN ('completed', 'unchanged')
                        ORDER BY id DESC LIMIT 1
                        """, arguments: [job, period])
            else { return nil }
            return try Self.run(from: row, db)
        }
    }

    /// Every run, oldest first (for tests and `sqlite3` users).
    public func runs() throws(BatchError) -> [LedgerRun] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM runs ORDER BY id").map { try Self.run(from: $0, db) } }
    }

    static func run(from row: Row, _ db: Database) throws -> LedgerRun {
        var counts = RunCounts()
        counts.files = row["files"]
        counts.newFiles = row["new_files"]
        counts.accepted = row["accepted"]
        counts.rejected = row["rejected"]
        counts.unreadable = row["unreadable"]
        counts.superseded = row["superseded"]
        counts.missing = row["missing"]
        counts.expected = row["expected"]
        let id: Int64 = row["id"]
        var outputs: [String: String] = [:]
        for o in try Row.fetchAll(db, sql: "SELECT path, hash FROM outputs WHERE run_id = ?", arguments: [id]) {
            outputs[o["path"]] = o["hash"]
        }
        return LedgerRun(
            id: id, job: row["job"], period: row["period"], outcome: row["outcome"], exitCode: row["exit_code"],
            fingerprint: row["fingerprint"], counts: counts, workbook: row["workbook"], outputs: outputs)
    }
}
