import XLSX

/// Writes cells into a `Worksheet` while measuring what each column shows, so that
/// column widths can fit the text once the sheet is filled.
final class SheetBuilder {
    let sheet: Worksheet
    /// Widest content seen per column, in characters.
    private(set) var contentWidth: [Int: Double] = [:]

    init(_ sheet: Worksheet) {
        self.sheet = sheet
    }

    /// How many lines `text` takes in a wrapped cell `width` units wide at `size` pt, as
    /// LibreOffice lays it out: at 11 pt it fits about 1.05 characters a unit of column
    /// width (measured on its PDF); 0.95 leaves a margin, so a row may get a spare line,
    /// never lose one. Spreadsheet programs do not grow a row for wrapped text on their own.
    static func wrappedLines(_ text: String, width: Double, size: Double = 11) -> Int {
        let perLine = max(1, Int(width * 0.95))
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .reduce(0) { $0 + max(1, ($1.count * Int(size) / 11 + perLine - 1) / perLine) }
    }

    /// The row height that shows `lines` lines of `size` pt text.
    static func rowHeight(lines: Int, size: Double = 11) -> Double { Double(lines) * size * 1.4 + 2 }

    /// Text; `measure: false` for wrapped headers and merged titles, which must not widen a column.
    func text(_ s: String, _ row: Int, _ column: Int, _ style: CellStyle, measure: Bool = true) {
        sheet.write(s.isEmpty ? .empty : .string(s), at: CellRef(row: row, column: column), style: style)
        if measure { note(column, SheetBuilder.displayWidth(s)) }
    }

    /// A number, or a styled blank when nil.
    func number(_ v: Double?, _ row: Int, _ column: Int, _ style: CellStyle) {
        let ref = CellRef(row: row, column: column)
        guard let v, v.isFinite else {
            sheet.write(.empty, at: ref, style: style)
            return
        }
        sheet.write(.number(v), at: ref, style: style)
        note(column, SheetBuilder.numberWidth(v, format: style.numberFormat))
    }

    /// Any cell value (list cells), measured by how it shows.
    func value(_ v: CellValue, _ row: Int, _ column: Int, _ style: CellStyle) {
        switch v {
        case .number(let d): number(d, row, column, style)
        case .bool(let b): text(b ? "Có" : "Không", row, column, style)
        case .string(let s): text(s, row, column, style)
        case .date:
            sheet.write(v, at: CellRef(row: row, column: column), style: style)
            note(column, 10)
        default:
            let s = KeyNormaliser.display(v)
            text(s, row, column, style)
        }
    }

    /// A formula with the value we computed as its cached result; a styled blank when
    /// there is nothing to compute.
    func formula(_ f: String, cached: Double?, _ row: Int, _ column: Int, _ style: CellStyle) {
        let ref = CellRef(row: row, column: column)
        guard let cached, cached.isFinite else {
            sheet.write(.empty, at: ref, style: style)
            return
        }
        sheet.writeFormula(f, cached: .number(cached), at: ref, style: style)
        note(column, SheetBuilder.numberWidth(cached, format: style.numberFormat))
    }

    /// Merges `range` with a value and style; styles every cell of the range so borders show.
    func merge(_ range: CellRange, _ s: String, _ style: CellStyle) {
        for r in range.first.row...range.last.row {
            for c in range.first.column...range.last.column {
                sheet.write(.empty, at: CellRef(row: r, column: c), style: style)
            }
        }
        sheet.merge(range, value: s.isEmpty ? .empty : .string(s), style: style)
    }

    /// Sets every column's width from its content: at least `minimum`, at most `maximum`,
    /// `fixed` widths where given.
    func fitColumns(_ count: Int, minimum: Double = 6, maximum: Double = 60, fixed: [Int: Double] = [:]) {
        for c in 0..<count {
            let w = fixed[c] ?? min(maximum, max(minimum, (contentWidth[c] ?? 0) * 1.15 + 2))
            sheet.setColumnWidth(c, (w * 100).rounded() / 100)
        }
    }

    private func note(_ column: Int, _ width: Double) {
        if width > contentWidth[column] ?? 0 { contentWidth[column] = width }
    }

    /// The longest line in characters (combining marks do not count).
    static func displayWidth(_ s: String) -> Double {
        var best = 0
        for line in s.split(separator: "\n", omittingEmptySubsequences: false) where line.count > best {
            best = line.count
        }
        return Double(best)
    }

    /// The width of a number as `#,##0`, `0.00%` or similar shows it.
    static func numberWidth(_ v: Double, format: String?) -> Double {
        let digits = Double(String(Int64(abs(v.rounded()))).count)
        let groups = (digits - 1) / 3
        let sign: Double = v < 0 || (format?.hasPrefix("+") ?? false) ? 1 : 0
        guard let format else { return Double(KeyNormaliser.number(v).count) }
        if format.contains("%") {
            // Percent formats show the value × 100 with two decimals (and maybe a suffix).
            return Double(String(Int64(abs(v * 100).rounded())).count) + 4 + sign
        }
        let decimals: Double = format.contains(".00") ? 3 : 0
        let suffix = format.split(separator: "\"").dropFirst().first.map { Double($0.count) } ?? 0
        return digits + groups.rounded(.down) + decimals + sign + suffix
    }
}
