import Foundation
import GRDB
import Reporting

/// One file's outcome, as a run hands it to the ledger.
public struct LedgerEntry: Sendable {
    public var file: InboxFile
    public var report: FileReport
    /// The figures, for accepted submissions.
    public var submission: Submission?
    /// The inbox file that supersedes this one in this run (same unit and period, newer).
    public var supersededBy: InboxFile?

    public init(file: InboxFile, report: FileReport, submission: Submission?, supersededBy: InboxFile?) {
        self.file = file
        self.report = report
        self.submission = submission
        self.supersededBy = supersededBy
    }
}

/// A submission as the ledger remembers it.
public struct LedgerSubmission: Sendable, Hashable {
    public var id: Int64
    public var hash: String
    public var file: String
    public var unit: String?
    public var period: String?
    /// The file's fate when last validated (the ledger stores its raw value).
    public var status: FileStatus
    public var errors: Int
    public var warnings: Int
    public var supersededBy: Int64?
    /// When the ledger first saw it (wall clock, UTC).
    public var receivedAt: String
    /// When it counts as received (its receipt, else its file time), in its offset.
    public var received: Timestamp
    /// `upload`, `sample`, `import`, `file-time`...
    public var receivedVia: String
}

extension Ledger {
    /// The content hashes the ledger has seen, among `hashes`.
    public func seenHashes(_ hashes: [String]) throws(BatchError) -> Set<String> {
        try read { db in
            var seen = Set<String>()
            let st = try db.cachedStatement(sql: "SELECT 1 FROM submissions WHERE hash = ? LIMIT 1")
            for h in Set(hashes) where try Bool.fetchOne(st, arguments: [h]) != nil { seen.insert(h) }
            return seen
        }
    }

