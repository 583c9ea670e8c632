/// One row of the consolidated summary, in the template's order. Consolidation is
/// generic: it sums indicators across units and computes these rows, nothing else.
public struct SummaryRow: Sendable, Hashable {
    /// What the row shows.
    public enum Kind: Sendable, Hashable {
        /// A section heading (label only).
        case heading
        /// An indicator's totals per value column, the change (last column minus first),
        /// and, when `target` names another indicator, the target (its total in the
        /// last column) and the attainment (total / target).
        case indicator(code: String, target: String?)
        /// numerator / denominator per value column (totals first, then divided), e.g.
        /// `DV_CO / DV`; shown as a percentage when `percent` is true.
        case ratio(numerator: String, denominator: String)
    }

    public var kind: Kind
    /// The row's label (an indicator row defaults to the indicator's label).
    public var label: Localized
    /// The value columns shown, in order (an indicator row defaults to the indicator's columns;
    /// a ratio row to the columns both indicators share).
    public var columns: [String]
    /// Ratios: show as a percentage (default) or as a plain number.
    public var percent: Bool

    public init(kind: Kind, label: Localized, columns: [String], percent: Bool = true) {
        self.kind = kind
        self.label = label
        self.columns = columns
        self.percent = percent
    }
}
