import XLSX

/// Where a submission workbook says what it is: the form code, the unit and the
/// period (cells on one sheet), and the file name pattern they are checked against.
public struct Identify: Sendable {
    /// The sheet holding the identifying cells (`Thông tin`).
    public var sheet: String
    /// The sheet's title (written in A1 of the blank form).
    public var title: Localized?
    /// Every labelled cell of the sheet in order. Well-known ids: `form_code`, `unit`,
    /// `unit_name`, `period`, `report_date`; others (`nguoi_lap`, `dien_thoai`) are free.
    public var fields: [IdentifyField]
    /// The code the `form_code` cell must hold (`NQ04`).
    public var formCode: String?
    /// The file name pattern without extension, with `{unit}` and `{period}`: `NQ04_{unit}_{period}`.
    public var fileName: String?

    public init(sheet: String, title: Localized? = nil, fields: [IdentifyField], formCode: String? = nil, fileName: String? = nil) {
        self.sheet = sheet
        self.title = title
        self.fields = fields
        self.formCode = formCode
        self.fileName = fileName
    }

    /// The field with this id.
    public func field(_ id: String) -> IdentifyField? { fields.first { $0.id == id } }
    /// The cell holding the unit code (`B4`).
    public var unit: CellRef? { field("unit")?.cell }
    /// The cell holding the period (`B6`).
    public var period: CellRef? { field("period")?.cell }
    /// The cell holding the report date (`B7`); rules may use `report_date`.
    public var reportDate: CellRef? { field("report_date")?.cell }

    /// Extensions `parseFileName` strips: the workbooks we read, and the formats a district
    /// may send by mistake (reported unreadable, yet still attributed to the unit they name).
    public static let fileExtensions = [".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".csv"]

    /// Reads unit and period from a file name by the pattern (case-insensitive; the
    /// extension stripped). A resubmission suffix after the pattern is accepted (see
    /// `withoutResubmissionSuffix`): `NQ04_MNH_2016_v2.xlsx` and `NQ04_MNH_2016 (2).xlsx`
    /// name MNH and 2016. `isPeriod` says whether the period part is one (the name as it is
    /// is tried first, so `2016-07` is a month, not 2016 with a suffix `-07`). Nil when there
    /// is no pattern or the name does not match it.
    public func parseFileName(_ name: String, isPeriod: (String) -> Bool = { _ in true }) -> (unit: String, period: String)? {
        var base = Substring(name)
        for ext in Identify.fileExtensions where base.lowercased().hasSuffix(ext) {
            base = base.dropLast(ext.count)
            break
        }
        if let parts = match(base), isPeriod(parts.period) { return parts }
        if let stripped = Identify.withoutResubmissionSuffix(base), let parts = match(stripped), isPeriod(parts.period) {
            return parts
        }
        return nil
    }

    /// `base` without the suffix a resubmission usually carries, or nil when it has none:
    /// `_v2`, `-v2`, ` v2` (v or V, 1 or 2 digits), `_2`, `-2`, ` 2`, and ` (2)` or `(2)` as file
    /// managers and browsers add to a second copy.
    public static func withoutResubmissionSuffix(_ base: Substring) -> Substring? {
        func isDigit(_ c: Character) -> Bool { c >= "0" && c <= "9" }
        var s = base
        if s.hasSuffix(")"), let open = s.lastIndex(of: "(") {
            let digits = s[s.index(after: open)..<s.index(before: s.endIndex)]
            guard (1...2).contains(digits.count), digits.allSatisfy(isDigit) else { return nil }
            s = s[..<open]
            while s.hasSuffix(" ") { s = s.dropLast() }
            return s.isEmpty ? nil : s
        }
        let digits = s.reversed().prefix(while: isDigit).count
        guard (1...2).contains(digits) else { return nil }
        s = s.dropLast(digits)
        if s.hasSuffix("v") || s.hasSuffix("V") { s = s.dropLast() }
        guard let sep = s.last, sep == "_" || sep == "-" || sep == " " else { return nil }
        s = s.dropLast()
        return s.isEmpty ? nil : s
    }

    /// Matches the pattern's literals and placeholders left to right against `base`.
    private func match(_ base: Substring) -> (unit: String, period: String)? {
        guard let pattern = fileName else { return nil }
        // Split the pattern into literals and the two placeholders, then match greedily left to right.
        var tokens: [String] = []
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            tokens.append(String(rest[..<open]))
            tokens.append(String(rest[open...close]))
            rest = rest[rest.index(after: close)...]
        }
        tokens.append(String(rest))
        var values: [String: String] = [:]
        var s = Substring(base.uppercased())
        var i = 0
        while i < tokens.count {
            let tok = tokens[i]
            if tok.hasPrefix("{") {
                let next = i + 1 < tokens.count ? tokens[i + 1].uppercased() : ""
                let end: Substring.Index
                if next.isEmpty {
                    end = s.endIndex
                } else if let r = s.range(of: next) {
                    end = r.lowerBound
                } else {
                    return nil
                }
                let value = String(s[..<end])
                if value.isEmpty { return nil }
                values[String(tok.dropFirst().dropLast())] = value
                s = s[end...]
            } else {
                guard s.hasPrefix(tok.uppercased()) else { return nil }
                s = s.dropFirst(tok.count)
            }
            i += 1
        }
        guard s.isEmpty, let u = values["unit"], let p = values["period"] else { return nil }
        return (u, p)
    }

    /// The pattern with what is known filled in (`NQ04_MNH_2016.xlsx`, or `NQ04_{unit}_2016.xlsx`
    /// when the unit is not known), for messages; nil when there is no pattern.
    public func fileNamePattern(unit: String?, period: String?) -> String? {
        guard var name = fileName else { return nil }
        if let unit, !unit.isEmpty { name = name.replacing("{unit}", with: unit) }
        if let period, !period.isEmpty { name = name.replacing("{period}", with: period) }
        return name + ".xlsx"
    }

    /// The file name for a unit and period: `NQ04_MNH_2016.xlsx`.
    public func fileName(unit: String, period: String) -> String? {
        fileName.map {
            $0.replacingOccurrences(of: "{unit}", with: unit).replacingOccurrences(
                of: "{period}", with: period) + ".xlsx"
        }
    }
}

/// A labelled input cell of the identify sheet (unit, period, report date, preparer...).
public struct IdentifyField: Sendable, Hashable {
    /// The id (`unit`, `period`, `report_date`, free ones), label, cell and constraints.
    public var id: String
    public var label: Localized
    public var cell: CellRef
    /// Type and constraints; the unit cell is a code from the units list.
    public var spec: FieldSpec

    public init(id: String, label: Localized, cell: CellRef, spec: FieldSpec) {
        self.id = id
        self.label = label
        self.cell = cell
        self.spec = spec
    }
}
