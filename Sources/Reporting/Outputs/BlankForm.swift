import XLSX

/// The blank submission workbook the province sends to districts, generated from a
/// template: labels and titles, input cells unlocked and shaded, everything else locked
/// (sheets protected without a password), dropdowns for code lists and yes/no columns,
/// whole-number and date validation, a `Danh mục` sheet holding the reference lists the
/// dropdowns use, and a `Hướng dẫn` (instructions) sheet. Filled in correctly, it
/// validates clean against the same template.
public enum BlankForm {
    /// The sheets the blank form adds besides the template's: the reference lists the
    /// dropdowns read, and the instructions. Validation ignores them, hidden or not.
    public static let listsSheet = "Danh mục"
    public static let instructionsSheet = "Hướng dẫn"
    /// Builds the workbook; `unit` and `period` prefill the identify cells when given.
    public static func build(_ t: Template, unit: ReportingUnit? = nil, period: Period? = nil) throws(XLSXWriteError) -> WorkbookWriter {
        let w = WorkbookWriter()
        w.properties.title = t.title.vi
        w.properties.subject = t.id
        w.properties.author = "TongHop"
        let lookups = try ListSource(w, template: t, unit: unit)
        try identifySheet(w, t, unit: unit, period: period)
        for f in t.forms { try formSheet(w, f) }
        for l in t.lists { try listSheet(w, l, t, lookups: lookups, unit: unit) }
        try lookups.finish()
        try instructions(w, t, unit: unit, period: period)
        return w
    }

    // MARK: styles

    static let thin = Border.all(.thin, color: "A6A6A6")
    static let title = CellStyle(font: Font(size: 14, bold: true, color: "1F3864"), alignment: Alignment(horizontal: .center, vertical: .center, wrap: true))
    static let subtitle = CellStyle(font: Font(italic: true), alignment: Alignment(horizontal: .center))
    static let header = CellStyle(
        font: Font(bold: true), fill: Fill("D9E1F2"), border: thin, alignment: Alignment(horizontal: .center, vertical: .center, wrap: true))
    static let label = CellStyle(border: thin, alignment: Alignment(vertical: .center, wrap: true))
    static let code = CellStyle(font: Font(name: "Consolas", size: 10, color: "595959"), border: thin, alignment: Alignment(vertical: .center))
    static let fixed = CellStyle(font: Font(bold: true), fill: Fill("F2F2F2"), border: thin)
    static let notApplicable = CellStyle(fill: Fill("BFBFBF"), border: thin, alignment: Alignment(horizontal: .center))
    static let inputFill = Fill("FFF2CC")

    static func input(_ type: FieldType) -> CellStyle {
        var s = CellStyle(fill: inputFill, border: thin, locked: false)
        switch type {
        case .integer: s.numberFormat = "#,##0"
        case .number: s.numberFormat = "#,##0.00"
        case .percent: s.numberFormat = "0.00%"
        case .date: s.numberFormat = "dd/mm/yyyy"
        case .text, .code: s.numberFormat = "@"
        case .boolean: break
        }
        return s
    }

    // MARK: sheets

    private static func identifySheet(_ w: WorkbookWriter, _ t: Template, unit: ReportingUnit?, period: Period?) throws(XLSXWriteError) {
        let id = t.identify
        let s = try w.addWorksheet(id.sheet)
        // The title over the columns in use only, wrapped on two lines: merged wider, it
        // printed half on a second page.
        let lastCol = max(1, (id.fields.map(\.cell.column).max() ?? 1))
        s.merge(CellRange(first: CellRef(row: 0, column: 0), last: CellRef(row: 0, column: lastCol)),
            value: .string((id.title ?? t.title).vi), style: title)
        s.setRowHeight(0, 42)
        s.setColumnWidth(0, 24)
        s.setColumnWidth(1, 40)
        for f in id.fields {
            if f.cell.column > 0 {
                s.write(.string(f.label.vi), at: CellRef(row: f.cell.row, column: f.cell.column - 1), style: fixed)
            }
            var value: CellValue = .empty
            var locked = false
            switch f.id {
            case "form_code":
                value = .string(id.formCode ?? t.id)
                locked = true
            case "unit":
                if let unit {
                    value = .string(unit.code)
                    locked = true
                } else {
                    s.addValidation(DataValidation(.list(t.units.map(\.code)), range: CellRange(first: f.cell, last: f.cell),
                        allowBlank: false, errorTitle: "Mã đơn vị", errorMessage: "Chọn mã đơn vị trong danh sách."))
                }
            case "unit_name":
                if let unit {
                    value = .string(unit.name)
                    locked = true
                }
            case "period":
                if let period {
                    value = .string(period.description)
                    locked = true
                }
            default:
                validation(for: f.spec, at: CellRange(first: f.cell, last: f.cell), sheet: s, lookups: nil, label: f.label.vi)
            }
            var style = locked ? CellStyle(font: Font(bold: true), border: thin) : input(f.spec.type)
            if locked { style.numberFormat = "@" }
            s.write(value, at: f.cell, style: style)
        }
        s.protect(SheetProtection())
        var ps = PageSetup.a4
        ps.fitToWidth = 1
        s.pageSetup = ps
    }

