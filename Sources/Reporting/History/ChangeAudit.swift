/// One accepted submission's figures, as the change audit compares them.
public struct AcceptedFigures: Sendable, Hashable {
    public var unit: String
    public var period: String
    public var file: String
    public var hash: String
    /// When it counts as received.
    public var received: Timestamp
    /// indicator -> column -> value.
    public var values: [String: [String: Double]]

    public init(
        unit: String, period: String, file: String, hash: String, received: Timestamp, values: [String: [String: Double]]
    ) {
        self.unit = unit
        self.period = period
        self.file = file
        self.hash = hash
        self.received = received
        self.values = values
    }
}

/// A figure an accepted file changed against the unit's accepted file before it.
public struct FigureChange: Sendable, Hashable {
    public var unit: String
    public var period: String
    public var indicator: String
    public var column: String
    /// nil: the figure was not in that file.
    public var old: Double?
    public var new: Double?
    public var oldFile: String
    public var oldReceived: Timestamp
    public var newFile: String
    public var newReceived: Timestamp

    /// The old and new figures as a person reads them (whole numbers for an integer
    /// indicator; `—` for a figure the file did not have): what every report shows.
    public func shown(template: Template?) -> (old: String, new: String) {
        let integer = template?.indicator(indicator)?.spec.type == .integer
        func show(_ v: Double?) -> String {
            guard let v else { return "—" }
            return Value.number(integer ? v.rounded() : v).display
        }
        return (show(old), show(new))
    }
}

/// The change audit: when a unit's accepted figures change (a corrected file), each
/// changed figure old → new, with the files and when each was received. Accepted files of
/// a unit and period are taken in receipt order; each is compared with the one before.
public enum ChangeAudit {
    /// The changes in `accepted` (any order; grouped by unit and period, each group in
    /// receipt order, then file name), in period, unit, time and template order.
    public static func changes(_ accepted: [AcceptedFigures], template: Template? = nil) -> [FigureChange] {
        var groups: [String: [AcceptedFigures]] = [:]
        for a in accepted { groups[a.period + "\u{0}" + a.unit, default: []].append(a) }
        var out: [FigureChange] = []
        for key in groups.keys.sorted() {
            let ordered = groups[key]!.sorted { ($0.received.seconds, $0.file) < ($1.received.seconds, $1.file) }
            for (old, new) in zip(ordered, ordered.dropFirst()) where old.hash != new.hash {
                out += between(old, new, template: template)
            }
        }
        return out
    }

    /// The figures `new` changes against `old` (same unit and period), in template order
    /// (indicators the template does not know last, by code).
    public static func between(_ old: AcceptedFigures, _ new: AcceptedFigures, template: Template? = nil) -> [FigureChange] {
        let codes = Set(old.values.keys).union(new.values.keys)
        let known = template?.indicators.map(\.code).filter(codes.contains) ?? []
        let order = known + codes.subtracting(known).sorted()
        var out: [FigureChange] = []
        for code in order {
            let columns = Set((old.values[code] ?? [:]).keys).union((new.values[code] ?? [:]).keys)
            let columnOrder = template?.indicator(code)?.columns.filter(columns.contains) ?? []
            for column in columnOrder + columns.subtracting(columnOrder).sorted() {
                let a = old.values[code]?[column], b = new.values[code]?[column]
                guard a != b else { continue }
                out.append(
                    FigureChange(
                        unit: new.unit, period: new.period, indicator: code, column: column, old: a, new: b,
                        oldFile: old.file, oldReceived: old.received, newFile: new.file, newReceived: new.received))
            }
        }
        return out
    }

    /// The changes as issues of the new file (`figure-changed`, info), at the figure's cell
    /// when `cells` has it, for its validation report and the run report.
    public static func issues(_ changes: [FigureChange], cells: [String: [String: IndicatorCell]], template: Template?)
        -> [Issue]
    {
        changes.map { c in
            let ind = template?.indicator(c.indicator)
            let (old, new) = c.shown(template: template)
            var params: [String: String] = [
                "unit": c.unit, "old": old, "new": new, "old_file": c.oldFile,
                "old_received": c.oldReceived.dayMonthYearTime, "new_received": c.newReceived.dayMonthYearTime,
                "indicator.vi": c.indicator + (ind.map { " (\($0.label.vi))" } ?? ""),
                "indicator.en": c.indicator + (ind.map { " (\($0.label.en))" } ?? ""),
            ]
            if let vc = template?.form(holding: c.indicator)?.column(c.column) {
                params["column.vi"] = vc.label.vi
                params["column.en"] = vc.label.en
            }
            if let what = template?.indicatorWords(c.indicator, column: c.column) {
                params["what.vi"] = what.vi
                params["what.en"] = what.en
            }
            // The old figure is not a requirement: it stays out of `expected`.
            let at = cells[c.indicator]?[c.column]
            return Issue(
                code: "figure-changed", severity: .info, file: c.newFile, sheet: at?.sheet, cell: at?.cell,
                found: new, params: params)
        }
    }
}
