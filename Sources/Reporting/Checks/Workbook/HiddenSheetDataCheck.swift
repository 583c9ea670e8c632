/// `data-in-hidden-sheet`: a hidden sheet that holds data. A template sheet that is
/// hidden is still read; any other hidden sheet is not, and the clerk should know.
struct HiddenSheetDataCheck: Check {
    let scope = CheckScope.workbook
    func run(_ ctx: ValidationContext) {
        for sheet in ctx.workbook.sheets where sheet.hidden {
            let filled = sheet.filledCells
            guard let first = filled.first else { continue }
            let range = filled.count == 1 ? first.0.description : "\(first.0):\(filled.last!.0)"
            ctx.report("data-in-hidden-sheet", sheet: sheet.name, cell: range, found: String(filled.count))
        }
    }
}
