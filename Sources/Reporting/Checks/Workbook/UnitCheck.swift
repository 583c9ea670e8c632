/// `unknown-unit`: the workbook's unit code is not in the units list.
/// `wrong-unit`: the workbook's unit code differs from the unit in the file name.
struct UnitCheck: Check {
    let scope = CheckScope.workbook
    func run(_ ctx: ValidationContext) {
        guard let input = ctx.inputs.first(where: { $0.owner == .identify("unit") }), let unit = ctx.unit else { return }
        guard ctx.template.unit(unit) != nil else {
            ctx.report("unknown-unit", at: input, expected: ctx.template.units.map(\.code).joined(separator: ", "), found: unit)
            return
        }
        if let named = ctx.fileNameParts?.unit, named.uppercased() != unit {
            ctx.report("wrong-unit", at: input, expected: "\(named.uppercased()) (\(ctx.file))", found: unit)
        }
    }
}
