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
    /// Indicator code -> value column id -> where the value sits, for issues found after
    /// validation (outliers) to name the cell.
    public var cells: [String: [String: IndicatorCell]] = [:]

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

/// Where an indicator's value sits in a submission: its sheet and cell (`F7`).
public struct IndicatorCell: Sendable, Hashable {
    public var sheet: String
    public var cell: String

    public init(sheet: String, cell: String) {
        self.sheet = sheet
        self.cell = cell
    }
}

/// The columns a list's rows hold, in one order: one per list and file, shared by every
/// row (a row is an array of values in this order, not a dictionary of its own).
public final class ListLayout: Sendable {
    /// Column ids, in the template's order.
    public let ids: [String]
    private let positions: [String: Int]

    public init(ids: [String]) {
        self.ids = ids
        positions = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Where a column's value sits in a row; nil for a column the list does not have.
    public func position(of id: String) -> Int? { positions[id] }
}

/// One row of a list sheet: typed values by column id, and where it came from.
public struct ListRow: Sendable, Hashable {
    /// The sheet row, zero-based (row 4 in A1 is 3).
    public var row: Int
    /// The list's columns; `cells` follows its order.
    public let layout: ListLayout
    /// The typed value of each column of the layout; nil where the cell was blank or invalid.
    /// Dates are `.date`, booleans `.bool`.
    public private(set) var cells: [CellValue?]

    /// A row of values in a list's layout (`cells.count == layout.ids.count`).
    public init(row: Int, layout: ListLayout, cells: [CellValue?]) {
        precondition(cells.count == layout.ids.count, "a row has one value slot per column of its layout")
        self.row = row
        self.layout = layout
        self.cells = cells
    }

    /// A row from values by column id (its layout: the ids, sorted).
    public init(row: Int, values: [String: CellValue]) {
        let ids = values.keys.sorted()
        self.init(row: row, layout: ListLayout(ids: ids), cells: ids.map { values[$0] })
    }

    /// The typed value in a column, nil when the row has none there.
    public func value(_ column: String) -> CellValue? {
        layout.position(of: column).flatMap { cells[$0] }
    }

    /// The typed value in a column, `.empty` when the row has none there.
    public subscript(column: String) -> CellValue { value(column) ?? .empty }

    /// Column id -> typed value, for the columns that have one.
    public var values: [String: CellValue] {
        var out: [String: CellValue] = [:]
        for (id, v) in zip(layout.ids, cells) { if let v { out[id] = v } }
        return out
    }

    /// Rows are equal when they are the same sheet row with the same values, whatever their layouts.
    public static func == (a: ListRow, b: ListRow) -> Bool {
        a.row == b.row && (a.layout === b.layout ? a.cells == b.cells : a.values == b.values)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(row)
        hasher.combine(values)
    }
}
