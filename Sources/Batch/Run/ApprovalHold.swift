import Reporting

/// The province's approvals applied to the run's supersession: an approved file stays
/// current for its unit and period; a newer file of that unit is held for review (it is
/// validated and reported, but does not replace the approved figures) until the province
/// says `approve` (the newer file) or `reopen` (the newest counts again).
///
/// The approved file must still be in the inbox (the job never removes inbox files); when
/// it is not, the approval cannot stand for figures the run does not hold, and the newest
/// file counts as without it.
enum ApprovalHold {
    /// Rewrites `supersededBy` for the approved units; returns the approved files and the
    /// held ones (index -> the approval that keeps it current, or holds it).
    static func apply(
        _ supersededBy: inout [Int?], files: [InboxFile], reports: [FileReport], approvals: [String: LedgerApproval]
    ) -> (approved: [Int: LedgerApproval], held: [Int: LedgerApproval]) {
        var approvedFiles: [Int: LedgerApproval] = [:]
        var held: [Int: LedgerApproval] = [:]
        for (unit, a) in approvals.sorted(by: { $0.key < $1.key }) {
            guard
                let approved = files.indices.first(where: {
                    files[$0].hash == a.hash && files[$0].name == a.file && reports[$0].unit == unit
                        && reports[$0].period == a.period
                })
            else { continue }
            for j in files.indices where j != approved && reports[j].unit == unit && reports[j].period == a.period {
                supersededBy[j] = approved
                if Supersession.isNewer(files[j], than: files[approved]) { held[j] = a }
            }
            supersededBy[approved] = nil
            approvedFiles[approved] = a
        }
        return (approvedFiles, held)
    }

    /// The notes on the reports: `held-for-review` on each held file (accepted becomes
    /// accepted with warnings), `approved` on each approved file, naming those held behind it.
    static func annotate(
        _ validated: inout [(FileReport, Submission?)], files: [InboxFile],
        approved: [Int: LedgerApproval], held: [Int: LedgerApproval], offset: Int
    ) {
        for (i, a) in held.sorted(by: { $0.key < $1.key }) {
            validated[i].0.issues.append(issue(file: files[i].name, approval: a, offset: offset))
            if validated[i].0.status == .accepted { validated[i].0.status = .acceptedWithWarnings }
        }
        for (i, a) in approved.sorted(by: { $0.key < $1.key }) {
            let behind = held.filter { $0.value.unit == a.unit }.keys.map { files[$0].name }.sorted()
            validated[i].0.issues.append(approvedIssue(file: files[i].name, approval: a, held: behind, offset: offset))
        }
    }

    /// The `approved` note on the approved file's report, naming the files held behind it.
    static func approvedIssue(file: String, approval: LedgerApproval, held: [String], offset: Int) -> Issue {
        var params = ["approved_at": shownTime(approval.approvedAt, offset), "approved_by": approval.approvedBy]
        if !held.isEmpty { params["held"] = held.joined(separator: ", ") }
        return Issue(code: "approved", severity: .info, file: file, params: params)
    }

    static func shownTime(_ ledgerTime: String, _ offset: Int) -> String {
        Timestamp(iso: ledgerTime).map { $0.shown(in: offset).dayMonthYearTime } ?? ledgerTime
    }

    /// The `held-for-review` warning on a held file's report.
    static func issue(file: String, approval: LedgerApproval, offset: Int) -> Issue {
        let at = shownTime(approval.approvedAt, offset)
        return Issue(
            code: "held-for-review", severity: .warning, file: file, expected: approval.file,
            params: ["approved_at": at, "approved_by": approval.approvedBy, "approved_file": approval.file])
    }
}
