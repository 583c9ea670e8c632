import Foundation
import Testing

/// `tonghop run` and its plan on the built binary: `--out` moves the ledger and the
/// rejected folder with it; an edited reference list forces a rerun.
@Suite(.serialized) struct RunJobPlanTests {
    typealias H = RunJobHarness

    /// A job file in `jobs/` shaped like `Jobs/nq04-2016.yaml` (explicit `rejected` and
    /// `ledger` inside the output folder, written through `..`), its template a copy of
    /// the repository's in `nq04/`.
    /// `sharedList`: the `dan_toc` list moved out of the template's folder to `shared/`.
    private func jobLikeTheSample(_ ws: H.Workspace, sharedList: Bool = false) throws -> String {
        let fm = FileManager.default
        try fm.copyItem(atPath: H.repository + "/Jobs/nq04", toPath: ws.path + "/nq04")
        if sharedList {
            try fm.createDirectory(atPath: ws.path + "/shared", withIntermediateDirectories: true)
            try fm.moveItem(atPath: ws.path + "/nq04/dan_toc.csv", toPath: ws.path + "/shared/dan_toc.csv")
            let t = ws.path + "/nq04/template.yaml"
            try String(contentsOfFile: t, encoding: .utf8)
                .replacingOccurrences(of: "file: dan_toc.csv", with: "file: ../shared/dan_toc.csv")
                .write(toFile: t, atomically: true, encoding: .utf8)
        }
        try fm.createDirectory(atPath: ws.path + "/jobs", withIntermediateDirectories: true)
        let text = """
            job: 1
            name: nq04-test
            template: ../nq04/template.yaml
            period: "2016"
            inbox: ../inbox
            output: ../out
            rejected: ../out/rejected
            ledger: ../out/ledger.sqlite
            reports: { formats: [json], languages: [vi] }
            units: [DBP, MNH, TGI]
            """
        try text.write(toFile: ws.path + "/jobs/job.yaml", atomically: true, encoding: .utf8)
        return "jobs/job.yaml"
    }

    @Test func outWithARejectedFilePutsTheLedgerAndRejectedUnderIt() throws {
        let ws = try H.Workspace()
        let job = try jobLikeTheSample(ws)
        try Data("PK\u{3}\u{4} this is not a workbook".utf8).write(to: URL(fileURLWithPath: ws.inbox + "/NQ04_MNH_2016.xlsx"))
        let r = try H.run(["run", job, "--out", "elsewhere"], in: ws.path)
        #expect(r.status == 1, "stderr: \(r.stderr)")
        let fm = FileManager.default
        let dir = ws.path + "/elsewhere"
        #expect(fm.fileExists(atPath: dir + "/ledger.sqlite"))
        #expect(fm.contents(atPath: dir + "/rejected/NQ04_MNH_2016.xlsx") == fm.contents(atPath: ws.inbox + "/NQ04_MNH_2016.xlsx"))
        #expect(fm.fileExists(atPath: dir + "/rejected/NQ04_MNH_2016.xlsx.vi.json"))
        #expect(fm.fileExists(atPath: dir + "/TongHop_NQ04_2016.xlsx"))
        // Nothing went to the job's own output folder.
        #expect(!fm.fileExists(atPath: ws.out))
        let json = try #require(fm.contents(atPath: dir + "/run-report.json"))
        let report = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let files = try #require(report["files"] as? [[String: Any]])
        #expect(files.contains { $0["copiedTo"] as? String == "rejected/NQ04_MNH_2016.xlsx" }, "files: \(files)")
    }

    /// The list lives outside the template's folder (shared between templates): before,
    /// only that folder was hashed and the edit went unseen.
    @Test func anEditedReferenceListForcesTheRerun() throws {
        let ws = try H.Workspace()
        let job = try jobLikeTheSample(ws, sharedList: true)
        let first = try H.run(["run", job], in: ws.path)
        #expect(first.status == 0, "stderr: \(first.stderr)")
        let again = try H.run(["run", job], in: ws.path)
        #expect(again.stdout.contains("(unchanged, nothing redone)"), "stdout: \(again.stdout)")
        let list = ws.path + "/shared/dan_toc.csv"
        try (String(contentsOfFile: list, encoding: .utf8) + "Xinh Mun\n").write(toFile: list, atomically: true, encoding: .utf8)
        let edited = try H.run(["run", job], in: ws.path)
        #expect(edited.status == 0, "stderr: \(edited.stderr)")
        #expect(!edited.stdout.contains("unchanged"), "stdout: \(edited.stdout)")
    }

    /// One limit from the job file to the report the district gets: `max_grid_cells: 10`
    /// (validation loads form sheets whole) refuses MNH's file; its report says so in
    /// Vietnamese (no English) and in English, with the job-file key and value, and the
    /// run's stderr says what `validate` says.
    @Test func aLimitSetInTheJobFileReachesTheDistrictsReportInItsLanguage() throws {
        let ws = try H.Workspace(units: ["MNH"])
        let job = try String(contentsOfFile: ws.job, encoding: .utf8) + "\nlimits: { max_grid_cells: 10 }\n"
        try job.write(toFile: ws.job, atomically: true, encoding: .utf8)
        let r = try H.run(["run", ws.job])
        #expect(r.status == 1, "stderr: \(r.stderr)")
        let vi = String(decoding: try #require(FileManager.default.contents(atPath: ws.out + "/units/MNH.vi.html")), as: UTF8.self)
        let en = String(decoding: try #require(FileManager.default.contents(atPath: ws.out + "/units/MNH.en.html")), as: UTF8.self)
        #expect(vi.contains("Tệp vượt giới hạn an toàn về số ô của một trang tính: giới hạn max_grid_cells = 10 trong tệp cấu hình công việc"), "\(vi)")
        #expect(en.contains("The file exceeds a safety limit on the number of cells in one sheet: the job file&#39;s max_grid_cells = 10")
            || en.contains("The file exceeds a safety limit on the number of cells in one sheet: the job file’s max_grid_cells = 10")
            || en.contains("The file exceeds a safety limit on the number of cells in one sheet: the job file's max_grid_cells = 10"), "\(en)")
        for english in ["limit", "exceeds", "maxGridCells", "cells to load"] {
            #expect(!vi.replacingOccurrences(of: "max_grid_cells", with: "").contains(english), "\(english) in the Vietnamese report")
        }
        #expect(r.stderr.contains("notice: NQ04_MNH_2016.xlsx: unreadable (1 errors)\n"), "\(r.stderr)")
        #expect(r.stderr.contains("error: NQ04_MNH_2016.xlsx: The file exceeds a safety limit on the number of cells in one sheet: the job file's max_grid_cells = 10"), "\(r.stderr)")
        // `validate` prints the same words.
        let v = try H.run(["validate", ws.inbox + "/NQ04_MNH_2016.xlsx", "--job", ws.job])
        #expect(v.status == 2)
        #expect(v.stderr.hasPrefix("error: \(ws.inbox)/NQ04_MNH_2016.xlsx: The file exceeds a safety limit on the number of cells in one sheet: the job file's max_grid_cells = 10"), "\(v.stderr)")
    }
}
