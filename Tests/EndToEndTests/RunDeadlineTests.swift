import Foundation
import Testing

/// Completeness and timeliness against the job's deadline (issue 16 item 2), end to end:
/// the time a file counts as received is its receipt's (when it entered the inbox), not
/// when the job runs, and the run report, the workbook and stderr say who is late.
@Suite(.serialized) struct RunDeadlineTests {
    typealias H = RunJobHarness

    /// A job over a copy of some 2016 samples with a deadline, receipts written by the test.
    final class Job {
        let path = NSTemporaryDirectory() + "tonghop-deadline-" + UUID().uuidString
        var inbox: String { path + "/inbox" }
        var out: String { path + "/out" }
        var job: String { path + "/job.yaml" }

        init(expect units: [String], copy copied: [String], deadline: String) throws {
            let fm = FileManager.default
            try fm.createDirectory(atPath: inbox, withIntermediateDirectories: true)
            for unit in copied {
                let name = "NQ04_\(unit)_2016.xlsx"
                try fm.copyItem(atPath: H.repository + "/Samples/2016/" + name, toPath: inbox + "/" + name)
                // The file's own time is long after the deadline: only the receipt may make it on time.
                try fm.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_600_000_000)], ofItemAtPath: inbox + "/" + name)
            }
            try """
                job: 1
                name: nq04-deadline
                template: \(H.repository)/Jobs/nq04/template.yaml
                period: "2016"
                deadline: \(deadline)
                inbox: inbox
                output: out
                reports: { formats: [html, json], languages: [vi, en] }
                units: [\(units.joined(separator: ", "))]
                """.write(toFile: job, atomically: true, encoding: .utf8)
        }

        /// Writes `<inbox>/.receipts/<name>.json` for `name`, as the upload server would.
        func receipt(_ name: String, at time: String) throws {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: inbox + "/" + name))
            let sha = try #require(SHA256Hex.of(bytes))
            try FileManager.default.createDirectory(atPath: inbox + "/.receipts", withIntermediateDirectories: true)
            let json = #"{"file":"\#(name)","received_at":"\#(time)","sha256":"\#(sha)","via":"test"}"# + "\n"
            try json.write(toFile: inbox + "/.receipts/" + name + ".json", atomically: true, encoding: .utf8)
        }

        func report() throws -> [String: Any] {
            let data = try Data(contentsOf: URL(fileURLWithPath: out + "/run-report.json"))
            return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        }

        func timeliness() throws -> [String: [String: Any]] {
            let t = try #require(try report()["timeliness"] as? [String: Any])
            let units = try #require(t["units"] as? [[String: Any]])
            return Dictionary(uniqueKeysWithValues: units.map { ($0["code"] as? String ?? "?", $0) })
        }

        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    @Test func lateAndMissingUnitsAgainstTheDeadline() throws {
        let j = try Job(expect: ["DBP", "MNH", "TGI"], copy: ["DBP", "TGI"], deadline: "2016-11-15 17:00")
        try j.receipt("NQ04_DBP_2016.xlsx", at: "2016-11-10T08:00:00+07:00")
        try j.receipt("NQ04_TGI_2016.xlsx", at: "2016-11-16T10:20:00+07:00")
        let r = try H.run(["run", j.job])
        // A missing unit makes the run's exit 1 (docs/OPERATIONS.md); lateness alone does not.
        #expect(r.status == 1, "stderr: \(r.stderr)")
        #expect(r.stderr.contains("timeliness: 1/3 on time, 1 late, 1 missing"), "stderr: \(r.stderr)")
        let t = try j.timeliness()
        #expect(t["DBP"]?["state"] as? String == "on-time")
        #expect(t["TGI"]?["state"] as? String == "late")
        // 17:00 on the 15th to 10:20 on the 16th.
        #expect(t["TGI"]?["lateBy"] as? Int == 17 * 3600 + 20 * 60, "\(String(describing: t["TGI"]))")
        #expect(t["TGI"]?["received"] as? String == "2016-11-16T10:20:00+07:00")
        #expect(t["MNH"]?["state"] as? String == "missing")
        let html = try String(contentsOfFile: j.out + "/run-report.vi.html", encoding: .utf8)
        #expect(html.contains("nộp muộn 17 giờ 20 phút"), "the Vietnamese run report names TGI's delay")
        #expect(html.contains("chưa nộp"))
        let book = try ZipNames.of(j.out + "/TongHop_NQ04_2016.xlsx")
        #expect(book.sheets.contains("Tiến độ nộp"), "sheets: \(book.sheets)")
    }

    @Test func withoutAReceiptTheFileTimeCountsAndTheLedgerKeepsTheFirstTime() throws {
        let j = try Job(expect: ["DBP"], copy: ["DBP"], deadline: "2016-11-15 17:00")
        // No receipt: the file time (2020) is after the deadline.
        let first = try H.run(["run", j.job])
        #expect(first.status == 0, "stderr: \(first.stderr)")
        #expect(try j.timeliness()["DBP"]?["state"] as? String == "late")
        // A receipt written later does not move a time the ledger has already recorded for
        // this content: the time a file counts as received is when the job first saw it.
        try j.receipt("NQ04_DBP_2016.xlsx", at: "2016-11-10T08:00:00+07:00")
        _ = try H.run(["run", j.job, "--force"])
        #expect(try j.timeliness()["DBP"]?["state"] as? String == "late")
    }

    @Test func aRunOnTheCommandLineDeadlineOverridesTheJobs() throws {
        let j = try Job(expect: ["DBP"], copy: ["DBP"], deadline: "2016-11-15 17:00")
        try j.receipt("NQ04_DBP_2016.xlsx", at: "2016-11-10T08:00:00+07:00")
        let r = try H.run(["run", j.job, "--deadline", "2016-11-09 17:00"])
        #expect(r.stderr.contains("timeliness: 0/1 on time, 1 late"), "stderr: \(r.stderr)")
    }
}

/// The sheets of a workbook, from its `xl/workbook.xml`, read by Python's zipfile (another
/// program than ours).
enum ZipNames {
    struct Book { var sheets: [String] }
    static func of(_ path: String) throws -> Book {
        let o = try RunJobHarness.run(executable: "/usr/bin/env", ["python3", "-c", """
            import sys, zipfile, re
            x = zipfile.ZipFile(sys.argv[1]).read('xl/workbook.xml').decode()
            print('\\n'.join(re.findall(r'<sheet [^>]*name="([^"]*)"', x)))
            """, path])
        return Book(sheets: o.stdout.split(separator: "\n").map(String.init))
    }
}

/// SHA-256 in lowercase hex, by `sha256sum` (not our hashing).
enum SHA256Hex {
    static func of(_ data: Data) -> String? {
        let tmp = NSTemporaryDirectory() + "tonghop-sha-" + UUID().uuidString
        guard FileManager.default.createFile(atPath: tmp, contents: data) else { return nil }
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        let o = try? RunJobHarness.run(executable: "/usr/bin/env", ["sha256sum", tmp])
        return o?.stdout.split(separator: " ").first.map(String.init)
    }
}
