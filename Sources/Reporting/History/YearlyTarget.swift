/// A yearly target tracked per unit across periods (`history: { targets: … }` in the
/// template): Resolution 04 asks villages without a party member to fall 15–20 % a year,
/// 2,000 new members a year, 45–50 % of organisations rated clean and strong. The
/// year-over-year sheet shows each unit's value and whether it is on course, as formulas.
public struct YearlyTarget: Sendable, Hashable {
    public enum Measure: Sendable, Hashable {
        /// Change in percent of an indicator since the previous period.
        case changePercent(indicator: String)
        /// One indicator as a percentage of another, this period.
        case share(numerator: String, denominator: String)
        /// An indicator against its target indicator (attainment in percent).
        case reach(indicator: String, target: String)
    }

    /// A stable code (`trang-giam`).
    public var code: String
    public var label: Localized
    public var measure: Measure
    /// The value column read (`current`).
    public var column: String
    /// On course when the measure is at least / at most this (percent).
    public var atLeast: Double?
    public var atMost: Double?

    public init(code: String, label: Localized, measure: Measure, column: String, atLeast: Double?, atMost: Double?) {
        self.code = code
        self.label = label
        self.measure = measure
        self.column = column
        self.atLeast = atLeast
        self.atMost = atMost
    }

    /// The indicators the measure reads.
    public var indicators: [String] {
        switch measure {
        case .changePercent(let i): return [i]
        case .share(let n, let d): return [n, d]
        case .reach(let i, let t): return [i, t]
        }
    }

    /// The measure in percent from this period's values and the previous period's; nil when
    /// it cannot be computed (a missing value, a zero base).
    public func value(current: (String) -> Double?, previous: (String) -> Double?) -> Double? {
        switch measure {
        case .changePercent(let i):
            guard let now = current(i), let before = previous(i), before != 0 else { return nil }
            return (now - before) / before * 100
        case .share(let n, let d), .reach(let n, let d):
            guard let a = current(n), let b = current(d), b != 0 else { return nil }
            return a / b * 100
        }
    }

    /// Whether `value` is on course (nil: unknown). A change from zero to zero is on course
    /// (there was nothing left to reduce).
    public func onCourse(_ value: Double?, current: (String) -> Double?, previous: (String) -> Double?) -> Bool? {
        guard let value else {
            if case .changePercent(let i) = measure, current(i) == 0, previous(i) == 0 { return true }
            return nil
        }
        if let atLeast, value < atLeast - 1e-9 { return false }
        if let atMost, value > atMost + 1e-9 { return false }
        return true
    }

    /// `≥ 45 %`, `≤ -15 %`, `45–50 %`.
    public var requirement: String {
        func pct(_ v: Double) -> String { (v == v.rounded() ? String(Int(v)) : String(v)) + " %" }
        switch (atLeast, atMost) {
        case (let a?, let b?): return pct(a).dropLast(2) + "–" + pct(b)
        case (let a?, nil): return "≥ " + pct(a)
        case (nil, let b?): return "≤ " + pct(b)
        default: return ""
        }
    }
}
