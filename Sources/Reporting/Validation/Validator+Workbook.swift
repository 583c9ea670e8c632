import Foundation
import XLSX

extension Validator {
    /// Reads and validates one submitted file. Never throws: a file that cannot be read
    /// gets an `unreadable` report with one `unreadable-file` issue saying why.
    public func validate(path: String) -> (FileReport, Submission?) {
        let name = (path as NSString).lastPathComponent
        do {
            let snapshot = try Validator.snapshot(path: path, name: name, limits: limits, sheets: template.sheetNames)
            return validate(snapshot)
        } catch {
            if let advice = Validator.otherFormat(name, error) { return (unreadable(name, reason: advice, where: nil), nil) }
            return (unreadable(name, reason: error.message, where: error.location), nil)
        }
    }

    /// What to tell a district that sent a spreadsheet in another format, by the file's
    /// extension, when it could not be read as XLSX (a renamed XLSX is read as one): nil
    /// for the other files, and when the reader already says what the file is.
    static func otherFormat(_ name: String, _ error: XLSXError) -> String? {
        switch error {
        case .legacyXLS, .openDocument, .encryptedWorkbook: return nil
        default: break
        }
        let lower = name.lowercased()
        if lower.hasSuffix(".xls") { return "not an Excel 2007 or later workbook (.xls); save it as .xlsx" }
        if lower.hasSuffix(".xlsb") { return "Excel binary workbook (.xlsb); save it as .xlsx" }
        if lower.hasSuffix(".ods") { return "not an XLSX workbook (.ods); save it as .xlsx" }
        if lower.hasSuffix(".csv") { return "CSV text file (.csv), not a workbook; save it as .xlsx" }
        return nil
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
        return WorkbookSnapshot(fileName: name, sheets: sheets)
    }
}