    /// Records a completed run in one transaction: every file's submission row (first seen
    /// keeps its received time), issues, accepted figures, supersession (in the inbox and
    /// against the history of the same unit and period), the outputs and the run's counts.
    public func finishRun(
        _ runID: Int64, entries: [LedgerEntry], exitCode: Int32, fingerprint: String, counts: RunCounts,
        workbook: String?, outputs: [String: String], at end: Date,
        beforeCommit: () throws(BatchError) -> Void = {}
    ) throws(BatchError) {
        let now = LedgerTime.string(end)
        try write { db in
            var ids: [String: Int64] = [:]  // "hash/name" -> id
            let find = try db.cachedStatement(sql: "SELECT id FROM submissions WHERE hash = ? AND file = ?")
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO submissions (hash, file, unit, period, received_at, modified_at, size, status,
                        errors, warnings, infos, first_run, last_run, received, received_offset, received_via)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let update = try db.cachedStatement(
                sql: """
                    UPDATE submissions SET unit = ?, period = ?, modified_at = ?, status = ?, errors = ?,
                        warnings = ?, infos = ?, last_run = ? WHERE id = ?
                    """)
            let insertIssue = try db.cachedStatement(
                sql: """
                    INSERT INTO issues (submission_id, seq, code, severity, sheet, cell, expected, found, params)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            // Every statement run once per entry or output is prepared once (compiling them
            // again for each of a thousand entries was most of the transaction's time).
            let deleteIssues = try db.cachedStatement(sql: "DELETE FROM issues WHERE submission_id = ?")
            let deleteFigures = try db.cachedStatement(sql: "DELETE FROM figures WHERE submission_id = ?")
            let setSuperseded = try db.cachedStatement(sql: "UPDATE submissions SET superseded_by = ? WHERE id = ?")
            let supersedeOthers = try db.cachedStatement(
                sql: "UPDATE submissions SET superseded_by = ? WHERE unit = ? AND period = ? AND id != ?")
            for e in entries {
                let r = e.report
                let id: Int64
                if let existing = try Int64.fetchOne(find, arguments: [e.file.hash, e.file.name]) {
                    id = existing
                    try update.execute(arguments: [
                        r.unit, r.period, e.file.modified, r.status.rawValue, r.errorCount, r.warningCount,
                        r.infoCount, runID, id,
                    ])
                    try deleteIssues.execute(arguments: [id])
                    try deleteFigures.execute(arguments: [id])
                } else {
                    try insert.execute(arguments: [
                        e.file.hash, e.file.name, r.unit, r.period, now, e.file.modified, e.file.size,
                        r.status.rawValue, r.errorCount, r.warningCount, r.infoCount, runID, runID,
                        e.file.received.seconds, e.file.received.offset, e.file.receivedVia,
                    ])
                    id = db.lastInsertedRowID
                }
                ids[e.file.hash + "/" + e.file.name] = id
                for (seq, issue) in r.issues.enumerated() {
                    try insertIssue.execute(arguments: [
                        id, seq, issue.code, issue.severity.rawValue, issue.sheet, issue.cell, issue.expected,
                        issue.found, Self.json(issue.params),
                    ])
                }
                if let s = e.submission, r.status == .accepted || r.status == .acceptedWithWarnings {
                    // A submission's figures in one statement (one per figure cost more in
                    // statement calls than SQLite's own work).
                    var rows: [DatabaseValueConvertible?] = []
                    for (indicator, columns) in s.values.sorted(by: { $0.key < $1.key }) {
                        for (column, value) in columns.sorted(by: { $0.key < $1.key }) {
                            rows += [id, s.unit, s.period, indicator, column, value] as [DatabaseValueConvertible?]
                        }
                    }
                    try Self.insertRows(db, into: "figures (submission_id, unit, period, indicator, \"column\", value)", columns: 6, values: rows)
                }
            }
            // Supersession. Inside the inbox: as the run decided. Against the history: the
            // current submission of a unit and period supersedes every other row of that group.
            var groups: [String: [Int64]] = [:]  // "unit\0period" -> ids in this run
            for e in entries {
                guard let unit = e.report.unit, let period = e.report.period else { continue }
                groups[unit + "\u{0}" + period, default: []].append(ids[e.file.hash + "/" + e.file.name]!)
            }
            for e in entries {
                let id = ids[e.file.hash + "/" + e.file.name]!
                if let winner = e.supersededBy {
                    try setSuperseded.execute(arguments: [ids[winner.hash + "/" + winner.name], id])
                } else if let unit = e.report.unit, let period = e.report.period {
                    try setSuperseded.execute(arguments: [nil, id])
                    let inRun = groups[unit + "\u{0}" + period] ?? [id]
                    if inRun == [id] {
                        try supersedeOthers.execute(arguments: [id, unit, period, id])
                    } else {
                        try db.execute(
                            sql: """
                                UPDATE submissions SET superseded_by = ?
                                WHERE unit = ? AND period = ? AND id NOT IN (\(inRun.map(String.init).joined(separator: ",")))
                                """,
                            arguments: [id, unit, period])
                    }
                }
            }
            try pruneOutputs(db, keeping: runID)
            try updateRun(
                db, id: runID, outcome: "completed", exitCode: exitCode, fingerprint: fingerprint, counts: counts,
                workbook: workbook, end: end)
            try Self.insertRows(
                db, into: "outputs (run_id, path, hash)", columns: 3,
                values: outputs.sorted(by: { $0.key < $1.key }).flatMap { [runID, $0.key, $0.value] as [DatabaseValueConvertible?] })
            try beforeCommit()  // thrown, it rolls the whole transaction back
        }
    }

    /// For each inbox file, the SHA-256 of the earlier content it replaced under its own
    /// name, or nil: the ledger's latest row with the same file name, unit and period and
    /// other content, unless a file of another name superseded that row (then it was
    /// replaced, and counted, before). Files without a unit or period replace nothing.
    public func replacedInPlace(_ files: [(name: String, hash: String, unit: String?, period: String?)]) throws(BatchError)
        -> [String?]
    {
        try read { db in
            let st = try db.cachedStatement(
                sql: """
                    SELECT s.hash, w.file AS winner FROM submissions s
                    LEFT JOIN submissions w ON w.id = s.superseded_by
                    WHERE s.file = ? AND s.unit = ? AND s.period = ? AND s.hash != ?
                    ORDER BY s.id DESC LIMIT 1
                    """)
            return try files.map { f -> String? in
                guard let unit = f.unit, let period = f.period,
                    let row = try Row.fetchOne(st, arguments: [f.name, unit, period, f.hash])
                else { return nil }
                let winner: String? = row["winner"]
                return winner == nil || winner == f.name ? row["hash"] : nil
            }
        }
    }

    /// For each (file name, content hash), the receipt time the ledger recorded when it
    /// first saw that content under that name, or nil when it never did.
    public func receivedTimes(_ files: [(name: String, hash: String)]) throws(BatchError)
        -> [(time: Timestamp, via: String)?]
    {
        try read { db in
            let st = try db.cachedStatement(
                sql: "SELECT received, received_offset, received_via FROM submissions WHERE hash = ? AND file = ? AND received IS NOT NULL")
            return try files.map { f -> (time: Timestamp, via: String)? in
                guard let row = try Row.fetchOne(st, arguments: [f.hash, f.name]) else { return nil }
                return (Timestamp(seconds: row["received"], offset: row["received_offset"]), row["received_via"])
            }
        }
    }

    /// Every submission of a unit and period, oldest first.
    public func submissions(unit: String, period: String) throws(BatchError) -> [LedgerSubmission] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM submissions WHERE unit = ? AND period = ? ORDER BY id",
                arguments: [unit, period]
            ).map(Self.submission(from:))
        }
    }

    /// Every submission, oldest first.
    public func allSubmissions() throws(BatchError) -> [LedgerSubmission] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM submissions ORDER BY id").map(Self.submission(from:)) }
    }

    /// The accepted, current figures of a period: unit -> indicator -> column -> value.
    public func currentFigures(period: String) throws(BatchError) -> [String: [String: [String: Double]]] {
        try read { db in
            var out: [String: [String: [String: Double]]] = [:]
            for r in try Row.fetchAll(
                db, sql: "SELECT unit, indicator, \"column\", value FROM current_figures WHERE period = ?",
                arguments: [period])
            {
                out[r["unit"], default: [:]][r["indicator"], default: [:]][r["column"]] = r["value"]
            }
            return out
        }
    }

    /// Issue codes recorded for a submission, in order.
    public func issueCodes(submissionID: Int64) throws(BatchError) -> [String] {
        try read { db in
            try String.fetchAll(
                db, sql: "SELECT code FROM issues WHERE submission_id = ? ORDER BY seq", arguments: [submissionID])
        }
    }

    static func submission(from r: Row) -> LedgerSubmission {
        LedgerSubmission(
            id: r["id"], hash: r["hash"], file: r["file"], unit: r["unit"], period: r["period"],
            status: FileStatus(rawValue: r["status"] as String) ?? .unreadable,
            errors: r["errors"], warnings: r["warnings"], supersededBy: r["superseded_by"],
            receivedAt: r["received_at"],
            received: Timestamp(seconds: r["received"] ?? Int64((r["modified_at"] as Double?) ?? 0), offset: r["received_offset"] ?? 0),
            receivedVia: r["received_via"] ?? InboxFile.fileTime)
    }

    /// Inserts `values` (`columns` per row) with multi-row INSERTs of up to 100 rows, each
    /// statement prepared once per shape.
    static func insertRows(_ db: Database, into table: String, columns: Int, values: [DatabaseValueConvertible?]) throws {
        let perStatement = 100 * columns
        let one = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        var start = 0
        while start < values.count {
            let end = min(start + perStatement, values.count)
            let rows = (end - start) / columns
            let sql = "INSERT INTO \(table) VALUES " + Array(repeating: one, count: rows).joined(separator: ", ")
            try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(Array(values[start..<end])))
            start = end
        }
    }

    static func json(_ params: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(params)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
