/// `data-in-hidden-sheet`: a hidden sheet that holds data. A template sheet that is
/// hidden is still read; any other hidden sheet is not, and the clerk should know. The
/// blank form's own `Danh mục` and `Hướng dẫn` sheets may be hidden.
struct HiddenSheetDataCheck: Check {
    let scope = CheckScope.workbook
    func run(_ ctx: ValidationContext) {
        let helpers = [BlankForm.listsSheet, BlankForm.instructionsSheet].map(LabelKey.init)
        for sheet in ctx.workbook.sheets where sheet.hidden && !helpers.contains(LabelKey(sheet.name)) {
            let filled = sheet.filledCells
            guard let first = filled.first else { continue }
            let range = filled.count == 1 ? first.0.description : "\(first.0):\(filled.last!.0)"
            ctx.report("data-in-hidden-sheet", sheet: sheet.name, cell: range, found: String(filled.count))
        }
    }
}
