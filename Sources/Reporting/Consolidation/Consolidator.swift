/// Turns the accepted submissions of one period into provincial figures.
///
/// Rules:
/// - only accepted submissions (and accepted with warnings) are counted; a unit whose
///   file was rejected or unreadable, and a unit with no file, are shown with that
///   status and never counted as zero (`unit-rejected`, `unit-missing`);
/// - when a unit has several accepted submissions, the last one in the input counts
///   (the caller passes them oldest first) and the others get `superseded`;
/// - a submission for another period is not counted (`wrong-period`);
/// - a blank (not applicable) value is absent, not zero, and a total counts only the
///   units that have a value.
public struct Consolidator: Sendable {
    public var spec: ConsolidationSpec

    public init(spec: ConsolidationSpec) {
        self.spec = spec
    }

    /// Consolidates `submissions` (accepted files) given every file's report.
    /// - Parameters:
    ///   - period: the period consolidated (`2016`); submissions for another one are not counted.
    ///   - expectedUnits: unit codes expected this period; nil means every unit of the spec.
    public func consolidate(
        _ submissions: [Submission], reports: [FileReport], period: Period,
        expectedUnits: [String]? = nil
    ) -> Consolidation {
        let periodText = period.description
        var issues: [Issue] = []
        let expectedCodes = expectedUnits.map(Set.init) ?? Set(spec.units.map(\.code))
        var order = spec.units.filter { expectedCodes.contains($0.code) }.map(\.code)

        // The submission that counts for each unit, and the ones it supersedes.
        var chosen: [String: Submission] = [:]
        for s in submissions {
            guard s.period == periodText else {
                issues.append(Issue(
                    code: "wrong-period", severity: .error, file: s.file, expected: periodText,
                    found: s.period, params: ["unit": s.unit]))
                continue
            }
            if let earlier = chosen[s.unit] {
                issues.append(Issue(
                    code: "superseded", severity: .info, file: earlier.file, expected: s.file,
                    params: ["unit": s.unit]))
            }
            chosen[s.unit] = s
            if !order.contains(s.unit) { order.append(s.unit) }
        }

        // Rejected and unreadable files, by unit (from the report, else the file name).
        var rejected: [String: FileReport] = [:]
        for r in reports where r.status == .rejected || r.status == .unreadable {
            guard let code = r.unit.flatMap({ order.contains($0) ? $0 : nil }) ?? unitCode(inFileName: r.file, among: order)
            else { continue }
            rejected[code] = r
        }

        var units: [UnitResult] = []
        for code in order {
            let name = spec.unit(code)?.name ?? code
            let expected = expectedCodes.contains(code)
            if let s = chosen[code] {
                let report = reports.last { $0.file == s.file }
                let status: UnitStatus = report?.status == .acceptedWithWarnings ? .acceptedWithWarnings : .accepted
                let values = countedValues(of: s)
                units.append(UnitResult(
                    code: code, name: name, expected: expected, status: status, file: s.file,
                    values: values, attainment: attainment(values)))
            } else if let r = rejected[code] {
                units.append(UnitResult(
                    code: code, name: name, expected: expected, status: .rejected, file: r.file,
                    values: [:], attainment: [:]))
                issues.append(Issue(
                    code: "unit-rejected", severity: .error, file: r.file,
                    found: r.status.rawValue,
                    params: ["unit": code, "unitName": name, "period": periodText, "errors": String(r.errorCount)]))
            } else {
                units.append(UnitResult(
                    code: code, name: name, expected: expected, status: .missing, file: nil,
                    values: [:], attainment: [:]))
                issues.append(Issue(
                    code: "unit-missing", severity: .error, file: "",
                    params: ["unit": code, "unitName": name, "period": periodText]))
            }
        }

        let counted = units.filter { $0.status.isCounted }
        let lists = spec.lists.map { l in
            MergedListResult(list: l.list, rows: mergedRows(l.list, sortBy: l.sortBy, units: counted, chosen: chosen))
        }
        var actionRows: [UnitListRow] = []
        if let a = spec.actionList {
            actionRows = mergedRows(a.list, sortBy: a.groupBy, units: counted, chosen: chosen)
                .filter { a.filter.matches($0.row) }
        }
        issues += crossUnitIssues(units: counted, chosen: chosen)

        let rank = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        issues = stableSorted(issues) { a, b in
            let ra = rank[a.params["unit"] ?? ""] ?? order.count
            let rb = rank[b.params["unit"] ?? ""] ?? order.count
            if ra != rb { return ra < rb }
            if a.code != b.code { return a.code < b.code }
            return false
        }

        return Consolidation(
            spec: spec, period: period, units: units,
            indicators: spec.indicators.map { summary(of: $0, counted: counted, expected: order.count) },
            ratios: spec.ratios.map { ratio($0, counted: counted) },
            lists: lists, actionRows: actionRows, issues: issues)
    }

