import XLSX

extension Consolidator {
    /// `duplicate-member` (the spec's person key in two units) and
    /// `village-claimed-twice` (the place key in two units): one issue per row
    /// involved, so every unit's report shows its side of the conflict.
    func crossUnitIssues(units: [UnitResult], chosen: [String: Submission]) -> [Issue] {
        var out: [Issue] = []
        if let k = spec.personKey {
            out += conflicts(k, code: "duplicate-member", units: units, chosen: chosen)
        }
        if let k = spec.placeKey {
            out += conflicts(k, code: "village-claimed-twice", units: units, chosen: chosen)
        }
        return out
    }

    private func conflicts(
        _ key: ConsolidationSpec.RowKey, code: String, units: [UnitResult], chosen: [String: Submission]
    ) -> [Issue] {
        struct Hit { var unit: String; var file: String; var row: ListRow }
        var groups: [[String]: [Hit]] = [:]
        var keysInOrder: [[String]] = []
        for u in units {
            guard let s = chosen[u.code] else { continue }
            for row in s.lists[key.list] ?? [] {
                let parts = key.columns.map { KeyNormaliser.key(row[$0]) }
                guard !parts.contains(where: \.isEmpty) else { continue }
                if groups[parts] == nil { keysInOrder.append(parts) }
                groups[parts, default: []].append(Hit(unit: u.code, file: s.file, row: row))
            }
        }
        var out: [Issue] = []
        for k in keysInOrder {
            let hits = groups[k]!
            let unitsInvolved = hits.map(\.unit).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            guard unitsInvolved.count > 1 else { continue }
            for h in hits {
                let others = hits.filter { $0.unit != h.unit }
                var params: [String: String] = [
                    "unit": h.unit,
                    "row": String(h.row.row + 1),
                    "otherUnits": others.map(\.unit).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                        .joined(separator: ", "),
                    "otherFiles": others.map { "\($0.file) (\($0.row.row + 1))" }.joined(separator: "; "),
                ]
                for c in key.columns { params[c] = KeyNormaliser.display(h.row[c]) }
                // The catalogue's message names the row (`found`) and every unit listing it (`expected`).
                out.append(Issue(
                    code: code, severity: .warning, file: h.file, sheet: key.sourceSheet,
                    cell: nil, expected: unitsInvolved.joined(separator: ", "),
                    found: key.columns.map { KeyNormaliser.display(h.row[$0]) }.joined(separator: ", "),
                    params: params))
            }
        }
        return out
    }
}
