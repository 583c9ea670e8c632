import Foundation
import Testing

/// Issue 16 items 6 and 7 on the built binary: `approve` holds a resubmission, `reopen`
/// and a second `approve` let it through, and the change audit shows old → new in the run
/// report, the unit's report and `tonghop history`. Mường Chà's two 2016 sample files:
/// the first with KN 140, the corrected one with 142.
@Suite(.serialized, .enabled(if: FileManager.default.fileExists(atPath: RunJobHarness.repository + "/Samples/2015"), "Samples/2015 not generated"))
struct ApprovalTests {
    typealias H = RunJobHarness

    func unit(_ ws: TwoPeriodWorkspace, _ code: String) throws -> [String: Any] {
        let units = (try ws.report("2016")["units"] as? [[String: Any]]) ?? []
        return try #require(units.first { $0["code"] as? String == code })
    }

    @Test func anApprovalHoldsALaterFileUntilApprovedAgainOrReopened() throws {
        let ws = try TwoPeriodWorkspace(units: ["MCH", "DBP"])
        let job = ws.job("2016")
        let second = ws.inbox("2016") + "/NQ04_MCH_2016_v2.xlsx"
        let aside = ws.path + "/NQ04_MCH_2016_v2.xlsx"
        try FileManager.default.moveItem(atPath: second, toPath: aside)
        #expect(try H.run(["run", job]).status == 0)
        #expect(try unit(ws, "MCH")["file"] as? String == "NQ04_MCH_2016.xlsx")

        // Nothing to approve for a unit that sent nothing: exit 1, one line.
        let none = try H.run(["approve", job, "--unit", "TGI"])
        #expect(none.status == 1 && none.stderr.hasPrefix("error: ") && none.stderr.contains("TGI"), "\(none.stderr)")

        let approved = try H.run(["approve", job, "--unit", "MCH", "--by", "Ban Tổ chức Tỉnh ủy"])
        #expect(approved.status == 0, "\(approved.stderr)")
        #expect(approved.stdout.contains("approved MCH 2016: NQ04_MCH_2016.xlsx, by Ban Tổ chức Tỉnh ủy"))

        // The corrected file arrives: held for review, the approved figures stand.
        try FileManager.default.moveItem(atPath: aside, toPath: second)
        let held = try H.run(["run", job])
        #expect(held.status == 0, "\(held.stderr)")
        #expect(held.stderr.contains("NQ04_MCH_2016_v2.xlsx: held for review"), "\(held.stderr)")
        let mch = try unit(ws, "MCH")
        #expect(mch["file"] as? String == "NQ04_MCH_2016.xlsx")
        let approval = try #require(mch["approval"] as? [String: Any])
        #expect(approval["by"] as? String == "Ban Tổ chức Tỉnh ủy")
        #expect(approval["held"] as? [String] == ["NQ04_MCH_2016_v2.xlsx"])
        let files = (try ws.report("2016")["files"] as? [[String: Any]]) ?? []
        #expect(files.first { $0["file"] as? String == "NQ04_MCH_2016_v2.xlsx" }?["held"] as? Bool == true)
        #expect(try ws.report("2016")["changes"] == nil, "no figure changed while the file is held")
        let vi = try String(contentsOfFile: ws.out("2016") + "/units/MCH.vi.html", encoding: .utf8)
        #expect(vi.contains("đã được tỉnh duyệt") && vi.contains("NQ04_MCH_2016_v2.xlsx"), "MCH.vi.html")
        let timeliness = ((try ws.report("2016")["timeliness"] as? [String: Any])?["units"] as? [[String: Any]]) ?? []
        #expect(timeliness.first { $0["code"] as? String == "MCH" }?["held"] as? Bool == true)
        // Rerun without a change: nothing to redo.
        #expect(try H.run(["run", job]).stdout.contains("unchanged"))

        // Approving again takes the newest file: the next run uses it, and the audit shows
        // KN 140 -> 142 with both files.
        #expect(try H.run(["approve", job, "--unit", "MCH", "--by", "Ban Tổ chức Tỉnh ủy"]).stdout.contains("NQ04_MCH_2016_v2.xlsx"))
        let through = try H.run(["run", job])
        #expect(!through.stdout.contains("unchanged"), "an approval is an input of the run")
        #expect(try unit(ws, "MCH")["file"] as? String == "NQ04_MCH_2016_v2.xlsx")
        let changes = (try ws.report("2016")["changes"] as? [[String: Any]]) ?? []
        #expect(changes.count == 1 && changes.first?["old"] as? String == "140" && changes.first?["new"] as? String == "142", "\(changes)")
        let en = try String(contentsOfFile: ws.out("2016") + "/run-report.en.html", encoding: .utf8)
        #expect(en.contains("Changed figures") && en.contains("140 → <b>142</b>"), "run-report.en.html")

        // Reopen: the approval ends (a second reopen has nothing to end: exit 1).
        let reopened = try H.run(["reopen", job, "--unit", "MCH", "--by", "tester"])
        #expect(reopened.status == 0 && reopened.stdout.hasPrefix("reopened MCH 2016"), "\(reopened.stderr)")
        #expect(try H.run(["reopen", job, "--unit", "MCH"]).status == 1)
        #expect(try H.run(["run", job]).status == 0)
        #expect(try unit(ws, "MCH")["approval"] == nil)

        // The audit, as text and CSV: the change, both approvals and the reopening.
        let text = try H.run(["history", job, "--unit", "MCH"])
        #expect(text.status == 0 && text.stdout.contains("KN (current): 140 → 142  NQ04_MCH_2016.xlsx → NQ04_MCH_2016_v2.xlsx"), "\(text.stdout)")
        let csv = try H.run(["history", job, "--unit", "MCH", "--format", "csv"])
        let rows = csv.stdout.split(separator: "\r\n").map(String.init)
        #expect(rows.first == "period,unit,event,time,indicator,column,old,new,old_file,old_received,new_file,new_received,by")
        #expect(rows.filter { $0.hasPrefix("2016,MCH,change,") } == [
            "2016,MCH,change,2016-11-14T15:40:00+07:00,KN,current,140,142,NQ04_MCH_2016.xlsx,2016-11-09T10:42:00+07:00,NQ04_MCH_2016_v2.xlsx,2016-11-14T15:40:00+07:00,"
        ], "\(rows)")
        #expect(rows.filter { $0.contains(",approved,") }.count == 2 && rows.filter { $0.contains(",reopened,") }.count == 2, "\(rows)")
        let other = try H.run(["history", job, "--unit", "DBP"])
        #expect(other.stdout.hasPrefix("no changed figures"), "\(other.stdout)")
    }
}
