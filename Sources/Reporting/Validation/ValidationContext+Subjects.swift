import Foundation
import XLSX

extension ListSheet {
    /// The column that names a row to a person (a member's name, a village): the first
    /// required free-text column (not a code, a date, a number or a choice). Nil when none.
    public var nameColumn: ListColumn? {
        columns.first { !$0.optional && $0.spec.type == .text && $0.spec.allowed == nil }
    }
}

extension ValidationContext {
    /// The issues so far, each cell issue told what it is about in words: `what.vi` and
    /// `what.en` (the indicator's number, label and column; the list row's number, name
    /// and column; the identify field's label), read from the input cell at the issue's
    /// cell. An issue that already says (`what.vi`) or has no cell is left as it is.
    /// One pass over the inputs, looking up only the cells and rows the issues name.
    func describedIssues() -> [Issue] {
        var cells: [String: [CellRef]] = [:]  // sheet -> the cells the issues name
        for i in issues where i.params["what.vi"] == nil {
            guard let sheet = i.sheet, let c = i.cell, let ref = CellRef(c.split(separator: ":").first ?? Substring(c)) else { continue }
            cells[sheet, default: []].append(ref)
        }
        guard !cells.isEmpty else { return issues }
        let wanted = cells.mapValues(Set.init)
        let wantedRows = cells.mapValues { Set($0.map(\.row)) }
        var owners: [String: [CellRef: InputCell.Owner]] = [:]
        var names: [String: [Int: String]] = [:]  // sheet -> row -> the row's name
        var listOfSheet: [String: ListSheet] = [:]
        // Every input cell of the file passes here: the sheet's sets are looked up once per
        // run of cells of one sheet (inputs come sheet by sheet), not hashed again per cell.
        var lastSheet: String?
        var w: Set<CellRef>?
        var rows: Set<Int>?
        for input in inputs {
            if input.sheet != lastSheet {
                lastSheet = input.sheet
                w = wanted[input.sheet]
                rows = wantedRows[input.sheet]
            }
            guard let w else { continue }
            if w.contains(input.ref) { owners[input.sheet, default: [:]][input.ref] = input.owner }
            if case .list(let id, let column) = input.owner, rows?.contains(input.ref.row) == true {
                if listOfSheet[input.sheet] == nil, let l = template.list(id) { listOfSheet[input.sheet] = l }
                if column == listOfSheet[input.sheet]?.nameColumn?.id {
                    let name = input.shown.trimmingCharacters(in: .whitespaces)
                    if !name.isEmpty { names[input.sheet, default: [:]][input.ref.row] = name }
                }
            }
        }
        return issues.map { issue in
            guard issue.params["what.vi"] == nil, let sheet = issue.sheet, let c = issue.cell,
                let ref = CellRef(c.split(separator: ":").first ?? Substring(c))
            else { return issue }
            var what: Localized?
            switch owners[sheet]?[ref] {
            case .indicator(let code, let column)?:
                what = indicatorWords(code, column: column)
            case .identify(let id)?:
                what = template.identify.field(id)?.label
            case .list(_, let column)?:
                let label = listOfSheet[sheet]?.column(column)?.label
                what = rowWords(ref.row, name: names[sheet]?[ref.row], column: label)
            case nil:
                if listOfSheet[sheet] != nil { what = rowWords(ref.row, name: names[sheet]?[ref.row], column: nil) }
            }
            guard let what else { return issue }
            var out = issue
            out.params["what.vi"] = what.vi
            out.params["what.en"] = what.en
            return out
        }
    }

    private func indicatorWords(_ code: String, column: String) -> Localized? {
        template.indicatorWords(code, column: column)
    }

    /// `Dòng 12 (Nguyễn Văn An), cột “Ngày sinh”`.
    private func rowWords(_ row: Int, name: String?, column: Localized?) -> Localized {
        let who = name.map { " (\($0))" } ?? ""
        return Localized(
            vi: "Dòng \(row + 1)\(who)" + (column.map { ", cột “\($0.vi)”" } ?? ""),
            en: "Row \(row + 1)\(who)" + (column.map { ", column “\($0.en)”" } ?? ""))
    }
}

extension Template {
    /// `Chỉ tiêu 2.1 “Kết nạp đảng viên”, cột “Kỳ này”`: what an issue about an indicator's
    /// cell is about, in words.
    func indicatorWords(_ code: String, column: String) -> Localized? {
        guard let ind = indicator(code) else { return nil }
        let number = ind.number ?? code
        let col = form(holding: code)?.column(column)?.label
        let vi = "Chỉ tiêu \(number) “\(ind.label.vi)”" + (col.map { ", cột “\($0.vi)”" } ?? "")
        let en = "Indicator \(number) “\(ind.label.en)”" + (col.map { ", column “\($0.en)”" } ?? "")
        return Localized(vi: vi, en: en)
    }
}
