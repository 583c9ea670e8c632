/// `file-name-mismatch`: the file name does not follow the template's pattern
/// (`NQ04_{unit}_{period}.xlsx`), so it cannot confirm unit and period.
struct FileNameCheck: Check {
    let scope = CheckScope.workbook
    func run(_ ctx: ValidationContext) {
        guard let pattern = ctx.template.identify.fileName, ctx.fileNameParts == nil else { return }
        ctx.report("file-name-mismatch", expected: pattern + ".xlsx", found: ctx.file)
    }
}
