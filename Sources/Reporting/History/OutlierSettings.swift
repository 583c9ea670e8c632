/// How the outlier warning is tuned (`history: { outliers: … }` in the template). On by
/// default for every indicator's last value column.
public struct OutlierSettings: Sendable, Hashable {
    /// Off: no outlier warnings.
    public var enabled = true
    /// |modified z-score| above which a figure is far from the others (3.5, Iglewicz and Hoaglin).
    public var threshold = 3.5
    /// A change smaller than this (in the indicator's unit) is never an outlier: 1 → 3
    /// villages is a tripling, not news.
    public var minDifference = 5.0
    /// Units needed with a previous figure before the units of a period are compared.
    public var minUnits = 5
    /// Periods of a unit's own history needed before a figure is compared with them.
    public var minHistory = 3
    /// Indicators checked; nil: all.
    public var indicators: [String]?
    /// Value columns checked; nil: each indicator's last.
    public var columns: [String]?

    public init() {}
}
