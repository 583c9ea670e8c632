/// `missing-sheet`: a sheet the template needs is not in the workbook (matched folded).
struct MissingSheetCheck: Check {
    let scope = CheckScope.workbook
    func run(_ ctx: ValidationContext) {
        for name in ctx.template.sheetNames where ctx.sheets[name] == nil {
            let present = ctx.workbook.sheets.map(\.name).joined(separator: ", ")
            ctx.report("missing-sheet", sheet: name, expected: name, found: present)
        }
    }
}
