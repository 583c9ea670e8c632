/// What consolidation needs to know about a template: which units are expected, which
/// indicators and value columns to total, which ratios and targets to derive, which
/// lists to merge, which rows form the action list, and which keys the cross-unit
/// checks compare. Plain data: built from a `Template`, or decoded from YAML/JSON.
///
/// Nothing in the consolidation code names a Resolution 04 indicator; everything
/// specific to a template lives in its spec.
public struct ConsolidationSpec: Codable, Hashable, Sendable {
    /// The report's title, used in the workbook title rows.
    public var title: Localized
    /// The units in the order the province lists them.
    public var units: [Unit]
    /// The value columns of the indicator form (`baseline`, `current`), in sheet order.
    public var columns: [ValueColumn]
    /// The column the change is measured from, and the column it is measured to.
    public var baselineColumn: String
    public var currentColumn: String
    /// The indicators, in form order.
    public var indicators: [Indicator]
    /// Ratios derived from two indicators' totals (`DV_CO / DV`).
    public var ratios: [Ratio]
    /// Targets: an indicator measured against another (`KN` against `KN_CT`).
    public var targets: [Target]
    /// Lists merged across units (all rows, each with its unit).
    public var lists: [MergedList]
    /// The rows of one list that still need action (`thon_ban` where `dang_vien == 0`).
    public var actionList: ActionList?
    /// The same person in two units: `duplicate-member`.
    public var personKey: RowKey?
    /// The same place claimed by two units: `village-claimed-twice`.
    public var placeKey: RowKey?
    /// The rows of the summary sheet in order; empty means every indicator, then every ratio.
    public var summary: [SummaryLine]

    public init(
        title: Localized, units: [Unit], columns: [ValueColumn], baselineColumn: String,
        currentColumn: String, indicators: [Indicator], ratios: [Ratio] = [], targets: [Target] = [],
        lists: [MergedList] = [], actionList: ActionList? = nil, personKey: RowKey? = nil,
        placeKey: RowKey? = nil, summary: [SummaryLine] = []
    ) {
        self.title = title
        self.units = units
        self.columns = columns
        self.baselineColumn = baselineColumn
        self.currentColumn = currentColumn
        self.indicators = indicators
        self.ratios = ratios
        self.targets = targets
        self.lists = lists
        self.actionList = actionList
        self.personKey = personKey
        self.placeKey = placeKey
        self.summary = summary
    }

    /// One row of the summary sheet.
    public enum SummaryLine: Codable, Hashable, Sendable {
        /// A section heading.
        case heading(Localized)
        /// An indicator's totals, change, target and attainment.
        case indicator(String)
        /// A ratio (by id) per value column and its change in percentage points.
        case ratio(String)
    }

    /// The summary rows: `summary`, or every indicator then every ratio when it is empty.
    public var summaryLines: [SummaryLine] {
        summary.isEmpty ? indicators.map { .indicator($0.code) } + ratios.map { .ratio($0.id) } : summary
    }

    /// A submitting unit.
    public struct Unit: Codable, Hashable, Sendable {
        public var code: String
        public var name: String
        public init(code: String, name: String) {
            self.code = code
            self.name = name
        }
    }

    /// A value column of the indicator form.
    public struct ValueColumn: Codable, Hashable, Sendable {
        public var id: String
        public var label: Localized
        public init(id: String, label: Localized) {
            self.id = id
            self.label = label
        }
    }

    /// One indicator: its code, label, unit of measure and the value columns it has
    /// (a column it does not have is not applicable, shown blank, never zero).
    public struct Indicator: Codable, Hashable, Sendable {
        public var code: String
        public var label: Localized
        public var unitOfMeasure: Localized?
        public var columns: [String]
        /// Whether the values are whole numbers (`#,##0`) or not (`#,##0.00`).
        public var integer: Bool
        public init(
            code: String, label: Localized, unitOfMeasure: Localized? = nil, columns: [String],
            integer: Bool = true
        ) {
            self.code = code
            self.label = label
            self.unitOfMeasure = unitOfMeasure
            self.columns = columns
            self.integer = integer
        }
    }

