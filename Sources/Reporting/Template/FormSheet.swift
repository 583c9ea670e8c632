import XLSX

/// A form sheet: one row per indicator, several value columns (baseline, current).
public struct FormSheet: Sendable {
    /// The sheet name (`Chỉ tiêu`), matched with `LabelKey` folding.
    public var sheet: String
    /// The sheet's title (A1 of the blank form).
    public var title: Localized?
    /// A subtitle line (A2 of the blank form), e.g. the period covered.
    public var subtitle: Localized?
    /// The column holding indicator codes (`A`); nil when every indicator has fixed cells.
    public var keyColumn: Int?
    /// The header row (zero-based) of the blank form, and the first row searched for codes.
    public var headerRow: Int
    /// Descriptive columns of the blank form: STT, label, unit of measure, notes.
    public var labelColumns: FormLabelColumns
    /// The value columns, in order (`baseline` in E, `current` in F).
    public var columns: [ValueColumn]
    /// The last column data may use; anything to the right is `data-outside-area`.
    public var lastColumn: Int
    /// The indicators, in template order.
    public var indicators: [Indicator]

    public init(
        sheet: String, title: Localized? = nil, subtitle: Localized? = nil, keyColumn: Int?,
        headerRow: Int, labelColumns: FormLabelColumns = .init(), columns: [ValueColumn],
        lastColumn: Int, indicators: [Indicator]
    ) {
        self.sheet = sheet
        self.title = title
        self.subtitle = subtitle
        self.keyColumn = keyColumn
        self.headerRow = headerRow
        self.labelColumns = labelColumns
        self.columns = columns
        self.lastColumn = lastColumn
        self.indicators = indicators
    }

    /// The value column with this id.
    public func column(_ id: String) -> ValueColumn? { columns.first { $0.id == id } }
}

/// Where the blank form writes an indicator's descriptive fields (zero-based columns).
public struct FormLabelColumns: Sendable, Hashable {
    /// Columns for STT, the label, the unit of measure and notes.
    public var number: Int?
    public var label: Int?
    public var unit: Int?
    public var note: Int?
    /// Header labels for those columns and the key column.
    public var headers: [Int: Localized]

    public init(number: Int? = nil, label: Int? = nil, unit: Int? = nil, note: Int? = nil, headers: [Int: Localized] = [:]) {
        self.number = number
        self.label = label
        self.unit = unit
        self.note = note
        self.headers = headers
    }
}

/// A value column of a form: `baseline` (E) or `current` (F).
public struct ValueColumn: Sendable, Hashable {
    /// The id rules and consolidation use (`baseline`, `current`).
    public var id: String
    /// Zero-based column index.
    public var column: Int
    /// The header label.
    public var label: Localized
    /// Where the job's history supplies this column's values (a baseline the district need
    /// not type again): the unit's accepted value of another column in another period.
    public var fromHistory: HistorySource?

    public init(id: String, column: Int, label: Localized, fromHistory: HistorySource? = nil) {
        self.id = id
        self.column = column
        self.label = label
        self.fromHistory = fromHistory
    }
}

/// `from_history: { period: "2015", column: current }`: a value column taken from the
/// unit's accepted figures of another period. `period` nil means the previous period.
public struct HistorySource: Sendable, Hashable {
    public var period: String?
    public var column: String

    public init(period: String?, column: String) {
        self.period = period
        self.column = column
    }
}

/// One indicator of a form: a code (`DV_CO`), a label and a value per applicable column.
public struct Indicator: Sendable, Hashable {
    /// The code in the key column and in rule expressions.
    public var code: String
    /// Row number shown in the STT column (`1`, `2.1`), when the template gives one.
    public var number: String?
    public var label: Localized
    /// Unit of measure (`đảng viên`, `đơn vị`).
    public var measure: Localized?
    /// Type and constraints of every value of this indicator (`required` means
    /// every applicable column must be filled).
    public var spec: FieldSpec
    /// Ids of the value columns that apply (`[current]` for a target); others must stay blank.
    public var columns: [String]
    /// Fixed cells by column id, for indicators not found by code.
    public var cells: [String: CellRef]

    public init(
        code: String, number: String? = nil, label: Localized, measure: Localized? = nil,
        spec: FieldSpec, columns: [String], cells: [String: CellRef] = [:]
    ) {
        self.code = code
        self.number = number
        self.label = label
        self.measure = measure
        self.spec = spec
        self.columns = columns
        self.cells = cells
    }

    /// True when the value column applies to this indicator.
    public func applies(_ column: String) -> Bool { columns.contains(column) }
}
