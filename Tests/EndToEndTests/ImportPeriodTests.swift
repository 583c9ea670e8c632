import Foundation
import Testing

/// `tonghop import-period` (issue 16 item 1): a province that starts with last year's
/// figures, from the 2015 provincial workbook or from another ledger, gets the same 2016
/// outputs as one whose ledger ran 2015 itself.
@Suite(.serialized, .enabled(if: FileManager.default.fileExists(atPath: RunJobHarness.repository + "/Samples/2015"), "Samples/2015 not generated"))
struct ImportPeriodTests {
    typealias H = RunJobHarness

    /// Both periods run into one ledger: the reference 2016 outputs and the 2015 workbook.
    func reference() throws -> TwoPeriodWorkspace {
        let ws = try TwoPeriodWorkspace(units: ["DBD", "MCH", "DBP"])
        for p in TwoPeriodWorkspace.periods { #expect(try H.run(["run", ws.job(p)]).status == 0) }
        return ws
    }

    @Test func lastYearsWorkbookStandsForItsRuns() throws {
        let ref = try reference()
        let ws = try TwoPeriodWorkspace(units: ["DBD", "MCH", "DBP"])
        let imported = try H.run(["import-period", ws.job("2016"), "--period", "2015", "--workbook", ref.workbook("2015")])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("imported 3 units") && imported.stdout.contains("DBD, DBP, MCH"), "\(imported.stdout)")
        let again = try H.run(["import-period", ws.job("2016"), "--period", "2015", "--workbook", ref.workbook("2015")])
        #expect(again.status == 0 && again.stdout.contains("nothing new"), "\(again.stdout)")
        #expect(try H.run(["run", ws.job("2016")]).status == 0)
        let want = ref.outputs("2016"), got = ws.outputs("2016")
        #expect(Set(got.keys) == Set(want.keys))
        for (name, bytes) in want { #expect(got[name] == bytes, "\(name) differs from the run that had 2015 in its ledger") }
        #expect(try ws.unitIssues("2016", "DBD").contains { $0["code"] as? String == "nq04-kn-tang-dot-bien" })
    }

    @Test func anotherLedgerStandsForItsRuns() throws {
        let ref = try reference()
        let ws = try TwoPeriodWorkspace(units: ["DBD", "MCH", "DBP"])
        let imported = try H.run(["import-period", ws.job("2016"), "--period", "2015", "--ledger", ref.path + "/ledger.sqlite"])
        #expect(imported.status == 0 && imported.stdout.contains("imported 3 units"), "\(imported.stdout) \(imported.stderr)")
        #expect(try H.run(["run", ws.job("2016")]).status == 0)
        #expect(ws.outputs("2016")["TongHop_NQ04_2016.xlsx"] == ref.outputs("2016")["TongHop_NQ04_2016.xlsx"])
    }

    @Test func whatIsNotAnEarlierPeriodsWorkbookIsRefused() throws {
        let ws = try TwoPeriodWorkspace(units: ["DBD"])
        let submission = try H.run(["import-period", ws.job("2016"), "--period", "2015", "--workbook", ws.inbox("2015") + "/NQ04_DBD_2015.xlsx"])
        #expect(submission.status == 2 && submission.stderr.contains("not a provincial workbook written by tonghop"), "\(submission.stderr)")
        let own = try H.run(["import-period", ws.job("2016"), "--period", "2016", "--workbook", ws.inbox("2015") + "/NQ04_DBD_2015.xlsx"])
        #expect(own.status == 2 && own.stderr.contains("the job's own period"), "\(own.stderr)")
        let both = try H.run(["import-period", ws.job("2016"), "--period", "2015"])
        #expect(both.status == 64, "\(both.stderr)")
    }
}
