import Reporting

/// The run's memory across periods: the history it reads, the outliers it warns about and
/// the period's timeliness.
extension JobRunner {
    /// The accepted figures of the periods before this one in the ledger (none without a
    /// ledger). Later periods are left out: a 2016 run never changes the 2015 outputs.
    func loadHistory(_ ledger: Ledger?) throws(BatchError) -> History {
        (try ledger?.history(excluding: plan.periodText) ?? .empty).before(plan.period)
    }

    /// Adds the outlier warnings to the current accepted submissions of the period (an
    /// accepted file becomes accepted with warnings; nothing is ever rejected for it).
    func addOutliers(_ validated: inout [(FileReport, Submission?)], supersededBy: [Int?], history: History) {
        guard let finder = outliers else { return }
        let current = validated.indices.filter { i in
            let r = validated[i].0
            return supersededBy[i] == nil && validated[i].1 != nil && r.period == plan.periodText
                && (r.status == .accepted || r.status == .acceptedWithWarnings)
        }
        let found = finder.issues(for: current.map { validated[$0].1! }, history: history, period: plan.period)
        for (k, i) in current.enumerated() where !found[k].isEmpty {
            validated[i].0.issues += found[k]
            if validated[i].0.status == .accepted { validated[i].0.status = .acceptedWithWarnings }
            for issue in found[k] { logger.info("\(validated[i].0.file): outlier \(issue.params["indicator.en"] ?? "") \(issue.found ?? "")") }
        }
    }

    /// Every expected unit's standing against the deadline, from every file of the period
    /// the ledger has seen and this run's files (by receipt time).
    func timeliness(
        files: [InboxFile], reports: [FileReport], report: RunReport, ledger: Ledger?, held: Set<String> = []
    ) throws(BatchError) -> Timeliness {
        let c = plan
        var attempts: [String: [Timeliness.Attempt]] = [:]
        var seen = Set<String>()
        for i in files.indices {
            let r = reports[i]
            let unit = r.unit ?? c.fileNameParser?(files[i].name).flatMap { $0.period == c.periodText ? $0.unit : nil }
            guard let unit, r.unit == nil || r.period == c.periodText else { continue }
            seen.insert(files[i].hash + "/" + files[i].name)
            let ok = r.status == .accepted || r.status == .acceptedWithWarnings
            attempts[unit, default: []].append(.init(received: files[i].received, acceptable: ok))
        }
        for s in try ledger?.submissions(period: c.periodText) ?? [] where !seen.contains(s.hash + "/" + s.file) {
            guard let unit = s.unit else { continue }
            let ok = s.status == .accepted || s.status == .acceptedWithWarnings
            attempts[unit, default: []].append(.init(received: s.received.shown(in: c.timeZoneOffset), acceptable: ok))
        }
        var current: [String: Bool] = [:]
        for u in report.units where u.expected {
            switch u.status {
            case .accepted, .acceptedWithWarnings: current[u.code] = true
            case .rejected: current[u.code] = false
            case .missing: break
            }
        }
        return Timeliness.compute(
            deadline: c.deadline, expected: c.expectedUnits.map { ($0.code, $0.name) }, attempts: attempts,
            current: current, held: held)
    }

    /// The change audit of the period: for each unit's current accepted file, the figures it
    /// changed against the unit's accepted file received before it (this run's files and
    /// every one the ledger remembers), added to its report as `figure-changed` (info).
    func addChanges(_ validated: inout [(FileReport, Submission?)], files: [InboxFile], supersededBy: [Int?], ledger: Ledger?)
        throws(BatchError) -> [RunReport.ChangeLine]
    {
        let c = plan
        func acceptable(_ i: Int) -> Bool {
            let r = validated[i].0
            return validated[i].1 != nil && r.period == c.periodText && (r.status == .accepted || r.status == .acceptedWithWarnings)
        }
        var earlier: [String: [AcceptedFigures]] = [:]  // unit -> accepted files
        var mine: [Int: AcceptedFigures] = [:]  // this run's, by file index
        for i in files.indices where acceptable(i) {
            let s = validated[i].1!
            let a = AcceptedFigures(unit: s.unit, period: s.period, file: files[i].name, hash: files[i].hash, received: files[i].received, values: s.values)
            mine[i] = a
            earlier[s.unit, default: []].append(a)
        }
        let inRun = Set(mine.values.map { $0.hash + "/" + $0.file })
        for a in try ledger?.acceptedFigures(period: c.periodText, excluding: inRun) ?? [] {
            var shown = a
            shown.received = a.received.shown(in: c.timeZoneOffset)
            earlier[a.unit, default: []].append(shown)
        }
        var lines: [RunReport.ChangeLine] = []
        for i in files.indices where supersededBy[i] == nil {
            guard let current = mine[i] else { continue }
            let before = (earlier[current.unit] ?? []).filter {
                $0.hash != current.hash && ($0.received.seconds, $0.file) < (current.received.seconds, current.file)
            }
            guard let previous = before.max(by: { ($0.received.seconds, $0.file) < ($1.received.seconds, $1.file) }) else { continue }
            let changed = ChangeAudit.between(previous, current, template: template)
            guard !changed.isEmpty else { continue }
            validated[i].0.issues += ChangeAudit.issues(changed, cells: validated[i].1!.cells, template: template)
            for ch in changed {
                let (old, new) = ch.shown(template: template)
                lines.append(
                    RunReport.ChangeLine(
                        unit: ch.unit, indicator: ch.indicator, column: ch.column,
                        columnLabel: template?.form(holding: ch.indicator)?.column(ch.column)?.label, old: old, new: new,
                        oldFile: ch.oldFile, oldReceived: ch.oldReceived, newFile: ch.newFile, newReceived: ch.newReceived))
                logger.info("\(current.file): \(ch.indicator) \(ch.column) \(old) → \(new) since \(ch.oldFile)")
            }
        }
        return lines
    }
}
