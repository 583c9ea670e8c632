/// A list sheet: a header row found by its labels, then one row per item.
public struct ListSheet: Sendable {
    /// The id rules and consolidation use (`thon_ban`).
    public var id: String
    /// The sheet name (`Thôn bản`).
    public var sheet: String
    public var title: Localized?
    /// The header row (zero-based) of the blank form; the reader searches the first
    /// `headerSearchRows` rows for the labels, so inserted rows above are tolerated.
    public var headerRow: Int
    public var headerSearchRows: Int
    /// The columns in blank-form order.
    public var columns: [ListColumn]
    /// Unique keys: each a list of column ids (one id is a simple key, several a composite one).
    public var unique: [[String]]
    /// How many input rows the blank form prepares (shaded, unlocked, validated): the
    /// template's `blank_rows`, else `defaultBlankRows`.
    public var blankRows: Int

    /// Input rows of a list when the template does not say: generous, since the rows
    /// below are locked (a district of the samples lists 450 villages).
    public static let defaultBlankRows = 1000

    public init(
        id: String, sheet: String, title: Localized? = nil, headerRow: Int, headerSearchRows: Int = 20,
        columns: [ListColumn], unique: [[String]] = [], blankRows: Int = ListSheet.defaultBlankRows
    ) {
        self.id = id
        self.sheet = sheet
        self.title = title
        self.headerRow = headerRow
        self.headerSearchRows = headerSearchRows
        self.columns = columns
        self.unique = unique
        self.blankRows = blankRows
    }

    /// The column with this id.
    public func column(_ id: String) -> ListColumn? { columns.first { $0.id == id } }
}

/// A typed column of a list sheet.
public struct ListColumn: Sendable, Hashable {
    /// The id rules use (`co_chi_bo`).
    public var id: String
    /// The header label (the blank form writes `label.vi`).
    public var label: Localized
    /// Further header texts that identify the column (older forms, abbreviations).
    public var aliases: [String]
    public var spec: FieldSpec
    /// A column the submission may leave out entirely (no `missing-column`).
    public var optional: Bool
    /// Column width in the blank form (characters).
    public var width: Double?

    public init(id: String, label: Localized, aliases: [String] = [], spec: FieldSpec, optional: Bool = false, width: Double? = nil) {
        self.id = id
        self.label = label
        self.aliases = aliases
        self.spec = spec
        self.optional = optional
        self.width = width
    }

    /// Every header text that identifies this column, folded.
    public var headerKeys: [LabelKey] { ([label.vi, label.en] + aliases).map(LabelKey.init) }
}
