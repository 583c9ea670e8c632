/// Figures far from the unit's own history and from the other units of the period, by the
/// modified z-score 0.6745·(x − median)/MAD (Iglewicz and Hoaglin, 1993). Warnings only:
/// an outlier may be true (a district that cleared 20 villages in a year), so the clerk is
/// asked to check, never refused.
///
/// Two comparisons, each where the data allow it:
/// - with the other units: each unit's year-on-year ratio x / previous (units differ in
///   size, their changes are comparable), over the units with a previous figure (at least
///   `minUnits`);
/// - with the unit's own history: x against its values of earlier periods (at least
///   `minHistory`).
/// When MAD is 0 the mean absolute deviation stands in (z = (x − median)/(1.253314·MeanAD)).
/// The sentence names the range the figure was expected in: the unit's own earlier values
/// when it has enough of them, else its previous figure scaled by the middle half of the
/// other units' ratios.
public struct OutlierFinder: Sendable {
    public let template: Template
    public let settings: OutlierSettings

    public init(template: Template, settings: OutlierSettings? = nil) {
        self.template = template
        self.settings = settings ?? template.outliers
    }

    /// The outlier issues of each submission (parallel to `submissions`, the period's
    /// current accepted ones).
    public func issues(for submissions: [Submission], history: History, period: Period) -> [[Issue]] {
        var out = Array(repeating: [Issue](), count: submissions.count)
        guard settings.enabled, !submissions.isEmpty else { return out }
        let previous = period.previous.description
        let earlier = history.periods(before: period)
        for ind in template.indicators where settings.indicators?.contains(ind.code) ?? true {
            let columns = settings.columns?.filter { ind.applies($0) } ?? Array(ind.columns.suffix(1))
            for column in columns {
                var ratios: [Double] = []
                for s in submissions {
                    if let x = s.values[ind.code]?[column],
                        let p = history.value(unit: s.unit, period: previous, indicator: ind.code, column: column), p > 0
                    {
                        ratios.append(x / p)
                    }
                }
                let crossUnit = ratios.count >= settings.minUnits ? Spread(ratios) : nil
                for (i, s) in submissions.enumerated() {
                    guard let x = s.values[ind.code]?[column] else { continue }
                    let prev = history.value(unit: s.unit, period: previous, indicator: ind.code, column: column)
                    if let prev, abs(x - prev) < settings.minDifference { continue }
                    let own = earlier.compactMap { history.value(unit: s.unit, period: $0, indicator: ind.code, column: column) }
                    var usual: (Double, Double)?
                    var z: Double?
                    if own.count >= settings.minHistory, let spread = Spread(own), let oz = spread.z(x), abs(oz) > settings.threshold {
                        z = oz
                        usual = (own.min()!, own.max()!)
                    }
                    if z == nil, let prev, prev > 0, let spread = crossUnit, let cz = spread.z(x / prev), abs(cz) > settings.threshold {
                        z = cz
                        usual = (prev * spread.quartiles.0, prev * spread.quartiles.1)
                    }
                    guard let z, let usual else { continue }
                    out[i].append(issue(s, ind, column, x, z: z, usual: usual, previous: prev))
                }
            }
        }
        return out
    }

    private func issue(_ s: Submission, _ ind: Indicator, _ column: String, _ x: Double, z: Double, usual: (Double, Double), previous: Double?) -> Issue {
        let integer = ind.spec.type == .integer
        func show(_ v: Double) -> String { Value.number(integer ? v.rounded() : (v * 100).rounded() / 100).display }
        let low = min(usual.0, usual.1), high = max(usual.0, usual.1)
        let above = x > high
        var params: [String: String] = [
            "unit": s.unit, "low": show(low), "high": show(high),
            "direction.vi": above ? "cao hơn nhiều so với" : "thấp hơn nhiều so với",
            "direction.en": above ? "above" : "below",
            "indicator.vi": "\(ind.code) (\(ind.label.vi))", "indicator.en": "\(ind.code) (\(ind.label.en))",
            "z": String((z * 10).rounded() / 10),
        ]
        if let previous { params["previous"] = show(previous) }
        if let vc = template.form(holding: ind.code)?.column(column) {
            params["column.vi"] = "\(ind.code) – \(vc.label.vi)"
            params["column.en"] = "\(ind.code) – \(vc.label.en)"
        }
        let at = s.cells[ind.code]?[column]
        return Issue(
            code: "outlier", severity: .warning, file: s.file, sheet: at?.sheet, cell: at?.cell, expected: nil,
            found: show(x), params: params)
    }
}

/// Median, MAD and quartiles of a sample, for the modified z-score.
struct Spread {
    let median: Double
    let mad: Double
    let meanAD: Double
    let quartiles: (Double, Double)

    init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let m = Spread.quantile(sorted, 0.5)
        median = m
        let deviations = values.map { abs($0 - m) }
        mad = Spread.quantile(deviations.sorted(), 0.5)
        meanAD = deviations.reduce(0, +) / Double(deviations.count)
        quartiles = (Spread.quantile(sorted, 0.25), Spread.quantile(sorted, 0.75))
    }

    /// The modified z-score of `x`; nil when the sample has no spread at all.
    func z(_ x: Double) -> Double? {
        if mad > 0 { return 0.6745 * (x - median) / mad }
        if meanAD > 0 { return (x - median) / (1.253314 * meanAD) }
        return nil
    }

    /// Linear interpolation between order statistics (type 7, as R and numpy by default).
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let h = Double(sorted.count - 1) * q
        let lo = Int(h.rounded(.down)), hi = min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }
}
