/// `file-name-mismatch`: the file name does not follow the template's pattern
/// (`NQ04_{unit}_{period}.xlsx`, a resubmission suffix such as `_v2` or ` (2)` allowed), so
/// it cannot confirm unit and period. The expected name is the pattern filled in with the
/// unit and period the workbook states (the job's period when it has one).
struct FileNameCheck: Check {
    let scope = CheckScope.workbook
    func run(_ ctx: ValidationContext) {
        let id = ctx.template.identify
        guard id.fileName != nil, ctx.fileNameParts == nil else { return }
        let unit = ctx.unit.flatMap { ctx.template.unit($0)?.code }
        let period = ctx.period?.description ?? ctx.periodText
        guard let expected = id.fileNamePattern(unit: unit, period: period) else { return }
        ctx.report("file-name-mismatch", expected: expected, found: ctx.file)
    }
}
