import GRDB
import Reporting

extension Ledger {
    /// Every accepted submission the ledger holds figures for (of a unit and a period, or
    /// all), each group oldest first by receipt time: what the change audit walks.
    /// `excluding`: submissions ("hash/file") not wanted (a run's own files: it holds their
    /// figures already), left out before their figures are read.
    /// `currentOnly`: only those no other submission supersedes.
    public func acceptedFigures(
        unit: String? = nil, period: String? = nil, excluding: Set<String> = [], currentOnly: Bool = false
    ) throws(BatchError) -> [AcceptedFigures]
    {
        try read { db in
            var skip = Set<Int64>()
            var accepted = 0
            if !excluding.isEmpty {
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT id, hash, file FROM submissions WHERE status IN ('accepted', 'accepted-with-warnings')
                          AND (?1 IS NULL OR unit = ?1) AND (?2 IS NULL OR period = ?2)
                        """, arguments: [unit, period])
                while let r = try rows.next() {
                    accepted += 1
                    if excluding.contains((r["hash"] as String) + "/" + (r["file"] as String)) { skip.insert(r["id"]) }
                }
                if skip.count == accepted { return [] }  // a rerun: every one is the run's own
            }
            var byID: [Int64: AcceptedFigures] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT s.id, s.unit, s.period, s.file, s.hash, s.received, s.received_offset, s.modified_at,
                           f.indicator, f."column", f.value
                    FROM submissions s JOIN figures f ON f.submission_id = s.id
                    WHERE s.status IN ('accepted', 'accepted-with-warnings')
                      AND (?1 IS NULL OR s.unit = ?1) AND (?2 IS NULL OR s.period = ?2)
                      AND (?3 = 0 OR s.superseded_by IS NULL)
                    """,
                arguments: [unit, period, currentOnly])
            while let r = try rows.next() {
                let id: Int64 = r["id"]
                if skip.contains(id) { continue }
                if byID[id] == nil {
                    let seconds: Int64 = r["received"] ?? Int64((r["modified_at"] as Double?) ?? 0)
                    byID[id] = AcceptedFigures(
                        unit: r["unit"], period: r["period"], file: r["file"], hash: r["hash"],
                        received: Timestamp(seconds: seconds, offset: r["received_offset"] ?? 0), values: [:])
                }
                byID[id]!.values[r["indicator"], default: [:]][r["column"]] = r["value"]
            }
            return byID.sorted { $0.key < $1.key }.map(\.value).sorted {
                ($0.period, $0.unit, $0.received.seconds, $0.file) < ($1.period, $1.unit, $1.received.seconds, $1.file)
            }
        }
    }
}
