import Foundation
import Reporting
import Testing

@testable import Batch

@Suite struct JobRunnerTests {
    @Test func allUnitsAcceptedExitsZeroWithEveryOutput() async throws {
        let dir = TempFolder("run")
        submission(dir, "NQ04_MNH_2016.xlsx", unit: "MNH", kn: 112)
        submission(dir, "NQ04_TGI_2016.xlsx", unit: "TGI", kn: 300)
        submission(dir, "NQ04_DBP_2016.xlsx", unit: "DBP", kn: 5)
        let result = try await makeRunner(dir).run()
        #expect(result.exitCode == 0)
        #expect(result.counts.accepted == 3 && result.counts.missing == 0 && result.counts.newFiles == 3)
        let out = dir.path + "/out"
        #expect(String(decoding: readBytes(out + "/TongHop_TEST_2016.xlsx") ?? [], as: UTF8.self) == "units: DBP,MNH,TGI\nKN=417.0\n")
        for f in ["run-report.json", "run-report.vi.html", "run-report.en.html", "units/MNH.vi.html", "units/TGI.en.json"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + f), "missing \(f)")
        }
        #expect(result.summary == "test-job 2016: 3 files, 3 accepted, 0 rejected, 0 missing units → \(out)/TongHop_TEST_2016.xlsx")
        let html = String(decoding: readBytes(out + "/run-report.vi.html") ?? [], as: UTF8.self)
        #expect(html.contains("Huyện ủy Mường Nhé") && html.contains("<th>Đơn vị phải nộp</th><td class=\"n\">3</td>"))
    }

    @Test func rejectedAndMissingUnitsExitOneAndRejectedFilesAreCopied() async throws {
        let dir = TempFolder("run")
        submission(dir, "NQ04_MNH_2016.xlsx", unit: "MNH", status: "rejected", kn: 112)
        submission(dir, "NQ04_TGI_2016.xlsx", unit: "TGI", kn: 300)
        writeFile(dir.sub("inbox") + "/broken.xlsx", "PK\u{3}\u{4} garbage")
        let result = try await makeRunner(dir).run()
        #expect(result.exitCode == 1)
        let c = result.counts
        #expect(c.files == 3 && c.accepted == 1 && c.rejected == 1 && c.unreadable == 1 && c.missing == 1)
        let report = try #require(result.report)
        #expect(report.units.map(\.status) == [.rejected, .accepted, .missing])
        let rejected = dir.path + "/out/rejected"
        #expect(readBytes(rejected + "/NQ04_MNH_2016.xlsx") == readBytes(dir.path + "/inbox/NQ04_MNH_2016.xlsx"))
        #expect(readBytes(rejected + "/broken.xlsx") != nil)
        #expect(FileManager.default.fileExists(atPath: rejected + "/broken.xlsx.en.json"))
        #expect(FileManager.default.fileExists(atPath: rejected + "/NQ04_MNH_2016.xlsx.vi.html"))
        // Never deleted from the inbox.
        #expect(try Inbox.scan(dir.path + "/inbox").count == 3)
        #expect(report.files.first { $0.file == "broken.xlsx" }?.copiedTo == "rejected/broken.xlsx")
    }

    @Test func unreadableFileCountsAgainstTheUnitItsNameGives() async throws {
        let dir = TempFolder("run")
        submission(dir, "NQ04_MNH_2016.xlsx", unit: "MNH", kn: 112)
        writeFile(dir.sub("inbox") + "/NQ04_DBP_2016.xlsx", "not a workbook")
        writeFile(dir.sub("inbox") + "/NQ04_TGI_2015.xlsx", "not a workbook either")
        let result = try await makeRunner(dir) { c in
            c.fileNameParser = { name in
                let parts = name.replacingOccurrences(of: ".xlsx", with: "").split(separator: "_")
                return parts.count == 3 ? (String(parts[1]), String(parts[2])) : nil
            }
        }.run()
        let units = try #require(result.report?.units)
        #expect(units.map(\.status) == [.accepted, .missing, .rejected])
        #expect(units[2].file == "NQ04_DBP_2016.xlsx")
        #expect(result.counts.unreadable == 2 && result.counts.missing == 1)
        #expect(FileManager.default.fileExists(atPath: dir.path + "/out/units/DBP.vi.json"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/out/units/TGI.vi.json"))
    }

    @Test func newerSubmissionSupersedesAndHistoryIsKept() async throws {
        let dir = TempFolder("run")
        submission(dir, "NQ04_MNH_2016.xlsx", unit: "MNH", kn: 100, modified: 1_000)
        submission(dir, "NQ04_TGI_2016.xlsx", unit: "TGI", kn: 300)
        submission(dir, "NQ04_DBP_2016.xlsx", unit: "DBP", kn: 5)
        let first = try await makeRunner(dir).run()
        #expect(first.counts.superseded == 0)
        // The district sends a correction under another name, and it is newer.
        submission(dir, "NQ04_MNH_2016_v2.xlsx", unit: "MNH", kn: 112, modified: 2_000)
        let second = try await makeRunner(dir).run()
        #expect(second.counts.superseded == 1 && second.counts.newFiles == 1 && second.exitCode == 0)
        let mnh = try #require(second.report?.units.first { $0.code == "MNH" })
        #expect(mnh.file == "NQ04_MNH_2016_v2.xlsx" && mnh.superseded == ["NQ04_MNH_2016.xlsx"] && mnh.new)
        let workbook = String(decoding: readBytes(dir.path + "/out/TongHop_TEST_2016.xlsx") ?? [], as: UTF8.self)
        #expect(workbook.contains("KN=417.0"))
        let ledger = try Ledger(path: dir.path + "/out/ledger.sqlite")
        let history = try ledger.submissions(unit: "MNH", period: "2016")
        #expect(history.map(\.file) == ["NQ04_MNH_2016.xlsx", "NQ04_MNH_2016_v2.xlsx"])
        #expect(history[0].supersededBy == history[1].id && history[1].supersededBy == nil)
        #expect(try ledger.currentFigures(period: "2016")["MNH"]?["KN"]?["current"] == 112)
    }

    @Test func unchangedInputsSkipWorkAndKeepBytes() async throws {
        let dir = TempFolder("run")
        submission(dir, "NQ04_MNH_2016.xlsx", unit: "MNH", kn: 112)
        submission(dir, "NQ04_TGI_2016.xlsx", unit: "TGI", status: "rejected", kn: 1)
        let first = try await makeRunner(dir).run()
        let before = snapshot(dir.path + "/out")
        let second = try await makeRunner(dir).run()
        #expect(second.unchanged && second.exitCode == first.exitCode && second.counts == first.counts)
        #expect(snapshot(dir.path + "/out") == before)
        // --force redoes the work; outputs are deterministic so the bytes are the same,
        // except that nothing is new to the ledger any more.
        let forced = try await makeRunner(dir) { $0.force = true }.run()
        #expect(!forced.unchanged && forced.counts.newFiles == 0)
        var after = snapshot(dir.path + "/out")
        #expect(after["TongHop_TEST_2016.xlsx"] == before["TongHop_TEST_2016.xlsx"])
        after["run-report.json"] = nil
        var b = before
        b["run-report.json"] = nil
        for k in b.keys where k.hasPrefix("run-report") { b[k] = nil; after[k] = nil }
        #expect(after == b)
        let ledger = try Ledger(path: dir.path + "/out/ledger.sqlite")
        let runs = try ledger.runs()
        #expect(runs.map(\.outcome) == ["completed", "unchanged", "completed"])
        // Only the latest run keeps its list of outputs.
        #expect(runs.map { $0.outputs.isEmpty } == [true, true, false])
    }

    @Test func forcedRerunLeavesUnchangedOutputsAlone() async throws {
        let dir = TempFolder("run")
        submission(dir, "NQ04_MNH_2016.xlsx", unit: "MNH", kn: 112)
        submission(dir, "NQ04_TGI_2016.xlsx", unit: "TGI", status: "rejected", kn: 1)
        _ = try await makeRunner(dir).run()
        func inode(_ rel: String) -> UInt64? {
            (try? FileManager.default.attributesOfItem(atPath: dir.path + "/out/" + rel))?[.systemFileNumber] as? UInt64
        }
        let kept = ["units/MNH.vi.html", "units/TGI.en.json", "TongHop_TEST_2016.xlsx", "rejected/NQ04_TGI_2016.xlsx"]
        let before = kept.map(inode)
        #expect(!before.contains(nil))
        let forced = try await makeRunner(dir) { $0.force = true }.run()
        #expect(!forced.unchanged)
        #expect(kept.map(inode) == before, "outputs with the same bytes are not replaced")
        // The ledger still lists every output with its hash, and they are intact.
        let outputs = try Ledger(path: dir.path + "/out/ledger.sqlite").runs().last!.outputs
        #expect(outputs.count == 4 + 4 * 3 + 1 && JobRunner.outputsIntact(outputs))
    }

    @Test func aFailedWriteRollsTheRunBack() async throws {
        let dir = TempFolder("run")
        submission(dir, "NQ04_MNH_2016.xlsx", unit: "MNH", kn: 112)
        // A folder where the workbook goes: its rename fails after the ledger's transaction
        // has its rows, which must then not be committed.
        try FileManager.default.createDirectory(
            atPath: dir.path + "/out/TongHop_TEST_2016.xlsx", withIntermediateDirectories: true)
        await #expect(throws: BatchError.self) { try await makeRunner(dir).run() }
        let ledger = try Ledger(path: dir.path + "/out/ledger.sqlite")
        #expect(try ledger.runs().map(\.outcome) == ["failed"])
        #expect(try ledger.allSubmissions().isEmpty && ledger.currentFigures(period: "2016").isEmpty)
        // Once the way is clear, the next run completes.
        try FileManager.default.removeItem(atPath: dir.path + "/out/TongHop_TEST_2016.xlsx")
        #expect(try await makeRunner(dir).run().exitCode == 1)
        #expect(try ledger.currentFigures(period: "2016")["MNH"]?["KN"]?["current"] == 112)
    }

    @Test func manyOutputsAndFiguresAreAllRecorded() async throws {
        // More than one multi-row INSERT's worth of outputs (100 rows per statement).
        let dir = TempFolder("run")
        let units = (0..<40).map { ExpectedUnit(code: String(format: "U%02d", $0), name: "Unit \($0)") }
        for (i, u) in units.enumerated() { submission(dir, "NQ04_\(u.code)_2016.xlsx", unit: u.code, kn: i) }
        let result = try await makeRunner(dir, units: units).run()
        #expect(result.exitCode == 0 && result.counts.accepted == 40)
        let ledger = try Ledger(path: dir.path + "/out/ledger.sqlite")
        let outputs = try ledger.runs().last!.outputs
        #expect(outputs.count == 40 * 4 + 4 && JobRunner.outputsIntact(outputs))
        let figures = try ledger.currentFigures(period: "2016")
        #expect(figures.count == 40 && figures["U39"]?["KN"]?["current"] == 39)
    }

    @Test func manyFiguresOfOneSubmissionAreAllRecorded() async throws {
        // 250 figures: three multi-row INSERTs for one submission.
        let dir = TempFolder("run")
        let fields = (0..<250).map { "I\($0)=\($0)" }.joined(separator: "\n")
        writeFile(dir.sub("inbox") + "/NQ04_MNH_2016.xlsx", "unit=MNH\nperiod=2016\nstatus=accepted\n" + fields + "\n")
        _ = try await makeRunner(dir).run()
        let figures = try Ledger(path: dir.path + "/out/ledger.sqlite").currentFigures(period: "2016")["MNH"] ?? [:]
        #expect(figures.count == 250 && figures["I0"]?["current"] == 0 && figures["I249"]?["current"] == 249)
    }

    @Test func aLedgerFailureWaitsForTheWriterAndRollsBack() async throws {
        // A figure SQLite refuses (NaN is stored as NULL; the column is NOT NULL): the
        // transaction fails before it waits for the writer. The run must still let the
        // writer finish (every output whole) before it ends and gives up its lock.
        let dir = TempFolder("run")
        let units = (0..<40).map { ExpectedUnit(code: String(format: "U%02d", $0), name: "Unit \($0)") }
        for (i, u) in units.enumerated() { submission(dir, "NQ04_\(u.code)_2016.xlsx", unit: u.code, kn: i) }
        writeFile(dir.sub("inbox") + "/NQ04_U39_2016.xlsx", "unit=U39\nperiod=2016\nstatus=accepted\nKN=nan\n")
        await #expect(throws: BatchError.self) { try await makeRunner(dir, units: units).run() }
        for u in units {
            for f in ["vi.html", "en.html", "vi.json", "en.json"] {
                #expect(FileManager.default.fileExists(atPath: dir.path + "/out/units/\(u.code).\(f)"), "\(u.code).\(f)")
            }
        }
        let ledger = try Ledger(path: dir.path + "/out/ledger.sqlite")
        #expect(try ledger.runs().map(\.outcome) == ["failed"] && ledger.allSubmissions().isEmpty)
        try RunLock.acquire(folder: dir.path + "/out").release()  // the lock was given up
    }

    @Test func tamperedOutputIsRewritten() async throws {
        let dir = TempFolder("run")
        submission(dir, "NQ04_MNH_2016.xlsx", unit: "MNH", kn: 112)
        _ = try await makeRunner(dir).run()
        let workbook = dir.path + "/out/TongHop_TEST_2016.xlsx"
        let good = readBytes(workbook)
        writeFile(workbook, "damaged")
        let again = try await makeRunner(dir).run()
        #expect(!again.unchanged && readBytes(workbook) == good)
    }

    @Test func overlappingRunIsRefused() async throws {
        let dir = TempFolder("run")
        submission(dir, "NQ04_MNH_2016.xlsx", unit: "MNH", kn: 112)
        let lock = try RunLock.acquire(folder: dir.path + "/out")
        await #expect(throws: BatchError.locked(path: dir.path + "/out/.tonghop.lock", pid: getpid())) {
            try await makeRunner(dir).run()
        }
        lock.release()
        #expect(try await makeRunner(dir).run().exitCode == 1)
    }

    @Test func dryRunWritesNothing() async throws {
        let dir = TempFolder("run")
        submission(dir, "NQ04_MNH_2016.xlsx", unit: "MNH", status: "rejected", kn: 112)
        let result = try await makeRunner(dir) { $0.dryRun = true }.run()
        #expect(result.dryRun && result.exitCode == 1 && result.counts.rejected == 1)
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/out"))
    }

    @Test func resultsDoNotDependOnWorkerCount() async throws {
        let dir = TempFolder("run")
        let units = (0..<40).map { ExpectedUnit(code: String(format: "U%02d", $0), name: "Unit \($0)") }
        for (i, u) in units.enumerated() {
            submission(dir, "NQ04_\(u.code)_2016.xlsx", unit: u.code, status: i % 7 == 3 ? "rejected" : "accepted", kn: i)
        }
        let one = try await makeRunner(dir, units: units) { $0.workers = 1; $0.dryRun = true }.run()
        let many = try await makeRunner(dir, units: units) { $0.workers = 8; $0.dryRun = true }.run()
        #expect(one.report == many.report)
        #expect(try one.report?.jsonBytes() == many.report?.jsonBytes())
        #expect(one.counts.rejected == 6)
    }
}
