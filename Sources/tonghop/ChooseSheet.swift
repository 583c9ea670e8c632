import XLSX

extension Workbook {
    /// The sheet `--sheet` names: by name (exact, then ignoring case) or 1-based index;
    /// with no `--sheet`, the first worksheet.
    func chooseSheet(_ sheet: String?) throws(XLSXError) -> SheetInfo {
        guard let sheet else {
            guard let first = worksheets.first else { throw .notAWorksheet("the workbook has no worksheet") }
            return first
        }
        if let s = self.sheet(named: sheet) { return s }
        if let n = Int(sheet), n >= 1, n <= sheets.count { return sheets[n - 1] }
        throw .notAWorksheet("no sheet '\(sheet)' (the workbook has \(sheets.count))")
    }
}
