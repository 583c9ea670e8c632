import XLSX

/// Everything validation knows about one file while the checks run: the template, the
/// job's period, the workbook, what was extracted from it, and the issues so far.
final class ValidationContext {
    let template: Template
    /// The period the job expects (nil: whatever the workbook says).
    let period: Period?
    let workbook: WorkbookSnapshot
    var file: String { workbook.fileName }

    /// Sheets of the template found in the workbook, by the template's sheet name.
    var sheets: [String: SheetSnapshot] = [:]
    /// What the identify sheet says.
    var unit: String? { didSet { referenceUnitMemo = nil } }
    var periodText: String? { didSet { effectivePeriodMemo = nil } }
    var reportDate: Double?
    /// The job's other periods (accepted figures per unit), for `prev(…)` and baselines.
    var history: History = .empty
    /// Inputs left blank that `HistoryBaselines` filled, with the period they came from.
    var suppliedFromHistory: [InputCell.Owner: String] = [:]
    /// The unit as the history keys it (the template's code), once the workbook names one.
    var historyUnit: String? { unit.map { template.unit($0)?.code ?? $0 } }
    /// Unit and period from the file name, when it matches the pattern.
    var fileNameParts: (unit: String, period: String)? { didSet { referenceUnitMemo = nil } }

    /// The unit per-unit reference lists (communes) are checked against: the workbook's
    /// unit when it is known and agrees with the file name; nil otherwise (then the unit
    /// issue is reported, not every commune). Worked out once (every code cell asks).
    var referenceUnit: String? {
        if let memo = referenceUnitMemo { return memo }
        var found: String?
        if let unit, template.unit(unit) != nil, fileNameParts.map({ $0.unit.uppercased() == unit }) ?? true {
            found = unit
        }
        referenceUnitMemo = .some(found)
        return found
    }
    private var referenceUnitMemo: String??

    var forms: [FormExtract] = []
    var lists: [ListExtract] = []
    /// Every input cell read against a spec, in sheet order.
    var inputs: [InputCell] = []

    /// The applicable input cells (most checks look at no others), filtered as they are walked.
    var applicableInputs: LazyFilterSequence<[InputCell]> { inputs.lazy.filter(\.applicable) }

    private(set) var issues: [Issue] = []

    init(template: Template, period: Period?, workbook: WorkbookSnapshot) {
        self.template = template
        self.period = period
        self.workbook = workbook
    }

    /// A code cell's spelling in the reference list `ref` (for the reference unit, when the
    /// list is per unit); nil when it is not there. The extractor looks a list cell up for
    /// its canonical spelling and keeps the answer in the cell for `unknown-code`; a column's
    /// cells mostly repeat a few codes (the communes of one district), so its slot remembers
    /// each text it looked up, unfolded.
    func lookupCode(_ input: InputCell, in ref: String) -> String? {
        if let memo = input.codeLookup { return memo }
        guard case .string(let text)? = input.value else {
            return input.textKey.flatMap { template.references[ref]?.lookup($0, unit: referenceUnit) }
        }
        return lookupCode(text, slot: input.slot, in: ref)
    }

    /// The lookup of a text read in a column, remembered by the column's slot.
    func lookupCode(_ text: String, slot: InputSlot, in ref: String) -> String? {
        let unit = referenceUnit
        if slot.codeMemoUnit != .some(unit) {
            slot.codeMemo = [:]
            slot.codeMemoUnit = .some(unit)
        }
        let key = ExactText(text)
        if let memo = slot.codeMemo[key] { return memo }
        let found = template.references[ref]?.lookup(LabelKey(text), unit: unit)
        slot.codeMemo[key] = .some(found)
        return found
    }

    /// Adds an issue; its severity comes from the catalogue unless given.
    func report(
        _ code: String, severity: Severity? = nil, sheet: String? = nil, cell: String? = nil,
        expected: String? = nil, found: String? = nil, params: [String: String] = [:]
    ) {
        issues.append(Issue(
            code: code, severity: severity ?? IssueCatalogue.severity(of: code), file: file, sheet: sheet, cell: cell,
            expected: expected, found: found, params: params))
    }

    /// The period the rules use: the one the workbook states (so a report for the wrong
    /// period gets one `wrong-period`, not an error on every date), else the job's.
    var effectivePeriod: Period? {
        if let memo = effectivePeriodMemo { return memo }
        let found = periodText.flatMap { template.period.parse($0) } ?? period
        effectivePeriodMemo = .some(found)
        return found
    }
    private var effectivePeriodMemo: Period??

    /// The typed value of the indicator in a value column, when valid.
    func value(of code: String, column: String) -> Double? {
        for f in forms { if let v = f.values[code]?[column] { return v } }
        return nil
    }