    private static func formSheet(_ w: WorkbookWriter, _ f: FormSheet) throws(XLSXWriteError) {
        let s = try w.addWorksheet(f.sheet)
        s.merge(CellRange(first: CellRef(row: 0, column: 0), last: CellRef(row: 0, column: f.lastColumn)),
            value: .string(f.title?.vi ?? f.sheet.uppercased()), style: title)
        s.setRowHeight(0, 36)
        if let sub = f.subtitle {
            s.merge(CellRange(first: CellRef(row: 1, column: 0), last: CellRef(row: 1, column: f.lastColumn)),
                value: .string(sub.vi), style: subtitle)
        }
        let h = f.headerRow
        for (col, text) in f.labelColumns.headers { s.write(.string(text.vi), at: CellRef(row: h, column: col), style: header) }
        if let kc = f.keyColumn, f.labelColumns.headers[kc] == nil { s.write(.string("Mã"), at: CellRef(row: h, column: kc), style: header) }
        for vc in f.columns {
            s.write(.string(vc.label.vi), at: CellRef(row: h, column: vc.column), style: header)
            s.setColumnWidth(vc.column, 18)
        }
        s.setRowHeight(h, 48)
        if let c = f.labelColumns.label { s.setColumnWidth(c, 50) }
        if let c = f.labelColumns.unit { s.setColumnWidth(c, 12) }
        if let c = f.labelColumns.note { s.setColumnWidth(c, 24) }
        if let c = f.labelColumns.number { s.setColumnWidth(c, 6) }
        if let kc = f.keyColumn { s.setColumnWidth(kc, 12) }
        for (i, ind) in f.indicators.enumerated() {
            let r = h + 1 + i
            if let kc = f.keyColumn { s.write(.string(ind.code), at: CellRef(row: r, column: kc), style: code) }
            if let c = f.labelColumns.number { s.write(.string(ind.number ?? String(i + 1)), at: CellRef(row: r, column: c), style: label) }
            if let c = f.labelColumns.label { s.write(.string(ind.label.vi), at: CellRef(row: r, column: c), style: label) }
            if let c = f.labelColumns.unit { s.write(.string(ind.measure?.vi ?? ""), at: CellRef(row: r, column: c), style: label) }
            if let c = f.labelColumns.note {
                var st = input(.text)
                st.alignment = Alignment(wrap: true)
                s.write(.empty, at: CellRef(row: r, column: c), style: st)
            }
            for vc in f.columns {
                let ref = ind.cells[vc.id] ?? CellRef(row: r, column: vc.column)
                if ind.applies(vc.id) {
                    s.write(.empty, at: ref, style: input(ind.spec.type))
                    validation(for: ind.spec, at: CellRange(first: ref, last: ref), sheet: s, lookups: nil, label: "\(ind.code) – \(vc.label.vi)")
                } else {
                    s.write(.string("—"), at: ref, style: notApplicable)
                }
            }
        }
        s.freezePanes(rows: h + 1)
        s.protect(SheetProtection())
        var ps = PageSetup.a4
        ps.orientation = .landscape
        ps.fitToWidth = 1
        s.pageSetup = ps
    }

    private static func listSheet(_ w: WorkbookWriter, _ l: ListSheet, _ t: Template, lookups: ListSource, unit: ReportingUnit?) throws(XLSXWriteError) {
        let s = try w.addWorksheet(l.sheet)
        let last = max(0, l.columns.count - 1)
        s.merge(CellRange(first: CellRef(row: 0, column: 0), last: CellRef(row: 0, column: last)),
            value: .string(l.title?.vi ?? l.sheet.uppercased()), style: title)
        s.setRowHeight(0, 30)
        let h = l.headerRow
        s.setRowHeight(h, 36)
        let first = h + 1, lastRow = h + max(1, l.blankRows)
        for (c, col) in l.columns.enumerated() {
            s.write(.string(col.label.vi), at: CellRef(row: h, column: c), style: header)
            s.setColumnWidth(c, col.width ?? max(10, Double(col.label.vi.count) + 2))
            let range = CellRange(first: CellRef(row: first, column: c), last: CellRef(row: lastRow, column: c))
            let style = input(col.spec.type)
            for r in first...lastRow { s.write(.empty, at: CellRef(row: r, column: c), style: style) }
            validation(for: col.spec, at: range, sheet: s, lookups: lookups, label: col.label.vi)
        }
        s.freezePanes(rows: h + 1)
        s.protect(SheetProtection(allowFormatColumns: true, allowSort: true, allowAutoFilter: true))
        var ps = PageSetup.a4
        ps.orientation = .landscape
        ps.fitToWidth = 1
        ps.repeatRows = h...h
        s.pageSetup = ps
    }

