/// A report template: what a submission workbook must contain and the rules its figures obey.
///
/// Loaded from YAML by `TemplateLoader`; the language is documented in `docs/templates.md`.
/// Validation reads submissions against it; consolidation sums the indicators it declares
/// and lays out the provincial workbook from its `summary`.
public struct Template: Sendable {
    /// Short identifier (`nq04`); also the form code a workbook states, when `identify.formCode` is set.
    public var id: String
    /// The report's title in every report language.
    public var title: Localized
    /// How long one reporting period is.
    public var period: PeriodKind
    /// The units expected to submit, in the order of the units file.
    public var units: [ReportingUnit] { didSet { unitIndex = Template.index(units) } }
    /// Reference lists by id (`communes`, `dan_toc`), loaded from CSV files beside the template.
    public var references: [String: ReferenceList]
    /// Where a workbook says which unit and period it is.
    public var identify: Identify
    /// Form sheets (indicators), in template order.
    public var forms: [FormSheet]
    /// List sheets (one row per item), in template order.
    public var lists: [ListSheet]
    /// Rules over indicators, list aggregates and list rows.
    public var rules: [Rule]
    /// The rows of the consolidated summary, in order.
    public var summary: [SummaryRow]
    /// The template file's path as given to the loader.
    public var path: String
    /// The files it was built from, resolved: the template, its units file and every
    /// reference list (what must force a rerun when edited).
    public var sourceFiles: [String] = []
    /// How figures far from the history are warned about.
    public var outliers = OutlierSettings()
    /// Yearly targets tracked per unit across periods.
    public var targets: [YearlyTarget] = []

    public init(
        id: String, title: Localized, period: PeriodKind, units: [ReportingUnit],
        references: [String: ReferenceList], identify: Identify, forms: [FormSheet],
        lists: [ListSheet], rules: [Rule], summary: [SummaryRow], path: String
    ) {
        self.id = id
        self.title = title
        self.period = period
        self.units = units
        self.unitIndex = Template.index(units)
        self.references = references
        self.identify = identify
        self.forms = forms
        self.lists = lists
        self.rules = rules
        self.summary = summary
        self.path = path
    }

    /// Every indicator of every form, in template order.
    public var indicators: [Indicator] { forms.flatMap(\.indicators) }

    /// The indicator with this code (exact match).
    public func indicator(_ code: String) -> Indicator? {
        for f in forms { if let i = f.indicators.first(where: { $0.code == code }) { return i } }
        return nil
    }

    /// The form sheet that holds an indicator.
    public func form(holding code: String) -> FormSheet? {
        forms.first { $0.indicators.contains { $0.code == code } }
    }

    /// The list sheet with this id.
    public func list(_ id: String) -> ListSheet? { lists.first { $0.id == id } }

    /// The unit with this code (case-insensitive).
    public func unit(_ code: String) -> ReportingUnit? {
        unitIndex[code.uppercased()].map { units[$0] }
    }

    /// Positions in `units` by upper-cased code, the first unit winning; kept with `units`.
    private var unitIndex: [String: Int]

    private static func index(_ units: [ReportingUnit]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (i, u) in units.enumerated() where index[u.code.uppercased()] == nil { index[u.code.uppercased()] = i }
        return index
    }

    /// The sheets a submission must have, in workbook order: identify, forms, lists.
    public var sheetNames: [String] {
        var names: [String] = []
        for n in [identify.sheet] + forms.map(\.sheet) + lists.map(\.sheet)
        where !names.contains(where: { LabelKey($0) == LabelKey(n) }) {
            names.append(n)
        }
        return names
    }
}

/// A unit that submits reports (a district party committee): `MNH`, Huyện ủy Mường Nhé.
public struct ReportingUnit: Sendable, Hashable, Codable {
    public var code: String
    public var name: String
    /// Free text from the units file (`huyện`, `thị xã`, `thành phố`), may be empty.
    public var kind: String

    public init(code: String, name: String, kind: String = "") {
        self.code = code
        self.name = name
        self.kind = kind
    }
}
