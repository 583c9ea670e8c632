/// A native bar chart (clustered or stacked, vertical or horizontal), optionally with
/// line series on the same axes (a target line over the bars), placed over a sheet's
/// cells with `Worksheet.addChart(_:from:to:)`.
///
/// Series take their data from cell ranges (`'Theo đơn vị'!$E$6:$E$15`) and carry the
/// values those cells hold as their cache, so a reader that does not recalculate draws the
/// same picture. The chart is written as `xl/charts/chartN.xml`, placed by the sheet's
/// drawing `xl/drawings/drawingN.xml`.
public struct Chart: Sendable, Hashable {
    /// Which way the bars run.
    public enum Direction: Sendable, Hashable {
        /// Vertical bars (Excel's "column" chart).
        case column
        /// Horizontal bars, categories read from the top.
        case bar
    }

    /// How bar series sit together.
    public enum Grouping: Sendable, Hashable {
        /// Side by side.
        case clustered
        /// On top of each other.
        case stacked
    }

    /// A cell range and the values it holds (its cache).
    public struct Data: Sendable, Hashable {
        /// A formula without `=`, e.g. `'Tổng hợp'!$E$6:$E$12`.
        public var reference: String
        /// Text of each cell (categories); empty for numeric data.
        public var text: [String]
        /// Number of each cell (values); nil for a blank or text cell. Empty for text data.
        public var numbers: [Double?]

        /// Category labels from `reference`.
        public static func text(_ reference: String, _ values: [String]) -> Data {
            Data(reference: reference, text: values, numbers: [])
        }

        /// Values from `reference` (nil where the cell is blank).
        public static func numbers(_ reference: String, _ values: [Double?]) -> Data {
            Data(reference: reference, text: [], numbers: values)
        }

        /// How many points the range holds.
        public var count: Int { max(text.count, numbers.count) }
    }

    /// One series: bars, or a line drawn over them.
    public struct Series: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            case bar
            /// A line with round markers on the same axes as the bars.
            case line
        }

        /// The name the legend shows.
        public var name: String
        public var categories: Data
        public var values: Data
        public var kind: Kind
        /// `RRGGBB`; nil takes the theme's accents in turn.
        public var colour: String?
        /// Show each point's value on the chart.
        public var labels: Bool

        public init(
            name: String, categories: Data, values: Data, kind: Kind = .bar, colour: String? = nil, labels: Bool = false
        ) {
            self.name = name
            self.categories = categories
            self.values = values
            self.kind = kind
            self.colour = colour
            self.labels = labels
        }
    }

    public var title: String?
    public var direction: Direction
    public var grouping: Grouping
    public var series: [Series]
    /// The number format of the value axis (`#,##0`, `0%`).
    public var valueFormat: String
    /// The number format of data labels; nil takes `valueFormat`.
    public var labelFormat: String?
    /// Title of the value axis.
    public var valueAxisTitle: String?
    /// The lower end of the value axis (nil: automatic).
    public var minimum: Double?
    /// The font of every text in the chart (nil: the theme's).
    public var font: String?

    public init(
        title: String? = nil, direction: Direction = .column, grouping: Grouping = .clustered, series: [Series] = [],
        valueFormat: String = "General", labelFormat: String? = nil, valueAxisTitle: String? = nil,
        minimum: Double? = nil, font: String? = nil
    ) {
        self.labelFormat = labelFormat
        self.title = title
        self.direction = direction
        self.grouping = grouping
        self.series = series
        self.valueFormat = valueFormat
        self.valueAxisTitle = valueAxisTitle
        self.minimum = minimum
        self.font = font
    }

    /// Why the chart cannot be written, or nil.
    func problem() -> String? {
        if series.isEmpty { return "a chart needs at least one series" }
        if !series.contains(where: { $0.kind == .bar }) { return "a chart needs at least one bar series" }
        for s in series {
            if s.categories.reference.isEmpty || s.values.reference.isEmpty {
                return "series '\(s.name)' has no cell range"
            }
            if let c = s.colour, c.count != 6 || !c.allSatisfy(\.isHexDigit) {
                return "series '\(s.name)': colour '\(c)' is not RRGGBB"
            }
            if s.values.numbers.contains(where: { $0.map { !$0.isFinite } ?? false }) {
                return "series '\(s.name)' has a value that is not a finite number"
            }
        }
        return nil
    }
}

/// Where a chart sits: from the top-left corner of one cell to the top-left corner of another.
struct ChartPlacement: Hashable {
    var chart: Chart
    var from: CellRef
    var to: CellRef
}
