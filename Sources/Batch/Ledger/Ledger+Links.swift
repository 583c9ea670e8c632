import Foundation
import GRDB
import Reporting

/// A link of the upload server as the ledger keeps it: never the token, only its SHA-256.
public struct LedgerLink: Sendable, Hashable {
    /// The row's id (an upload names the link it came by).
    public var id: Int64
    /// The job's name and the period the link is for.
    public var job: String
    public var period: String
    /// The unit the link reaches; nil for the province's link.
    public var unit: String?
    /// When it was made and, once revoked, when (wall clock, UTC).
    public var createdAt: String
    public var revokedAt: String?

    /// Whether the link still opens its page.
    public var isRevoked: Bool { revokedAt != nil }
}

/// One upload through a unit's link, and what validation made of it.
public struct LedgerUpload: Sendable, Hashable {
    /// The row's id.
    public var id: Int64
    /// The unit whose link it came by, and the period.
    public var unit: String
    public var period: String
    /// The inbox name it was placed under; nil when it was not placed (rejected, unreadable).
    public var file: String?
    /// The name the browser sent (shown, never used as a path).
    public var sentName: String
    /// SHA-256 of the file's bytes (lowercase hex) and its size.
    public var sha256: String
    public var size: Int64
    /// Its receipt time.
    public var received: Timestamp
    /// What validation made of it, with its counts of errors and warnings.
    public var status: FileStatus
    public var errors: Int
    public var warnings: Int
    /// What the nightly run made of it when it has seen it: the submission's status and
    /// whether a later file replaced it (nil: not run since).
    public var nightly: LedgerSubmission?
}

/// A new upload for `recordUpload`.
public struct UploadRecord: Sendable {
    /// The link it came by, its unit and period; the inbox name it was placed under (nil:
    /// not placed) and the name the browser sent; its content; its receipt time; its report.
    public var linkID: Int64
    public var unit: String
    public var period: String
    public var file: String?
    public var sentName: String
    public var sha256: String
    public var size: Int64
    public var received: Timestamp
    public var report: FileReport

    /// An upload's record (see the fields).
    public init(
        linkID: Int64, unit: String, period: String, file: String?, sentName: String, sha256: String, size: Int64,
        received: Timestamp, report: FileReport
    ) {
        self.linkID = linkID
        self.unit = unit
        self.period = period
        self.file = file
        self.sentName = sentName
        self.sha256 = sha256
        self.size = size
        self.received = received
        self.report = report
    }
}

extension Ledger {
    /// Records a new link (its token's SHA-256) for a unit, or the province (`unit` nil),
    /// and revokes that unit's (or the province's) earlier links of the job and period, so
    /// that only the newest link of each opens its page. Returns the new link's id.
    @discardableResult
    public func addLink(job: String, period: String, unit: String?, tokenSHA256: String, at time: Date) throws(BatchError)
        -> Int64
    {
        let now = LedgerTime.string(time)
        return try write { db in
            try db.execute(
                sql: "UPDATE links SET revoked_at = ? WHERE job = ? AND period = ? AND unit IS ? AND revoked_at IS NULL",
                arguments: [now, job, period, unit])
            try db.execute(
                sql: "INSERT INTO links (job, period, unit, token_sha256, created_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [job, period, unit, tokenSHA256, now])
            return db.lastInsertedRowID
        }
    }

    /// Revokes the unit's (or, `unit` nil, the province's) links of the job and period;
    /// returns how many were open.
    @discardableResult
    public func revokeLinks(job: String, period: String, unit: String?, at time: Date) throws(BatchError) -> Int {
        try write { db in
            try db.execute(
                sql: "UPDATE links SET revoked_at = ? WHERE job = ? AND period = ? AND unit IS ? AND revoked_at IS NULL",
                arguments: [LedgerTime.string(time), job, period, unit])
            return db.changesCount
        }
    }

    /// The link whose token has this SHA-256, revoked or not; nil when there is none.
    public func link(tokenSHA256: String) throws(BatchError) -> LedgerLink? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM links WHERE token_sha256 = ?", arguments: [tokenSHA256]).map {
                LedgerLink(
                    id: $0["id"], job: $0["job"], period: $0["period"], unit: $0["unit"], createdAt: $0["created_at"],
                    revokedAt: $0["revoked_at"])
            }
        }
    }

    /// Records an upload; returns its id.
    @discardableResult
    public func recordUpload(_ u: UploadRecord) throws(BatchError) -> Int64 {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO uploads (link_id, unit, period, file, sent_name, sha256, size, received, received_offset,
                        status, errors, warnings)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    u.linkID, u.unit, u.period, u.file, u.sentName, u.sha256, u.size, u.received.seconds,
                    u.received.offset, u.report.status.rawValue, u.report.errorCount, u.report.warningCount,
                ])
            return db.lastInsertedRowID
        }
    }

    /// A unit's uploads of a period, newest first, each with what the nightly run made of
    /// it when it has seen it (the submission of the same content and inbox name).
    public func uploads(unit: String, period: String) throws(BatchError) -> [LedgerUpload] {
        try read { db in
            let nightly = try db.cachedStatement(sql: "SELECT * FROM submissions WHERE hash = ? AND file = ?")
            return try Row.fetchAll(
                db, sql: "SELECT * FROM uploads WHERE unit = ? AND period = ? ORDER BY id DESC", arguments: [unit, period]
            ).map { r in
                let file: String? = r["file"]
                let sha: String = r["sha256"]
                let seen = try file.flatMap { try Row.fetchOne(nightly, arguments: [sha, $0]) }.map(Self.submission(from:))
                return LedgerUpload(
                    id: r["id"], unit: r["unit"], period: r["period"], file: file, sentName: r["sent_name"], sha256: sha,
                    size: r["size"], received: Timestamp(seconds: r["received"], offset: r["received_offset"]),
                    status: FileStatus(rawValue: r["status"] as String) ?? .unreadable, errors: r["errors"],
                    warnings: r["warnings"], nightly: seen)
            }
        }
    }
}

extension Ledger {
    /// Uploads of a period placed in the inbox that no run has seen yet, counted by unit.
    public func waitingUploads(period: String) throws(BatchError) -> [String: Int] {
        try read { db in
            var out: [String: Int] = [:]
            for r in try Row.fetchAll(
                db,
                sql: """
                    SELECT u.unit, COUNT(*) AS n FROM uploads u
                    WHERE u.period = ? AND u.file IS NOT NULL
                      AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.hash = u.sha256 AND s.file = u.file)
                    GROUP BY u.unit
                    """, arguments: [period])
            {
                out[r["unit"]] = r["n"]
            }
            return out
        }
    }
}