    // MARK: - Figures

    /// The submission's values for the spec's indicators and each indicator's columns.
    func countedValues(of s: Submission) -> [String: [String: Double]] {
        var out: [String: [String: Double]] = [:]
        for ind in spec.indicators {
            guard let vs = s.values[ind.code] else { continue }
            var row: [String: Double] = [:]
            for c in ind.columns { if let v = vs[c], v.isFinite { row[c] = v } }
            if !row.isEmpty { out[ind.code] = row }
        }
        return out
    }

    func attainment(_ values: [String: [String: Double]]) -> [String: Double] {
        var out: [String: Double] = [:]
        for t in spec.targets {
            if let v = values[t.indicator]?[t.column], let goal = values[t.target]?[t.column], goal != 0 {
                out[t.indicator] = v / goal
            }
        }
        return out
    }

    func summary(of ind: ConsolidationSpec.Indicator, counted: [UnitResult], expected: Int) -> IndicatorSummary {
        var totals: [String: Total] = [:]
        for c in ind.columns {
            let present = counted.compactMap { $0.value(ind.code, c) }
            if !present.isEmpty {
                totals[c] = Total(value: present.reduce(0, +), units: present.count, of: expected)
            }
        }
        var s = IndicatorSummary(code: ind.code, totals: totals)
        if let b = totals[spec.baselineColumn]?.value, let c = totals[spec.currentColumn]?.value {
            s.change = c - b
            if b != 0 { s.relativeChange = (c - b) / b }
        }
        if let t = spec.targets.first(where: { $0.indicator == ind.code }) {
            s.targetIndicator = t.target
            // Over the units that report both, so a missing target never inflates attainment.
            let pairs = counted.compactMap { u -> (Double, Double)? in
                guard let v = u.value(t.indicator, t.column), let g = u.value(t.target, t.column) else { return nil }
                return (v, g)
            }
            if !pairs.isEmpty {
                let goal = pairs.reduce(0) { $0 + $1.1 }
                s.target = goal
                if goal != 0 { s.attainment = pairs.reduce(0) { $0 + $1.0 } / goal }
            }
        }
        return s
    }

    func ratio(_ r: ConsolidationSpec.Ratio, counted: [UnitResult]) -> RatioSummary {
        var values: [String: Double] = [:]
        for c in spec.columns.map(\.id) {
            let pairs = counted.compactMap { u -> (Double, Double)? in
                guard let n = u.value(r.numerator, c), let d = u.value(r.denominator, c) else { return nil }
                return (n, d)
            }
            let d = pairs.reduce(0) { $0 + $1.1 }
            if !pairs.isEmpty, d != 0 { values[c] = pairs.reduce(0) { $0 + $1.0 } / d }
        }
        var s = RatioSummary(id: r.id, values: values)
        if let b = values[spec.baselineColumn], let c = values[spec.currentColumn] {
            s.changePoints = (c - b) * 100
        }
        return s
    }

    // MARK: - Lists

    /// The rows of list `list` of every counted unit, in unit order, each unit's rows
    /// sorted by `sortBy` (Vietnamese-aware, stable; sheet order when empty).
    func mergedRows(
        _ list: String, sortBy: [String], units: [UnitResult], chosen: [String: Submission]
    ) -> [UnitListRow] {
        var out: [UnitListRow] = []
        for u in units {
            guard let s = chosen[u.code] else { continue }
            var rows = (s.lists[list] ?? []).map { UnitListRow(unit: u.code, file: s.file, row: $0) }
            if !sortBy.isEmpty {
                let keyed = rows.map { r in (sortBy.map { KeyNormaliser.collationKey(r.row[$0]) }, r) }
                rows = stableSorted(keyed) { $0.0.lexicographicallyPrecedes($1.0) }.map(\.1)
            }
            out += rows
        }
        return out
    }

    /// The unit code that appears as a token of a file name (`NQ04_MNH_2016.xlsx`).
    func unitCode(inFileName file: String, among codes: [String]) -> String? {
        let base = file.split(separator: "/").last.map(String.init) ?? file
        let tokens = base.split { !$0.isLetter && !$0.isNumber }.map { $0.uppercased() }
        return codes.first { tokens.contains($0.uppercased()) }
    }
}

/// A stable sort (Swift's `sorted` is not guaranteed stable).
func stableSorted<T>(_ items: [T], by less: (T, T) -> Bool) -> [T] {
    items.enumerated().sorted { a, b in
        if less(a.element, b.element) { return true }
        if less(b.element, a.element) { return false }
        return a.offset < b.offset
    }.map(\.element)
}
