/// What the job knows of other periods: each unit's accepted, current figures per period
/// (from the ledger, or imported from an earlier ledger or consolidated workbook). Rules
/// read it through `prev(…)`, baselines can be taken from it, outliers are measured
/// against it and the year-over-year sheet shows it. Empty when the job has no history.
public struct History: Sendable, Hashable {
    /// Period text (`2015`) → unit → indicator → column → value.
    public var periods: [String: [String: [String: [String: Double]]]]

    public init(periods: [String: [String: [String: [String: Double]]]] = [:]) {
        self.periods = periods
    }

    /// No other period.
    public static let empty = History()

    /// A unit's accepted value of an indicator's column in a period; nil when unknown.
    public func value(unit: String, period: String, indicator: String, column: String) -> Double? {
        periods[period]?[unit]?[indicator]?[column]
    }

    /// The periods held, oldest first (text order is time order for one kind).
    public var periodTexts: [String] { periods.keys.sorted() }

    /// The periods held before `period`, oldest first.
    public func periods(before period: Period) -> [String] {
        periodTexts.filter { period.kind.parse($0).map { $0 < period } ?? false }
    }

    /// Every figure as one line `period\tunit\tindicator\tcolumn\tvalue`, sorted: what a run's
    /// fingerprint hashes, so that a changed earlier period makes the next run redo its work.
    public var canonicalLines: [String] {
        var lines: [String] = []
        for (p, units) in periods {
            for (u, indicators) in units {
                for (i, columns) in indicators {
                    for (c, v) in columns { lines.append("\(p)\t\(u)\t\(i)\t\(c)\t\(v)") }
                }
            }
        }
        return lines.sorted()
    }

    /// Only the periods before `period`: what a run of `period` reads, so that running a
    /// later period never changes an earlier one's outputs (nor its fingerprint).
    public func before(_ period: Period) -> History {
        let keep = Set(periods(before: period))
        return History(periods: periods.filter { keep.contains($0.key) })
    }

    /// History without `period` (a run never reads its own period as history).
    public func excluding(_ period: String) -> History {
        var h = self
        h.periods[period] = nil
        return h
    }
}
