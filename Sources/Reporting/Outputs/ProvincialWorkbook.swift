import Foundation
import XLSX

/// The provincial workbook: the consolidated figures, laid out for people and for print.
///
/// Sheets, in order: `Tổng hợp` (indicator × value columns, change, target, attainment),
/// `Biểu đồ` (native charts of `ChartFigure.figures(for:)`, each beside its data table),
/// `Theo đơn vị` (one row per unit and a total row), one sheet per merged list and the
/// action list (names from the spec, e.g. `Thôn trắng đảng viên`, `Đảng viên kết nạp`),
/// and `Lỗi kiểm tra` (every submission's issues and the cross-unit ones).
///
/// Totals are formulas (`SUM(E6:E15)`, ratios, changes) carrying the values consolidation
/// computed as their cached results, so a reader that does not recalculate shows them
/// too. The same input always gives the same bytes: the document's time comes from the
/// period, never the clock.
public enum ProvincialWorkbook {
    /// Sheet names of the fixed sheets.
    public static let summarySheetName = "Tổng hợp"
    public static let byUnitSheetName = "Theo đơn vị"
    public static let issuesSheetName = "Lỗi kiểm tra"

    /// Choices that are not in the consolidation.
    public struct Options: Sendable {
        /// Renders an issue as a sentence for the `Nội dung` column; nil uses the issue catalogue in Vietnamese.
        public var describe: (@Sendable (Issue) -> String)?
        /// The document's created time; nil takes the last day of the period.
        public var created: DocumentProperties.Timestamp?
        /// Author and company in the document properties.
        public var author: String?
        public var company: String?
        /// The job's other periods, the timeliness and the targets: the year-over-year,
        /// targets and timeliness sheets (none without it).
        public var periods: PeriodContext?

        public init(
            describe: (@Sendable (Issue) -> String)? = nil, created: DocumentProperties.Timestamp? = nil,
            author: String? = nil, company: String? = nil
        ) {
            self.describe = describe
            self.created = created
            self.author = author
            self.company = company
        }
    }

    /// Builds the workbook in memory.
    /// - Parameter reports: every file's report this run (accepted or not), in the order to list them.
    public static func build(
        _ c: Consolidation, reports: [FileReport], options: Options = .init()
    ) throws(XLSXWriteError) -> WorkbookWriter {
        let book = WorkbookWriter()
        book.properties = DocumentProperties(
            title: c.spec.title.vi, subject: "Kỳ báo cáo \(c.period)", author: options.author,
            company: options.company, created: options.created ?? periodEnd(c.period))

        let summarySheet = try book.addWorksheet(summarySheetName)
        let figures = ChartFigure.figures(for: c)
        let chartsSheet = figures.isEmpty ? nil : try book.addWorksheet(chartsSheetName)
        let byUnitSheet = try book.addWorksheet(byUnitSheetName)
        let layout = ByUnitLayout(c.spec)
        writeByUnit(c, layout: layout, into: SheetBuilder(byUnitSheet))
        writeSummary(c, byUnit: layout, into: SheetBuilder(summarySheet))
        if let chartsSheet { writeCharts(c, figures: figures, into: SheetBuilder(chartsSheet)) }
        // The job's memory: other periods compared, yearly targets, timeliness; the earlier
        // periods' data sheets they read go last.
        var earlierSheets: [(String, Worksheet)] = []
        if let ctx = options.periods {
            let earlier = earlierPeriods(c, ctx)
            let yoy = earlier.isEmpty ? nil : try book.addWorksheet(yearOverYearSheetName)
            if !ctx.targets.isEmpty {
                let sheet = try book.addWorksheet(targetsSheetName)
                let previous = c.period.previous.description
                writeTargets(
                    c, targets: ctx.targets, previous: earlier.contains(previous) ? previous : nil, history: ctx.history,
                    layout: layout, into: SheetBuilder(sheet))
            }
            if let t = ctx.timeliness { writeTimeliness(c, t, into: SheetBuilder(try book.addWorksheet(timelinessSheetName))) }
            if let yoy { writeYearOverYear(c, earlier: earlier, history: ctx.history, layout: layout, into: SheetBuilder(yoy)) }
            for p in earlier { earlierSheets.append((p, try book.addWorksheet(periodSheetName(p)))) }
        }
        if let a = c.spec.actionList {
            let sheet = try book.addWorksheet(a.sheetName)
            writeList(
                c, rows: c.actionRows, columns: a.columns, title: a.title.vi,
                countLabel: "Tổng số", into: SheetBuilder(sheet))
        }
        for (spec, merged) in zip(c.spec.lists, c.lists) {
            let sheet = try book.addWorksheet(spec.sheetName)
            writeList(
                c, rows: merged.rows, columns: spec.columns, title: spec.title.vi, countLabel: "Tổng số",
                into: SheetBuilder(sheet))
        }
        let issues = try book.addWorksheet(issuesSheetName)
        writeIssues(c, reports: reports, options: options, into: SheetBuilder(issues))
        for (p, sheet) in earlierSheets {
            writePeriodData(c, period: p, history: options.periods?.history ?? .empty, layout: layout, into: SheetBuilder(sheet))
        }
        return book
    }