    /// numerator / denominator, computed from provincial totals for every value column
    /// both indicators have; its change is in percentage points.
    public struct Ratio: Codable, Hashable, Sendable {
        public var id: String
        public var label: Localized
        public var numerator: String
        public var denominator: String
        /// Shown as a percentage (`0.00%`), else as a plain number (`#,##0.00`).
        public var percent: Bool
        public init(id: String, label: Localized, numerator: String, denominator: String, percent: Bool = true) {
            self.id = id
            self.label = label
            self.numerator = numerator
            self.denominator = denominator
            self.percent = percent
        }
    }

    /// `indicator` measured against `target` in value column `column`: attainment is
    /// indicator / target.
    public struct Target: Codable, Hashable, Sendable {
        public var indicator: String
        public var target: String
        public var column: String
        public init(indicator: String, target: String, column: String) {
            self.indicator = indicator
            self.target = target
            self.column = column
        }
    }

    /// A column of a list, as the merged sheets show it.
    public struct ListColumn: Codable, Hashable, Sendable {
        public enum Kind: String, Codable, Hashable, Sendable {
            case text, integer, number, date, bool
        }
        public var id: String
        public var label: Localized
        public var kind: Kind
        public init(id: String, label: Localized, kind: Kind = .text) {
            self.id = id
            self.label = label
            self.kind = kind
        }
    }

    /// A list merged across units.
    public struct MergedList: Codable, Hashable, Sendable {
        /// The list id in submissions (`ket_nap`).
        public var list: String
        /// The list's sheet name in submissions (for issue locations).
        public var sourceSheet: String?
        /// The merged sheet's name and title in the provincial workbook.
        public var sheetName: String
        public var title: Localized
        public var columns: [ListColumn]
        /// Row sort inside a unit (column ids); units keep the spec's order. Empty: sheet order.
        public var sortBy: [String]
        public init(
            list: String, sourceSheet: String? = nil, sheetName: String, title: Localized,
            columns: [ListColumn], sortBy: [String] = []
        ) {
            self.list = list
            self.sourceSheet = sourceSheet
            self.sheetName = sheetName
            self.title = title
            self.columns = columns
            self.sortBy = sortBy
        }
    }

    /// A condition on one list column.
    public struct RowFilter: Codable, Hashable, Sendable {
        public enum Test: String, Codable, Hashable, Sendable {
            /// The number is zero (blank is not zero).
            case zero
            /// The value is false (`.bool(false)`).
            case isFalse = "false"
            /// The value is blank.
            case blank
        }
        public var column: String
        public var test: Test
        public init(column: String, test: Test) {
            self.column = column
            self.test = test
        }

        func matches(_ row: ListRow) -> Bool {
            let v = row[column]
            switch test {
            case .zero: return v.numericValue == 0
            case .isFalse: return v == .bool(false)
            case .blank: return v.isEmpty
            }
        }
    }

    /// The rows of a list that need action, grouped by unit then by `groupBy` columns.
    public struct ActionList: Codable, Hashable, Sendable {
        public var list: String
        public var filter: RowFilter
        /// Group and sort inside a unit (e.g. commune, then village).
        public var groupBy: [String]
        public var sheetName: String
        public var title: Localized
        public var columns: [ListColumn]
        public init(
            list: String, filter: RowFilter, groupBy: [String], sheetName: String, title: Localized,
            columns: [ListColumn]
        ) {
            self.list = list
            self.filter = filter
            self.groupBy = groupBy
            self.sheetName = sheetName
            self.title = title
            self.columns = columns
        }
    }

    /// The columns that identify one row across units (normalised before comparing:
    /// Unicode NFC, case-folded, spaces collapsed; dates by calendar day).
    public struct RowKey: Codable, Hashable, Sendable {
        public var list: String
        public var sourceSheet: String?
        public var columns: [String]
        public init(list: String, sourceSheet: String? = nil, columns: [String]) {
            self.list = list
            self.sourceSheet = sourceSheet
            self.columns = columns
        }
    }

    /// The unit named `code`, if expected.
    public func unit(_ code: String) -> Unit? { units.first { $0.code == code } }
    /// The indicator with `code`.
    public func indicator(_ code: String) -> Indicator? { indicators.first { $0.code == code } }
    /// The value column with `id`.
    public func column(_ id: String) -> ValueColumn? { columns.first { $0.id == id } }
    /// The ratio with `id`.
    public func ratio(_ id: String) -> Ratio? { ratios.first { $0.id == id } }
}
