/// How a sheet prints.
public struct PageSetup: Hashable, Sendable {
    public enum Orientation: String, Hashable, Sendable { case portrait, landscape }

    /// Nil leaves the printer's default.
    public var orientation: Orientation?
    /// Excel's paper code: 9 is A4, 1 Letter, 8 A3. Nil leaves the default.
    public var paperSize: Int?
    /// Fit the printout to this many pages wide (any number of pages tall).
    public var fitToWidth: Int?
    /// Rows repeated at the top of every printed page (zero-based, inclusive), written as
    /// the `_xlnm.Print_Titles` defined name.
    public var repeatRows: ClosedRange<Int>?
    /// Columns repeated at the left of every printed page (zero-based, inclusive), in the
    /// same `_xlnm.Print_Titles` name: a sheet too wide for a page splits its columns over
    /// pages and each page still names its rows.
    public var repeatColumns: ClosedRange<Int>?
    /// Manual column breaks: a new page starts at each of these columns (zero-based).
    public var columnBreaks: [Int] = []
    /// Header and footer in Excel's codes (`&C&"Times New Roman,Bold"Title`, `&P / &N`).
    public var header: String?
    public var footer: String?
    /// Margins in inches (Excel's defaults).
    public var margins: Margins
    /// Manual page breaks: a new page starts at each of these rows (zero-based).
    public var rowBreaks: [Int] = []

    /// Page margins in inches.
    public struct Margins: Hashable, Sendable {
        public var left = 0.7, right = 0.7, top = 0.75, bottom = 0.75, header = 0.3, footer = 0.3
        public init() {}
    }

    public init(
        orientation: Orientation? = nil, paperSize: Int? = nil, fitToWidth: Int? = nil,
        repeatRows: ClosedRange<Int>? = nil, header: String? = nil, footer: String? = nil
    ) {
        self.orientation = orientation
        self.paperSize = paperSize
        self.fitToWidth = fitToWidth
        self.repeatRows = repeatRows
        self.header = header
        self.footer = footer
        self.margins = Margins()
    }

    /// Portrait A4 fitted to one page wide.
    public static let a4 = PageSetup(paperSize: 9)
}
