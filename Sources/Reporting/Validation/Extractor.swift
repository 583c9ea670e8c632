import XLSX

/// Finds the template's sheets, identify cells, indicators and list rows in a workbook,
/// reads every input cell against its spec, and records what is missing. It reports
/// nothing itself: the checks turn what it records into issues.
enum Extractor {
    static func run(_ ctx: ValidationContext) {
        let t = ctx.template
        for name in t.sheetNames {
            if let s = ctx.workbook.sheet(named: name) { ctx.sheets[name] = s }
        }
        identify(ctx)
        for form in t.forms {
            guard let sheet = ctx.sheets[form.sheet] else { continue }
            ctx.forms.append(extract(form, sheet, ctx))
        }
        for list in t.lists {
            guard let sheet = ctx.sheets[list.sheet] else { continue }
            ctx.lists.append(extract(list, sheet, ctx))
        }
    }

    private static func identify(_ ctx: ValidationContext) {
        let id = ctx.template.identify
        // A name only confirms unit and period when the period part is one.
        let periods = ctx.template.period
        ctx.fileNameParts = id.parseFileName(ctx.file) { periods.parse($0) != nil }
        guard let sheet = ctx.sheets[id.sheet] else { return }
        for f in id.fields {
            let cell = sheet[f.cell]
            var spec = f.spec
            if f.id == "period", case .number(let d) = cell.value {
                // A year typed as a number is fine.
                ctx.periodText = Value.format(d)
                spec.type = .text
            }
            let reading = FieldReader.read(cell, as: spec.type, system: ctx.workbook.dateSystem)
            ctx.inputs.append(InputCell(owner: .identify(f.id), sheet: sheet.name, ref: f.cell, raw: cell, spec: spec, reading: reading))
            guard case .value(let v, _) = reading else { continue }
            switch (f.id, v) {
            case ("unit", .string(let s)): ctx.unit = s.uppercased()
            case ("period", .string(let s)): ctx.periodText = ctx.periodText ?? s
            case ("report_date", .date(let d)): ctx.reportDate = d.serial
            default: break
            }
        }
    }

    private static func key(_ v: CellValue) -> String? {
        switch v {
        case .string(let s): return FieldReader.trimmed(s).uppercased()
        default: return nil
        }
    }

    private static func extract(_ form: FormSheet, _ sheet: SheetSnapshot, _ ctx: ValidationContext) -> FormExtract {
        var out = FormExtract(form: form, sheetName: sheet.name)
        if let kc = form.keyColumn {
            // Upper-cased code to the template's spelling, the first indicator winning.
            var codes: [String: String] = [:]
            for ind in form.indicators where codes[ind.code.uppercased()] == nil { codes[ind.code.uppercased()] = ind.code }
            for (ref, cell) in sheet.filledCells where ref.column == kc {
                guard let k = key(cell.value), let code = codes[k] else { continue }
                if out.rows[code] == nil { out.rows[code] = ref.row } else { out.duplicates[code, default: []].append(ref.row) }
            }
        }
        for ind in form.indicators {
            let fixed = !ind.cells.isEmpty
            guard fixed || out.rows[ind.code] != nil else {
                out.missing.append(ind.code)
                continue
            }
            for col in form.columns {
                let ref: CellRef
                if let c = ind.cells[col.id] {
                    ref = c
                } else if let row = out.rows[ind.code], !fixed {
                    ref = CellRef(row: row, column: col.column)
                } else {
                    continue
                }
                let cell = sheet[ref]
                let input = InputCell(
                    owner: .indicator(code: ind.code, column: col.id), sheet: sheet.name, ref: ref, raw: cell,
                    spec: ind.spec, reading: FieldReader.read(cell, as: ind.spec.type, system: ctx.workbook.dateSystem), applicable: ind.applies(col.id))
                ctx.inputs.append(input)
                if input.applicable, case .value(.number(let d), _) = input.reading, inRange(d, ind.spec) {
                    out.values[ind.code, default: [:]][col.id] = d
                }
            }
        }
        return out
    }

    static func inRange(_ d: Double, _ spec: FieldSpec) -> Bool {
        (spec.min.map { d >= $0 } ?? true) && (spec.max.map { d <= $0 } ?? true)
    }

