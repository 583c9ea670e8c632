/// What the provincial workbook and the reports know beyond the period's own files: the
/// job's other periods, the period's timeliness and the yearly targets to track.
public struct PeriodContext: Sendable {
    public var history: History
    public var timeliness: Timeliness?
    public var targets: [YearlyTarget]
    /// How many earlier periods the year-over-year sheet shows at most (the latest ones).
    public var periodsShown: Int

    public init(history: History = .empty, timeliness: Timeliness? = nil, targets: [YearlyTarget] = [], periodsShown: Int = 4) {
        self.history = history
        self.timeliness = timeliness
        self.targets = targets
        self.periodsShown = periodsShown
    }
}