    /// Data validation for one input range: dropdowns, whole numbers, dates, lengths.
    private static func validation(for spec: FieldSpec, at range: CellRange, sheet s: Worksheet, lookups: ListSource?, label: String) {
        let title = String(label.prefix(32))
        func between(_ lo: Double?, _ hi: Double?) -> DataValidation.Comparison {
            switch (lo, hi) {
            case (let a?, let b?): return .between(a, b)
            case (let a?, nil): return .greaterThanOrEqual(a)
            case (nil, let b?): return .lessThanOrEqual(b)
            default: return .between(-1e15, 1e15)
            }
        }
        var rule: DataValidation.Rule?
        var message = ""
        if let allowed = spec.allowed, !allowed.isEmpty, allowed.joined(separator: ",").utf16.count < 250 {
            rule = .list(allowed)
            message = "Chọn một giá trị trong danh sách."
        } else {
            switch spec.type {
            case .integer:
                rule = .whole(between(spec.min, spec.max))
                message = "Nhập số nguyên" + (spec.min.map { " ≥ \(Value.format($0))" } ?? "") + (spec.max.map { ", ≤ \(Value.format($0))" } ?? "") + "."
            case .number, .percent:
                rule = .decimal(between(spec.min, spec.max))
                message = "Nhập một số."
            case .date:
                rule = .date(.between(ExcelDate.serial(year: 1900, month: 1, day: 1), ExcelDate.serial(year: 2099, month: 12, day: 31)))
                message = "Nhập ngày theo dạng dd/mm/yyyy."
            case .boolean:
                rule = .list(["Có", "Không"])
                message = "Chọn Có hoặc Không."
            case .code(let ref):
                if let source = lookups?.source(ref) {
                    rule = .listSource(source)
                    message = "Chọn trong danh mục (trang Danh mục)."
                }
            case .text:
                if let n = spec.maxLength {
                    rule = .textLength(.lessThanOrEqual(Double(n)))
                    message = "Tối đa \(n) ký tự."
                }
            }
        }
        guard let rule else { return }
        s.addValidation(DataValidation(rule, range: range, allowBlank: true, errorTitle: title, errorMessage: message, errorStyle: .stop))
    }