    /// Where an indicator's value in a column sits (`F7`), with its sheet.
    func location(of code: String, column: String?) -> (sheet: String, cell: CellRef)? {
        for f in forms {
            guard let ind = f.form.indicators.first(where: { $0.code == code }) else { continue }
            let col = column ?? ind.columns.last ?? f.form.columns.first?.id ?? ""
            if let c = ind.cells[col] { return (f.form.sheet, c) }
            if let row = f.rows[code], let vc = f.form.column(col) { return (f.form.sheet, CellRef(row: row, column: vc.column)) }
        }
        return nil
    }
}

/// What was found on a form sheet.
struct FormExtract {
    let form: FormSheet
    /// The sheet's name as the workbook spells it.
    let sheetName: String
    /// Indicator code -> the zero-based row it was found in.
    var rows: [String: Int] = [:]
    /// Indicator code -> column id -> valid value.
    var values: [String: [String: Double]] = [:]
    /// Codes not found.
    var missing: [String] = []
    /// Codes found more than once: code -> the extra rows.
    var duplicates: [String: [Int]] = [:]
}

/// What was found on a list sheet.
struct ListExtract {
    let list: ListSheet
    let sheetName: String
    /// The header row found (zero-based), nil when not found.
    var headerRow: Int?
    /// Column id -> zero-based sheet column.
    var columns: [String: Int] = [:]
    /// Required columns not found.
    var missingColumns: [ListColumn] = []
    /// Typed rows in sheet order (invalid cells are left out of `values`).
    var rows: [ListRow] = []
    /// The last row the list reads (the row before the first blank row).
    var lastRow: Int = -1
    /// Columns with a blank, invalid or out-of-range cell in some row.
    var incomplete: Set<String> = []
}

/// What the input cells of one identify field, indicator column or list column share:
/// their owner, sheet, spec and whether they apply. Made once per column, not per cell
/// (a list of 3,000 cells shares a handful): copying the owner's strings and the spec into
/// every cell was a large part of extraction.
final class InputSlot {
    let owner: InputCell.Owner
    let sheet: String
    let spec: FieldSpec
    /// False for a value column that does not apply to the indicator.
    let applicable: Bool
    /// Code lookups of this column's texts (`ValidationContext.lookupCode`), for `codeMemoUnit`.
    var codeMemo: [ExactText: String?] = [:]
    var codeMemoUnit: String??

    init(owner: InputCell.Owner, sheet: String, spec: FieldSpec, applicable: Bool = true) {
        self.owner = owner
        self.sheet = sheet
        self.spec = spec
        self.applicable = applicable
    }
}

/// One input cell read against its spec. A struct held in one array: a file has thousands
/// (a list of 400 rows, 9 columns), and an object each cost an allocation and a free; what
/// its column shares is in the slot, borrowed.
struct InputCell {
    enum Owner: Hashable {
        case identify(String)
        case indicator(code: String, column: String)
        case list(id: String, column: String)
    }

    let slot: InputSlot
    let ref: CellRef
    let raw: SheetCell
    let reading: FieldReader.Reading

    // Borrowed from the slot, not copied: a check reading `spec.pattern` of every cell
    // would otherwise copy the whole spec (and retain its strings) each time.
    var owner: Owner { _read { yield slot.owner } }
    var sheet: String { _read { yield slot.sheet } }
    var spec: FieldSpec { _read { yield slot.spec } }
    /// False for a value column that does not apply to the indicator.
    var applicable: Bool { slot.applicable }

    init(slot: InputSlot, ref: CellRef, raw: SheetCell, reading: FieldReader.Reading, codeLookup: String?? = nil) {
        self.slot = slot
        self.ref = ref
        self.raw = raw
        self.reading = reading
        self.codeLookup = codeLookup
    }

    init(
        owner: Owner, sheet: String, ref: CellRef, raw: SheetCell, spec: FieldSpec, reading: FieldReader.Reading,
        applicable: Bool = true
    ) {
        self.init(slot: InputSlot(owner: owner, sheet: sheet, spec: spec, applicable: applicable), ref: ref, raw: raw, reading: reading)
    }

    /// The code's spelling in its reference list, when the extractor looked it up.
    let codeLookup: String??

    /// The value read as text (a number in its display form), folded for matching against
    /// codes and allowed values.
    var textKey: LabelKey? {
        switch value {
        case .string(let s)?: return LabelKey(s)
        case .number(let d)?: return LabelKey(Value.format(d))
        default: return nil
        }
    }

    /// What the cell shows, for `found`.
    var shown: String {
        switch raw.value {
        case .empty: return ""
        case .number(let d): return Value.format(d)
        case .string(let s): return s
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .error(let e): return e.rawValue
        case .date(let d): return Value.formatDate(d.serial)
        }
    }

    /// The typed value when the cell was read fine.
    var value: CellValue? {
        if case .value(let v, _) = reading { return v }
        return nil
    }

    /// Placeholder params naming what the cell is.
    var params: [String: String] {
        switch owner {
        case .identify(let id): return ["field": id]
        case .indicator(let code, let column): return ["indicator": code, "column": column]
        case .list(let id, let column): return ["list": id, "column": column]
        }
    }
}
