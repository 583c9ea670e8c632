/// `wrong-type`: a value that cannot be read as its column's type (`"nhiều"` in a number
/// column, `1.5` in a whole-number column, `"Chưa"` in a yes/no column).
struct WrongTypeCheck: Check {
    let scope = CheckScope.cell
    func run(_ ctx: ValidationContext) {
        for input in ctx.applicableInputs {
            guard case .wrongType(let found) = input.reading else { continue }
            ctx.report("wrong-type", at: input, expected: WrongTypeCheck.describe(input.spec.type), found: found,
                params: ["expected.vi": WrongTypeCheck.describeVi(input.spec.type)])
        }
    }

    static func describe(_ t: FieldType) -> String {
        switch t {
        case .integer: return "a whole number"
        case .number: return "a number"
        case .percent: return "a percentage"
        case .text, .code: return "text"
        case .date: return "a date (dd/mm/yyyy)"
        case .boolean: return "Có/Không"
        }
    }

    static func describeVi(_ t: FieldType) -> String {
        switch t {
        case .integer: return "số nguyên"
        case .number: return "số"
        case .percent: return "tỷ lệ phần trăm"
        case .text, .code: return "văn bản"
        case .date: return "ngày (dd/mm/yyyy)"
        case .boolean: return "Có/Không"
        }
    }
}
