import Foundation
import GRDB
import Reporting

/// The province's approval of a unit's figures for a period, as the ledger keeps it.
public struct LedgerApproval: Sendable, Hashable {
    public var id: Int64
    public var unit: String
    public var period: String
    /// The approved submission.
    public var submissionID: Int64
    public var file: String
    public var hash: String
    /// Wall clock, UTC (`LedgerTime`).
    public var approvedAt: String
    public var approvedBy: String
    public var reopenedAt: String?
    public var reopenedBy: String?
    public var note: String?

    /// Whether it still holds (not reopened).
    public var active: Bool { reopenedAt == nil }

    /// One line for the fingerprint: an approval given or taken back changes the outputs.
    var canonicalLine: String {
        "\(unit)\t\(period)\t\(hash)\t\(file)\t\(approvedAt)\t\(approvedBy)\t\(reopenedAt ?? "")"
    }
}

extension Ledger {
    /// Approves the unit's newest acceptable submission of the period (by receipt time): the
    /// one current now, or the file held for review since the last approval. Ends an
    /// earlier approval of the unit and period. Returns the approval.
    @discardableResult
    public func approve(unit: String, period: String, by: String, at date: Date, note: String? = nil)
        throws(BatchError) -> LedgerApproval
    {
        let candidates = try submissions(unit: unit, period: period)
            .filter { $0.status == .accepted || $0.status == .acceptedWithWarnings }
        guard let newest = candidates.max(by: { ($0.received, $0.id) < ($1.received, $1.id) }) else {
            throw .ledger(path: path, reason: "unit \(unit) has no accepted submission for \(period) to approve")
        }
        let now = LedgerTime.string(date)
        try write { db in
            try db.execute(
                sql: "UPDATE approvals SET reopened_at = ?, reopened_by = ? WHERE unit = ? AND period = ? AND reopened_at IS NULL",
                arguments: [now, by, unit, period])
            try db.execute(
                sql: "INSERT INTO approvals (unit, period, submission_id, approved_at, approved_by, note) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [unit, period, newest.id, now, by, note])
        }
        guard let approval = try approvals(unit: unit, period: period).last else {
            throw .ledger(path: path, reason: "the approval of \(unit) \(period) was not recorded")
        }
        return approval
    }

    /// Ends the unit's approval for the period: the newest file counts again. Returns the
    /// approval reopened, or nil when none held.
    @discardableResult
    public func reopen(unit: String, period: String, by: String, at date: Date) throws(BatchError) -> LedgerApproval? {
        guard let open = try activeApprovals(period: period)[unit] else { return nil }
        let now = LedgerTime.string(date)
        try write { db in
            try db.execute(
                sql: "UPDATE approvals SET reopened_at = ?, reopened_by = ? WHERE id = ?", arguments: [now, by, open.id])
        }
        var done = open
        done.reopenedAt = now
        done.reopenedBy = by
        return done
    }

    /// The approvals holding in a period, by unit.
    public func activeApprovals(period: String) throws(BatchError) -> [String: LedgerApproval] {
        var out: [String: LedgerApproval] = [:]
        for a in try approvals(unit: nil, period: period) where a.active { out[a.unit] = a }
        return out
    }

    /// Every approval (of a unit, a period, or all), oldest first.
    public func approvals(unit: String? = nil, period: String? = nil) throws(BatchError) -> [LedgerApproval] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT a.*, s.file, s.hash FROM approvals a JOIN submissions s ON s.id = a.submission_id
                    WHERE (?1 IS NULL OR a.unit = ?1) AND (?2 IS NULL OR a.period = ?2) ORDER BY a.id
                    """,
                arguments: [unit, period]
            ).map { r in
                LedgerApproval(
                    id: r["id"], unit: r["unit"], period: r["period"], submissionID: r["submission_id"], file: r["file"],
                    hash: r["hash"], approvedAt: r["approved_at"], approvedBy: r["approved_by"],
                    reopenedAt: r["reopened_at"], reopenedBy: r["reopened_by"], note: r["note"])
            }
        }
    }
}