    /// Builds the workbook and writes it to `path` (a temporary file, then renamed).
    public static func write(
        _ c: Consolidation, reports: [FileReport], to path: String, options: Options = .init()
    ) throws(XLSXWriteError) {
        try build(c, reports: reports, options: options).write(to: path)
    }

    /// The last day of a period: `2016` → 2016-12-31, `2016-Q3` → 2016-09-30,
    /// `2016-07` → 2016-07-31 (the typed period's, not a string parsed again).
    static func periodEnd(_ period: Period) -> DocumentProperties.Timestamp {
        let d = period.lastDay
        return DocumentProperties.Timestamp(year: d.year, month: d.month, day: d.day)
    }

    // MARK: - Shared pieces

    /// `'Theo đơn vị'!F16`.
    static func reference(sheet: String, _ ref: CellRef) -> String {
        "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'!" + ref.description
    }

    /// `8/10 đơn vị`.
    static func coverage(_ units: Int, _ of: Int) -> String { "\(units)/\(of) đơn vị" }

    /// The title row, the subtitle row(s) and print setup shared by every sheet.
    /// `merged: false` writes the title and subtitles unmerged in column A, left-aligned, so
    /// that a sheet printed over several pages across keeps them whole on its first page.
    static func titleRows(
        _ b: SheetBuilder, title: String, subtitles: [String], lastColumn: Int, headerRows: ClosedRange<Int>,
        merged: Bool = true
    ) {
        if merged {
            b.merge(CellRange(first: CellRef(row: 0, column: 0), last: CellRef(row: 0, column: lastColumn)),
                    title.uppercased(), Styles.title)
        } else {
            var left = Styles.title
            left.alignment = Alignment(horizontal: .left, vertical: .center)
            b.text(title.uppercased(), 0, 0, left, measure: false)
        }
        b.sheet.setRowHeight(0, 24)
        for (i, s) in subtitles.enumerated() {
            if merged {
                b.merge(CellRange(first: CellRef(row: 1 + i, column: 0), last: CellRef(row: 1 + i, column: lastColumn)),
                        s, Styles.subtitle)
            } else {
                var left = Styles.subtitle
                left.alignment = Alignment(horizontal: .left)
                b.text(s, 1 + i, 0, left, measure: false)
            }
        }
        var setup = PageSetup(
            orientation: .landscape, paperSize: 9, fitToWidth: 1, repeatRows: headerRows,
            footer: "&CTrang &P / &N")
        setup.margins.left = 0.5
        setup.margins.right = 0.5
        b.sheet.pageSetup = setup
        b.sheet.freezePanes(rows: headerRows.upperBound + 1, columns: 0)
    }
}