    private static func extract(_ list: ListSheet, _ sheet: SheetSnapshot, _ ctx: ValidationContext) -> ListExtract {
        var out = ListExtract(list: list, sheetName: sheet.name)
        // The header: the row among the first rows matching the most column labels.
        var best: (row: Int, columns: [String: Int])?
        let last = min(sheet.lastRow, list.headerRow + list.headerSearchRows)
        if last >= 0 {
            // Header key -> the list columns it names, in list order; folded once per list
            // and looked up once per cell (not once per cell and column).
            var columnsByKey: [LabelKey: [Int]] = [:]
            for (i, c) in list.columns.enumerated() {
                for k in Set(c.headerKeys) { columnsByKey[k, default: []].append(i) }
            }
            // Row by row (the filled cells are in row-major order), each row's text folded
            // only when it is reached: a row naming every column ends the search, since no
            // later row can name more.
            let cells = sheet.filledCells
            var i = cells.startIndex
            while i < cells.endIndex, cells[i].0.row <= last {
                let row = cells[i].0.row
                var found: [String: Int] = [:]
                while i < cells.endIndex, cells[i].0.row == row {
                    if case .string(let s) = cells[i].1.value,
                        let c = columnsByKey[LabelKey(s)]?.first(where: { found[list.columns[$0].id] == nil })
                    {
                        found[list.columns[c].id] = cells[i].0.column
                    }
                    i += 1
                }
                if found.count > (best?.columns.count ?? 0) { best = (row, found) }
                if found.count == list.columns.count { break }
            }
        }
        let needed = list.columns.count == 1 ? 1 : 2
        guard let header = best, header.columns.count >= needed else {
            out.incomplete = Set(list.columns.map(\.id) + ["*"])
            return out
        }
        out.headerRow = header.row
        out.columns = header.columns
        out.missingColumns = list.columns.filter { header.columns[$0.id] == nil && !$0.optional }
        out.incomplete = Set(list.columns.filter { header.columns[$0.id] == nil }.map(\.id))
        // Rows: from below the header to the first row with nothing in the list's columns.
        let counterColumns = Set(list.columns.filter(\.isRowNumber).compactMap { header.columns[$0.id] })
        let dataColumns = header.columns.values.filter { !counterColumns.contains($0) }
        // The columns found, in list order, each with its place in a row and the slot its cells share.
        let layout = ListLayout(ids: list.columns.map(\.id))
        // (No id string in it: copying one per cell was a retain and a release each.)
        let found: [(column: Int, position: Int, slot: InputSlot)] = list.columns.enumerated().compactMap { i, c in
            header.columns[c.id].map { ($0, i, InputSlot(owner: .list(id: list.id, column: c.id), sheet: sheet.name, spec: c.spec)) }
        }
        var row = header.row + 1
        if isNumberingRow(row, header.columns, sheet) { row += 1 }
        let lastFilled = sheet.lastRow
        while row <= lastFilled {
            let cells = sheet.cells(inRow: row)
            let filled = dataColumns.contains { !sheet[$0, in: cells].isBlank }
            if !filled { break }
            // One array per row in the list's layout (a dictionary per row cost a tenth of
            // validation, and its memory is kept until consolidation).
            var values = [CellValue?](repeating: nil, count: layout.ids.count)
            for c in found {
                let cell = sheet[c.column, in: cells]
                let reading = FieldReader.read(cell, as: c.slot.spec.type, system: ctx.workbook.dateSystem)
                var codeLookup: String??
                if case .value(let v, _) = reading {
                    if case .number(let d) = v, !inRange(d, c.slot.spec) {
                        out.incomplete.insert(list.columns[c.position].id)
                    } else if case .code(let ref) = c.slot.spec.type, case .string(let text) = v {
                        // Codes take the reference list's spelling, so consolidation compares
                        // like with like; the lookup is kept in the cell for `unknown-code`.
                        let canonical = ctx.lookupCode(text, slot: c.slot, in: ref)
                        codeLookup = .some(canonical)
                        values[c.position] = canonical.map(CellValue.string) ?? v
                    } else {
                        values[c.position] = v
                    }
                } else {
                    out.incomplete.insert(list.columns[c.position].id)
                }
                ctx.inputs.append(InputCell(
                    slot: c.slot, ref: CellRef(row: row, column: c.column), raw: cell, reading: reading, codeLookup: codeLookup))
            }
            out.rows.append(ListRow(row: row, layout: layout, cells: values))
            row += 1
        }
        out.lastRow = row - 1
        return out
    }

    /// The row of column numbers many forms put under the header: `(1)`, `(2)`, … or `A`, `B`, …
    /// in every column of the list. It is not data.
    static func isNumberingRow(_ row: Int, _ columns: [String: Int], _ sheet: SheetSnapshot) -> Bool {
        guard columns.count >= 2 else { return false }
        return columns.values.allSatisfy { col in
            let text: String
            switch sheet[CellRef(row: row, column: col)].value {
            case .number(let d) where d == d.rounded() && d >= 0 && d < 100: return true
            case .string(let s): text = s.trimmingCharacters(in: .whitespaces)
            default: return false
            }
            var core = Substring(text)
            if core.hasPrefix("("), core.hasSuffix(")") { core = core.dropFirst().dropLast() }
            return (1...2).contains(core.count) && (core.allSatisfy(\.isNumber) || (core.count == 1 && core.allSatisfy(\.isLetter)))
        }
    }
}

extension ListColumn {
    /// A row-number column (`STT`): numbers there alone do not make a row.
    var isRowNumber: Bool {
        spec.type == .integer && ["stt", "tt", "no.", "no", "số tt"].contains(LabelKey(label.vi).folded)
    }
}
