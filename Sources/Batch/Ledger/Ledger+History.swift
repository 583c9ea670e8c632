import GRDB
import Reporting

extension Ledger {
    /// Every submission of a period with a unit, oldest first.
    public func submissions(period: String) throws(BatchError) -> [LedgerSubmission] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM submissions WHERE period = ? AND unit IS NOT NULL ORDER BY id",
                arguments: [period]
            ).map(Self.submission(from:))
        }
    }

    /// The accepted, current figures of every period but `period`: what rules, outliers
    /// and the year-over-year sheet read as the job's history.
    public func history(excluding period: String) throws(BatchError) -> History {
        try read { db in
            var periods: [String: [String: [String: [String: Double]]]] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT period, unit, indicator, \"column\", value FROM current_figures WHERE period != ?",
                arguments: [period])
            while let r = try rows.next() {
                periods[r["period"], default: [:]][r["unit"], default: [:]][r["indicator"], default: [:]][r["column"]] =
                    r["value"]
            }
            return History(periods: periods)
        }
    }
}
