import Reporting

extension JobRunner {
    /// The run report's units, files and counts from the validated files. `replacedInPlace`
    /// gives, per file, the hash of the earlier content it replaced under the same name
    /// (empty: none); each counts as superseded and is listed with the unit as
    /// `NAME (first 12 hex digits of its SHA-256)`.
    func buildReport(
        files: [InboxFile], reports: [FileReport], supersededBy: [Int?], seen: Set<String>,
        replacedInPlace: [String?] = []
    ) -> RunReport {
        let c = plan
        var counts = RunCounts()
        counts.files = files.count
        counts.expected = c.expectedUnits.count
        counts.newFiles = files.filter { !seen.contains($0.hash) }.count
        counts.superseded = supersededBy.compactMap { $0 }.count + replacedInPlace.compactMap { $0 }.count

        var fileLines: [RunReport.FileLine] = []
        for i in files.indices {
            let r = reports[i]
            let copied = (r.status == .rejected || r.status == .unreadable) && !c.dryRun
            fileLines.append(
                RunReport.FileLine(
                    file: files[i].name, sha256: files[i].hash, size: files[i].size, unit: r.unit, period: r.period,
                    status: r.status, new: !seen.contains(files[i].hash), errors: r.errorCount,
                    warnings: r.warningCount, supersededBy: supersededBy[i].map { files[$0].name },
                    copiedTo: copied ? c.relativeToOutput(c.rejectedCopyPath(files[i].name)) : nil))
            guard supersededBy[i] == nil else { continue }
            switch r.status {
            case .accepted, .acceptedWithWarnings: counts.accepted += 1
            case .rejected: counts.rejected += 1
            case .unreadable: counts.unreadable += 1
            }
        }
        let currentByUnit = currentSubmissions(files: files, reports: reports, supersededBy: supersededBy)

        func line(code: String, name: String, expected: Bool) -> RunReport.UnitLine {
            guard let i = currentByUnit[code] else {
                return RunReport.UnitLine(
                    code: code, name: name, expected: expected, status: .missing, file: nil, new: false, errors: 0,
                    warnings: 0, superseded: [])
            }
            let r = reports[i]
            let status = RunReport.UnitStatus(r.status)
            var replaced = files.indices.filter { supersededBy[$0] == i }.map { files[$0].name }
            if i < replacedInPlace.count, let earlier = replacedInPlace[i] {
                replaced.insert("\(files[i].name) (\(earlier.prefix(12)))", at: 0)
            }
            return RunReport.UnitLine(
                code: code, name: name, expected: expected, status: status, file: files[i].name,
                new: !seen.contains(files[i].hash), errors: r.errorCount, warnings: r.warningCount, superseded: replaced)
        }
        var units = c.expectedUnits.map { line(code: $0.code, name: $0.name, expected: true) }
        let expectedCodes = Set(c.expectedUnits.map(\.code))
        for code in currentByUnit.keys.sorted() where !expectedCodes.contains(code) {
            units.append(line(code: code, name: "", expected: false))
        }
        counts.missing = units.filter { $0.expected && $0.status == .missing }.count
        return RunReport(
            job: c.job, period: c.periodText, workbook: nil, counts: counts, units: units, files: fileLines, issues: [])
    }

    /// The file that stands for each unit this period: its current submission; failing
    /// that, for a file that states no unit (unreadable), the unit its name gives, so the
    /// unit shows as rejected rather than missing (its figures never come from a name).
    func currentSubmissions(files: [InboxFile], reports: [FileReport], supersededBy: [Int?]) -> [String: Int] {
        let c = plan
        var byUnit: [String: Int] = [:]
        for i in files.indices where supersededBy[i] == nil {
            if let unit = reports[i].unit, reports[i].period == c.periodText { byUnit[unit] = i }
        }
        guard let parse = c.fileNameParser else { return byUnit }
        var byName: [String: Int] = [:]
        for i in files.indices where reports[i].unit == nil {
            guard let (unit, period) = parse(files[i].name), period == c.periodText, byUnit[unit] == nil else { continue }
            if let j = byName[unit], !Supersession.isNewer(files[i], than: files[j]) { continue }
            byName[unit] = i
        }
        return byUnit.merging(byName) { a, _ in a }
    }
}

extension RunReport {
    /// Marks the units whose current file stands by an approval, and the files held behind it.
    mutating func markApprovals(_ approvals: [String: LedgerApproval], held: [Int: LedgerApproval], files: [InboxFile]) {
        let heldNames = Set(held.keys.map { files[$0].name })
        for k in self.files.indices where heldNames.contains(self.files[k].file) { self.files[k].held = true }
        // A held file is not replaced: it waits. It is listed with the approval, not as superseded.
        counts.superseded -= held.count
        for k in units.indices { units[k].superseded.removeAll { heldNames.contains($0) } }
        for k in units.indices {
            guard let a = approvals[units[k].code], units[k].file == a.file else { continue }
            let mine = held.filter { $0.value.unit == a.unit }.keys.map { files[$0].name }.sorted()
            units[k].approval = ApprovalLine(by: a.approvedBy, at: a.approvedAt, file: a.file, held: mine)
        }
    }
}
