import Foundation
import XLSX

extension Validator {
    /// Reads and validates one submitted file. Never throws: a file that cannot be read
    /// gets an `unreadable` report with one issue saying why (`Issue.unreadable(file:error:limits:)`).
    public func validate(path: String) -> (FileReport, Submission?) {
        validate(path: path, as: (path as NSString).lastPathComponent)
    }

    /// Validates the file at `path` as if it were named `name` (its file name checks, the
    /// unit and period it names, the report's file): the upload server checks a temporary
    /// file under the name it will have in the inbox.
    public func validate(path: String, as name: String) -> (FileReport, Submission?) {
        do {
            let snapshot = try Validator.snapshot(path: path, name: name, limits: limits, sheets: template.sheetNames)
            return validate(snapshot)
        } catch {
            let issue = Issue.unreadable(file: name, error: error, limits: limits)
            return (FileReport(file: name, status: .unreadable, unit: nil, period: nil, issues: [issue]), nil)
        }
    }

    /// The sheets of a workbook as snapshots. Only the template's sheets and hidden sheets
    /// are loaded (a visible extra sheet, however large, is listed with no cells); chartsheets
    /// and other non-worksheets have no cells.
    static func snapshot(path: String, name: String, limits: ReaderLimits, sheets wanted: [String]) throws(XLSXError) -> WorkbookSnapshot {
        let wb = try Workbook(path: path, limits: limits)
        let keys = Set(wanted.map(LabelKey.init))
        var sheets: [SheetSnapshot] = []
        for info in wb.sheets {
            var cells: [(CellRef, SheetCell)] = []
            if info.kind == .worksheet && (info.state != .visible || keys.contains(LabelKey(info.name))) {
                // Rows come in ascending order, cells in ascending column: row-major already.
                let grid = try wb.grid(of: info)
                cells.reserveCapacity(grid.rows.reduce(0) { $0 + $1.cells.count })
                for row in grid.rows {
                    for c in row.cells {
                        cells.append((CellRef(row: row.index, column: c.column), SheetCell(value: c.value, hasFormula: c.hasFormula)))
                    }
                }
            }
            sheets.append(SheetSnapshot(name: info.name, index: info.index, hidden: info.state != .visible, orderedCells: cells))
        }
        return WorkbookSnapshot(fileName: name, sheets: sheets, dateSystem: wb.is1904 ? .d1904 : .d1900)
    }
}
