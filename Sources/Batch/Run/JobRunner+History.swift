import Reporting

/// The run's memory across periods: the history it reads, the outliers it warns about and
/// the period's timeliness.
extension JobRunner {
    /// The accepted figures of every other period in the ledger (none without a ledger).
    func loadHistory(_ ledger: Ledger?) throws(BatchError) -> History {
        try ledger?.history(excluding: plan.periodText) ?? .empty
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
    func timeliness(files: [InboxFile], reports: [FileReport], report: RunReport, ledger: Ledger?) throws(BatchError)
        -> Timeliness
    {
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
            current: current)
    }
}