    /// The instructions sheet: what to do in Vietnamese then English, the file name to
    /// use (filled in for the unit and period when known), and every rule the file is
    /// checked against in words (the rule's `description` in both languages, never its
    /// expression). One wrapped column sized for A4 portrait, each row as tall as its
    /// text needs (LibreOffice and Excel do not grow a row for wrapped text on their own).
    private static func instructions(_ w: WorkbookWriter, _ t: Template, unit: ReportingUnit?, period: Period?) throws(XLSXWriteError) {
        let s = try w.addWorksheet(instructionsSheet)
        let width = 68.0  // A4 portrait inside 0.6" margins, unscaled (the form's font makes a unit wide)
        s.setColumnWidth(0, width)
        let wrap = Alignment(vertical: .top, wrap: true)
        let body = CellStyle(alignment: wrap)
        let english = CellStyle(font: Font(italic: true, color: "404040"), alignment: wrap)
        let heading = CellStyle(font: Font(bold: true, color: "1F3864"), alignment: wrap)
        var lines: [(text: String, style: CellStyle, size: Double)] = [
            ("HƯỚNG DẪN ĐIỀN BIỂU MẪU \(t.id)", CellStyle(font: Font(size: 14, bold: true, color: "1F3864"), alignment: wrap), 14),
            (t.title.vi, CellStyle(font: Font(italic: true), alignment: wrap), 11),
            ("", body, 11),
        ]
        func add(_ text: String, _ style: CellStyle = body) { lines.append((text, style, 11)) }
        let example = t.identify.fileName(unit: unit?.code ?? t.units.first?.code ?? "MA", period: period?.description ?? "2016")
        var fileVi: String?, fileEn: String?
        if let example {
            if unit != nil && period != nil {
                fileVi = "Đặt tên tệp là \(example)."
                fileEn = "Name the file \(example)."
            } else if let fn = t.identify.fileName {
                fileVi = "Đặt tên tệp theo mẫu \(fn).xlsx, ví dụ \(example)."
                fileEn = "Name the file after the pattern \(fn).xlsx, for example \(example)."
            }
        }
        let stepsVi = [
            "Chỉ nhập vào các ô tô màu vàng; các ô khác đã được khóa.",
            "Không đổi tên, xóa hoặc ẩn các trang tính; không thêm dữ liệu ngoài vùng nhập liệu.",
            "Nhập số dưới dạng số (không gõ dấu chấm phân cách hàng nghìn dưới dạng chữ); ngày theo dạng dd/mm/yyyy.",
            "Ô có dấu — là chỉ tiêu không áp dụng cho cột đó: để nguyên.",
            "Danh sách: mỗi dòng một mục, liên tục từ dòng đầu tiên, không để dòng trống ở giữa.",
        ] + (fileVi.map { [$0] } ?? [])
        let stepsEn = [
            "Fill in the yellow cells only; the other cells are locked.",
            "Do not rename, delete or hide sheets; do not add data outside the input areas.",
            "Enter numbers as numbers (no thousands separators typed as text); dates as dd/mm/yyyy.",
            "A cell marked — is an indicator that does not apply to that column: leave it as it is.",
            "Lists: one row per item, from the first row on, with no blank rows in between.",
        ] + (fileEn.map { [$0] } ?? [])
        for (n, step) in stepsVi.enumerated() { add("\(n + 1). \(step)") }
        add("")
        add("CÁC ĐIỀU KIỆN SẼ ĐƯỢC KIỂM TRA — WHAT THE FILE IS CHECKED FOR", heading)
        add("Lỗi: phải sửa thì báo cáo mới được tiếp nhận. Cảnh báo: nên xem lại. Thông tin: chỉ để biết. — Errors must be fixed for the report to be accepted; warnings should be checked; notes are for information.", english)
        for r in t.rules {
            let sev: Localized = r.severity == .error ? Localized(vi: "Lỗi", en: "Error")
                : r.severity == .warning ? Localized(vi: "Cảnh báo", en: "Warning") : Localized(vi: "Thông tin", en: "Note")
            let d = r.description ?? r.message
            add("• \(sev.vi): \(d.vi)\n   \(sev.en): \(d.en)")
        }
        add("")
        add("INSTRUCTIONS (ENGLISH)", heading)
        for (n, step) in stepsEn.enumerated() { add("\(n + 1). \(step)", english) }
        for (i, line) in lines.enumerated() where !line.text.isEmpty {
            s.write(.string(line.text), at: CellRef(row: i, column: 0), style: line.style)
            let count = SheetBuilder.wrappedLines(line.text, width: width, size: line.size)
            s.setRowHeight(i, SheetBuilder.rowHeight(lines: count, size: line.size))
        }
        var setup = PageSetup(orientation: .portrait, paperSize: 9, fitToWidth: 1)
        setup.margins.left = 0.6
        setup.margins.right = 0.6
        s.pageSetup = setup
        s.protect(SheetProtection())
    }
}

/// The `Danh mục` sheet: one column per reference list the dropdowns read from. It is
/// added after the template's sheets, so they keep their positions.
final class ListSource {
    private let lists: [(id: String, values: [String])]
    private let writer: WorkbookWriter
    /// Each list's header on the sheet: the label of the first list column that uses it.
    private let headers: [String: String]

    init(_ w: WorkbookWriter, template t: Template, unit: ReportingUnit?) throws(XLSXWriteError) {
        var used: [String] = []
        var labels: [String: String] = [:]
        for l in t.lists {
            for c in l.columns {
                if case .code(let r) = c.spec.type, t.references[r] != nil, !used.contains(r) {
                    used.append(r)
                    labels[r] = c.label.vi  // the header a clerk reads: the column's label, not the list's key
                }
            }
        }
        headers = labels
        lists = used.map { r in (r, t.references[r]!.values(unit: unit?.code)) }
        writer = w
    }

    /// The formula a list validation uses for a reference list: `'Danh mục'!$A$2:$A$40`.
    func source(_ ref: String) -> String? {
        guard let i = lists.firstIndex(where: { $0.id == ref }) else { return nil }
        let n = max(1, lists[i].values.count)
        let col = CellRef.columnName(i)
        return "'\(BlankForm.listsSheet)'!$\(col)$2:$\(col)$\(n + 1)"
    }

    /// Writes the sheet.
    func finish() throws(XLSXWriteError) {
        guard !lists.isEmpty else { return }
        let s = try writer.addWorksheet(BlankForm.listsSheet)
        let head = CellStyle(font: Font(bold: true), fill: Fill("D9E1F2"))
        for (i, list) in lists.enumerated() {
            s.write(.string(headers[list.id] ?? list.id), at: CellRef(row: 0, column: i), style: head)
            s.setColumnWidth(i, 28)
            for (r, v) in list.values.enumerated() { s.write(.string(v), at: CellRef(row: r + 1, column: i)) }
        }
        s.protect(SheetProtection())
    }
}
