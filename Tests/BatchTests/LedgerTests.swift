import Foundation
import GRDB
import Reporting
import Testing

@testable import Batch

@Suite struct LedgerTests {
    @Test func newLedgerHasEveryMigrationAndTable() throws {
        let dir = TempFolder("ledger")
        let ledger = try Ledger(path: dir.path + "/sub/ledger.sqlite")
        #expect(Ledger.migrationNames.first == "v1-initial")
        let (applied, tables, journal) = try ledger.db.read { db in
            (
                try Ledger.migrator.appliedMigrations(db),
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type IN ('table','view') ORDER BY name"),
                try String.fetchOne(db, sql: "PRAGMA journal_mode")
            )
        }
        #expect(applied == Ledger.migrationNames)
        for t in ["runs", "submissions", "figures", "issues", "outputs", "current_figures"] {
            #expect(tables.contains(t), "missing \(t)")
        }
        #expect(journal == "wal")
    }

    @Test func reopeningKeepsData() throws {
        let dir = TempFolder("ledger")
        let path = dir.path + "/ledger.sqlite"
        let id = try Ledger(path: path).beginRun(job: "j", period: "2016", at: Date(timeIntervalSince1970: 0))
        let runs = try Ledger(path: path).runs()
        #expect(runs.map(\.id) == [id])
        #expect(runs.first?.outcome == "running")
    }

    @Test func ledgerFromANewerVersionIsRefused() throws {
        let dir = TempFolder("ledger")
        let path = dir.path + "/ledger.sqlite"
        _ = try Ledger(path: path)
        let q = try DatabaseQueue(path: path)
        try q.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')") }
        #expect(throws: BatchError.self) { try Ledger(path: path) }
    }

    @Test func interruptedRunsAreMarkedAndRecordingIsComplete() throws {
        let dir = TempFolder("ledger")
        let ledger = try Ledger(path: dir.path + "/ledger.sqlite")
        let first = try ledger.beginRun(job: "j", period: "2016", at: Date(timeIntervalSince1970: 0))
        let second = try ledger.beginRun(job: "j", period: "2016", at: Date(timeIntervalSince1970: 60))
        let f = InboxFile(name: "a.xlsx", path: "/x/a.xlsx", size: 3, modified: 1, hash: "h1")
        let report = FileReport(
            file: "a.xlsx", status: .acceptedWithWarnings, unit: "MNH", period: "2016",
            issues: [Issue(code: "nq04-chibo-3dv", severity: .warning, file: "a.xlsx", params: ["b": "2", "a": "1"])])
        let sub = Submission(
            file: "a.xlsx", unit: "MNH", period: "2016", values: ["KN": ["current": 112]], lists: [:])
        var counts = RunCounts()
        counts.files = 1
        try ledger.finishRun(
            second, entries: [LedgerEntry(file: f, report: report, submission: sub, supersededBy: nil)], exitCode: 0,
            fingerprint: "fp", counts: counts, workbook: "/o/w.xlsx", outputs: ["/o/w.xlsx": "abc"],
            at: Date(timeIntervalSince1970: 120))
        let runs = try ledger.runs()
        #expect(runs.map(\.outcome) == ["interrupted", "completed"])
        #expect(runs[0].id == first)
        let last = try #require(try ledger.lastCompletedRun(job: "j", period: "2016"))
        #expect(last.fingerprint == "fp" && last.outputs == ["/o/w.xlsx": "abc"] && last.counts.files == 1)
        #expect(try ledger.currentFigures(period: "2016") == ["MNH": ["KN": ["current": 112]]])
        let subs = try ledger.allSubmissions()
        #expect(subs.count == 1 && subs[0].status == .acceptedWithWarnings && subs[0].warnings == 1)
        #expect(subs[0].receivedAt == "1970-01-01T00:02:00.000Z")
        #expect(try ledger.issueCodes(submissionID: subs[0].id) == ["nq04-chibo-3dv"])
    }

    @Test func historySupersession() throws {
        let dir = TempFolder("ledger")
        let ledger = try Ledger(path: dir.path + "/ledger.sqlite")
        func report(_ name: String) -> FileReport {
            FileReport(file: name, status: .accepted, unit: "MNH", period: "2016", issues: [])
        }
        func sub(_ name: String, _ kn: Double) -> Submission {
            Submission(file: name, unit: "MNH", period: "2016", values: ["KN": ["current": kn]], lists: [:])
        }
        // Run 1: the district's first file. Run 2: the same name, corrected content.
        let old = InboxFile(name: "NQ04_MNH_2016.xlsx", path: "/i/a", size: 1, modified: 1, hash: "old")
        let new = InboxFile(name: "NQ04_MNH_2016.xlsx", path: "/i/a", size: 1, modified: 2, hash: "new")
        let r1 = try ledger.beginRun(job: "j", period: "2016", at: Date())
        try ledger.finishRun(
            r1, entries: [LedgerEntry(file: old, report: report(old.name), submission: sub(old.name, 100), supersededBy: nil)],
            exitCode: 0, fingerprint: "1", counts: RunCounts(), workbook: nil, outputs: [:], at: Date())
        let r2 = try ledger.beginRun(job: "j", period: "2016", at: Date())
        try ledger.finishRun(
            r2, entries: [LedgerEntry(file: new, report: report(new.name), submission: sub(new.name, 112), supersededBy: nil)],
            exitCode: 0, fingerprint: "2", counts: RunCounts(), workbook: nil, outputs: [:], at: Date())
        let history = try ledger.submissions(unit: "MNH", period: "2016")
        #expect(history.map(\.hash) == ["old", "new"])
        #expect(history[0].supersededBy == history[1].id)
        #expect(history[1].supersededBy == nil)
        #expect(try ledger.currentFigures(period: "2016")["MNH"]?["KN"]?["current"] == 112)
        #expect(try ledger.seenHashes(["old", "other"]) == ["old"])
    }
}
