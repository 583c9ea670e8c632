import Foundation
import Testing

/// `tonghop run` writes `returned/<unit>/<file>` for each submission with errors or
/// warnings: the unit's workbook with its problems marked.
@Suite(.serialized) struct ReturnedFilesTests {
    typealias H = RunJobHarness

    @Test func unitsWithProblemsGetTheirFileBackMarked() throws {
        let ws = try H.Workspace(units: ["DBP", "MNH", "TCH"])
        let fm = FileManager.default
        let invalid = H.repository + "/Samples/invalid"
        for name in ["NQ04_DBP_2016.xlsx", "NQ04_TCH_2016.xlsx"] {  // warnings; an error
            try? fm.removeItem(atPath: ws.inbox + "/" + name)
            try fm.copyItem(atPath: invalid + "/" + name, toPath: ws.inbox + "/" + name)
        }
        let r = try H.run(["run", ws.job])
        #expect(r.status == 1, "stderr: \(r.stderr)")
        let outputs = ws.outputs()
        let returned = outputs.keys.filter { $0.hasPrefix("returned/") }.sorted()
        #expect(returned == ["returned/DBP/NQ04_DBP_2016.xlsx", "returned/TCH/NQ04_TCH_2016.xlsx"])
        let sheets = try H.run(["inspect", ws.out + "/returned/TCH/NQ04_TCH_2016.xlsx", "--sheets"])
        #expect(sheets.status == 0)
        #expect(sheets.stdout.components(separatedBy: "\n").first?.contains("Cần sửa") == true, "\(sheets.stdout)")
        // The run report links each unit's report and, for units with problems, the returned file.
        let html = String(decoding: try #require(outputs["run-report.vi.html"]), as: UTF8.self)
        for path in returned { #expect(html.contains("<a href=\"\(path)\"")) }
        #expect(html.contains("<a href=\"units/MNH.vi.html\">MNH</a>") && !html.contains("href=\"returned/MNH"))
        for link in html.components(separatedBy: "href=\"").dropFirst().map({ $0.prefix { $0 != "\"" } }) {
            #expect(outputs[String(link)] != nil, "the link \(link) leads to a file")
        }
        // Validating the returned file gives the original's verdict.
        let again = try H.run(["validate", ws.out + "/returned/TCH/NQ04_TCH_2016.xlsx", "--job", ws.job])
        let original = try H.run(["validate", ws.inbox + "/NQ04_TCH_2016.xlsx", "--job", ws.job])
        #expect(again.status == original.status && again.status == 1)
        // Same inputs, same bytes.
        let r2 = try H.run(["run", ws.job, "--force"])
        #expect(r2.status == 1)
        // (Another process, another hash seed: dictionary order must not decide the bytes.)
        let after = ws.outputs()
        for path in returned { #expect(after[path] == outputs[path], "\(path)") }
    }

    @Test func aCleanResubmissionRemovesTheOldAnnotatedFile() throws {
        let ws = try H.Workspace(units: ["DBP", "MNH"])
        let fm = FileManager.default
        let good = ws.inbox + "/NQ04_DBP_2016.xlsx"
        let kept = ws.path + "/good.xlsx"
        try fm.moveItem(atPath: good, toPath: kept)
        try fm.copyItem(atPath: H.repository + "/Samples/invalid/NQ04_DBP_2016.xlsx", toPath: good)
        #expect(try H.run(["run", ws.job]).status == 0)
        #expect(fm.fileExists(atPath: ws.out + "/returned/DBP/NQ04_DBP_2016.xlsx"))
        // The clean file again, under the same name, newer.
        try fm.removeItem(atPath: good)
        try fm.moveItem(atPath: kept, toPath: good)
        try fm.setAttributes([.modificationDate: Date()], ofItemAtPath: good)
        #expect(try H.run(["run", ws.job]).status == 0)
        #expect(!fm.fileExists(atPath: ws.out + "/returned/DBP/NQ04_DBP_2016.xlsx"))
        #expect(!fm.fileExists(atPath: ws.out + "/returned/DBP"))
    }
}
