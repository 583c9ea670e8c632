import Foundation
import Testing

/// `tonghop run` on inboxes as districts leave them: files in other formats, a file
/// overwritten under the same name, and what a run leaves in its output folder.
@Suite(.serialized) struct RunInboxDefectsTests {
    typealias H = RunJobHarness

    static func runReport(_ ws: H.Workspace) throws -> [String: Any] {
        let data = try #require(FileManager.default.contents(atPath: ws.out + "/run-report.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func unit(_ report: [String: Any], _ code: String) -> [String: Any]? {
        (report["units"] as? [[String: Any]])?.first { $0["code"] as? String == code }
    }

    /// A `.xls` and a `.csv` are not ignored: each is reported unreadable with
    /// the advice to save it as .xlsx, and its unit (from the name) shows as rejected, not
    /// missing, exactly as `validate` reports the same files.
    @Test func otherSpreadsheetFormatsAreUnreadableNotMissing() throws {
        let ws = try H.Workspace()
        let fm = FileManager.default
        try fm.removeItem(atPath: ws.inbox + "/NQ04_MNH_2016.xlsx")
        try fm.removeItem(atPath: ws.inbox + "/NQ04_TGI_2016.xlsx")
        // A real .xls, written by LibreOffice (Tests/XLSXTests/Fixtures/make_fixtures.py).
        try fm.copyItem(atPath: H.repository + "/Tests/XLSXTests/Fixtures/legacy_libreoffice.xls", toPath: ws.inbox + "/NQ04_MNH_2016.xls")
        try Data("STT,Chỉ tiêu,Số lượng\n1,DV,10\n".utf8).write(to: URL(fileURLWithPath: ws.inbox + "/NQ04_TGI_2016.csv"))

        let r = try H.run(["run", ws.job])
        #expect(r.status == 1, "stderr: \(r.stderr)")
        #expect(r.stdout.contains("3 files, 1 accepted, 2 rejected, 0 missing units"), "stdout: \(r.stdout)")
        let report = try Self.runReport(ws)
        let files = try #require(report["files"] as? [[String: Any]])
        #expect(files.map { $0["file"] as? String } == ["NQ04_DBP_2016.xlsx", "NQ04_MNH_2016.xls", "NQ04_TGI_2016.csv"])
        #expect(files.dropFirst().allSatisfy { $0["status"] as? String == "unreadable" })
        for (code, file) in [("MNH", "NQ04_MNH_2016.xls"), ("TGI", "NQ04_TGI_2016.csv")] {
            let u = try #require(Self.unit(report, code))
            #expect(u["status"] as? String == "rejected" && u["file"] as? String == file, "\(u)")
            let unitReport = try #require(fm.contents(atPath: ws.out + "/units/\(code).en.json"))
            #expect(String(decoding: unitReport, as: UTF8.self).contains("save it as .xlsx"), "\(code)")
            #expect(fm.fileExists(atPath: ws.out + "/rejected/" + file))
        }
        // `validate` says the same of the same files.
        let v = try H.run(["validate", ws.inbox + "/NQ04_MNH_2016.xls", ws.inbox + "/NQ04_TGI_2016.csv", "--job", ws.job])
        #expect(v.status == 2)
        #expect(v.stderr.contains("NQ04_MNH_2016.xls: A legacy Excel 97-2003 .xls workbook; save it as .xlsx"), "\(v.stderr)")
        #expect(v.stderr.contains("NQ04_TGI_2016.csv: A CSV text file (.csv), not a workbook; save it as .xlsx"), "\(v.stderr)")
    }

    /// A district that overwrites its file under the same name replaced a submission: the
    /// run counts it as superseded and lists the earlier content with the unit.
    @Test func fileReplacedUnderTheSameNameIsSuperseded() throws {
        let ws = try H.Workspace()
        let fm = FileManager.default
        let first = try H.run(["run", ws.job])
        #expect(first.status == 0, "stderr: \(first.stderr)")
        #expect(!first.stdout.contains("superseded"), "stdout: \(first.stdout)")
        let path = ws.inbox + "/NQ04_DBP_2016.xlsx"
        let before = try #require(fm.contents(atPath: path))
        // The same unit's file with other figures (warnings only), under the same name.
        try fm.removeItem(atPath: path)
        try fm.copyItem(atPath: H.repository + "/Samples/invalid/NQ04_DBP_2016.xlsx", toPath: path)
        #expect(fm.contents(atPath: path) != before)

        let second = try H.run(["run", ws.job])
        #expect(second.status == 0, "stderr: \(second.stderr)")
        #expect(second.stdout.contains("3 files, 3 accepted, 0 rejected, 1 superseded, 0 missing units"), "stdout: \(second.stdout)")
        let report = try Self.runReport(ws)
        #expect((report["counts"] as? [String: Int])?["superseded"] == 1)
        let dbp = try #require(Self.unit(report, "DBP"))
        let superseded = try #require(dbp["superseded"] as? [String])
        #expect(superseded.count == 1 && superseded[0].hasPrefix("NQ04_DBP_2016.xlsx ("), "\(superseded)")
        #expect((Self.unit(report, "MNH")?["superseded"] as? [String]) == [])

        // A forced rerun of the same inbox tells the same story.
        let again = try H.run(["run", ws.job, "--force"])
        #expect(again.stdout.contains("1 superseded"), "stdout: \(again.stdout)")
    }
}
