import XLSX

/// The figures of one accepted (or accepted-with-warnings) submission, as validation
/// extracted them: what consolidation works on. Values are already typed and checked.
public struct Submission: Sendable, Hashable {
    /// The file name as submitted.
    public var file: String
    /// Unit code (`MNH`) and period (`2016`) as the workbook states them.
    public var unit: String
    public var period: String
    /// Indicator code -> value column id (`baseline`, `current`) -> value. A blank
    /// (not applicable) cell is absent, never zero.
    public var values: [String: [String: Double]]
    /// List id (`thon_ban`) -> rows in sheet order.
    public var lists: [String: [ListRow]]

    public init(
        file: String, unit: String, period: String, values: [String: [String: Double]],
        lists: [String: [ListRow]]
    ) {
        self.file = file
        self.unit = unit
        self.period = period
        self.values = values
        self.lists = lists
    }
}

/// One row of a list sheet: typed values by column id, and where it came from.
public struct ListRow: Sendable, Hashable {
    /// The sheet row, zero-based (row 4 in A1 is 3).
    public var row: Int
    /// Column id (`xa`, `thon`, `ngay_sinh`) -> typed value. Dates are `.date`, booleans `.bool`.
    public var values: [String: CellValue]

    public init(row: Int, values: [String: CellValue]) {
        self.row = row
        self.values = values
    }

    public subscript(column: String) -> CellValue { values[column] ?? .empty }
}
