/// The consolidated figures of one period: what the provincial workbook shows.
///
/// Only accepted submissions are counted. A unit that did not submit, or whose file
/// was rejected, is listed with that status and contributes nothing: every total
/// says how many units it covers.
public struct Consolidation: Sendable, Hashable {
    public var spec: ConsolidationSpec
    /// The period consolidated, typed from the job file to here (its text is `description`).
    public var period: Period
    /// Every expected unit in spec order, then units that submitted without being expected.
    public var units: [UnitResult]
    /// One entry per spec indicator, in spec order.
    public var indicators: [IndicatorSummary]
    /// One entry per spec ratio, in spec order.
    public var ratios: [RatioSummary]
    /// One entry per spec merged list, in spec order.
    public var lists: [MergedListResult]
    /// The action list's rows, by unit (spec order) then the spec's group columns.
    public var actionRows: [UnitListRow]
    /// Cross-unit issues: `unit-missing`, `unit-rejected`, `superseded`,
    /// `duplicate-member`, `village-claimed-twice`; in unit order, then code.
    public var issues: [Issue]

    /// Units whose figures are counted.
    public var consolidatedUnits: [UnitResult] { units.filter { $0.status.isCounted } }
    /// How many units the workbook lists: the expected ones, plus any that submitted
    /// without being expected. The denominator of every coverage (`8/10 đơn vị`).
    public var unitCount: Int { units.count }

    /// The summary of indicator `code`.
    public func indicator(_ code: String) -> IndicatorSummary? { indicators.first { $0.code == code } }
    /// The ratio `id`.
    public func ratio(_ id: String) -> RatioSummary? { ratios.first { $0.id == id } }
    /// The unit `code`.
    public func unit(_ code: String) -> UnitResult? { units.first { $0.code == code } }
}

/// Where a unit stands this period.
public enum UnitStatus: String, Codable, Hashable, Sendable {
    case accepted
    case acceptedWithWarnings = "accepted-with-warnings"
    /// Its file was rejected or unreadable: shown, not counted.
    case rejected
    /// No file for the period: shown, not counted.
    case missing

    /// Whether the unit's figures are in the totals.
    public var isCounted: Bool { self == .accepted || self == .acceptedWithWarnings }

    /// How the workbook names the status.
    public var label: Localized {
        switch self {
        case .accepted: return Localized(vi: "Đã tiếp nhận", en: "Accepted")
        case .acceptedWithWarnings: return Localized(vi: "Tiếp nhận, có cảnh báo", en: "Accepted with warnings")
        case .rejected: return Localized(vi: "Bị từ chối", en: "Rejected")
        case .missing: return Localized(vi: "Chưa nộp", en: "Not submitted")
        }
    }
}

/// One unit's standing and figures.
public struct UnitResult: Sendable, Hashable {
    public var code: String
    public var name: String
    /// False for a unit that submitted without being in the spec's unit list.
    public var expected: Bool
    public var status: UnitStatus
    /// The file consolidated (or rejected), when there is one.
    public var file: String?
    /// Indicator -> value column -> value; empty unless the unit is counted.
    public var values: [String: [String: Double]]
    /// Target attainment by indicator code (indicator / target), when the target is non-zero.
    public var attainment: [String: Double]

    /// The unit's value, nil when not applicable, blank or not counted.
    public func value(_ indicator: String, _ column: String) -> Double? { values[indicator]?[column] }
}

/// A provincial total: the sum over the counted units that have a value, and how
/// many units that is, out of how many expected.
public struct Total: Sendable, Hashable {
    public var value: Double
    /// Units whose value is in the sum.
    public var units: Int
    /// Units listed this period (expected, plus unexpected submitters).
    public var of: Int
}

/// One indicator across the province.
public struct IndicatorSummary: Sendable, Hashable {
    public var code: String
    /// Value column id -> total; a column the indicator does not have is absent.
    public var totals: [String: Total]
    /// current - baseline, when both exist.
    public var change: Double?
    /// (current - baseline) / baseline, when both exist and the baseline is not zero.
    public var relativeChange: Double?
    /// The target indicator and its total, when the spec gives one.
    public var targetIndicator: String?
    public var target: Double?
    /// total / target in the target's column, when the target is not zero.
    public var attainment: Double?

    /// The total of value column `column`.
    public func total(_ column: String) -> Double? { totals[column]?.value }
}

/// A ratio of two indicators' totals, per value column.
public struct RatioSummary: Sendable, Hashable {
    public var id: String
    /// Value column id -> ratio (a fraction: 0.7771), when the denominator is not zero.
    public var values: [String: Double]
    /// (current - baseline) in percentage points (0.97 means +0.97 points).
    public var changePoints: Double?

    /// The ratio in value column `column`.
    public func value(_ column: String) -> Double? { values[column] }
}

/// A list merged across the counted units.
public struct MergedListResult: Sendable, Hashable {
    public var list: String
    public var rows: [UnitListRow]
}

/// A list row with the unit it came from.
public struct UnitListRow: Sendable, Hashable {
    public var unit: String
    public var file: String
    public var row: ListRow
}
