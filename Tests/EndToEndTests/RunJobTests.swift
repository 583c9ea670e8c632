import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `tonghop run` on the built binary: exit codes, stdout/stderr, outputs.
@Suite(.serialized) struct RunJobTests {
    typealias H = RunJobHarness

    @Test func samplesRunAcceptsEveryUnitAndWritesEveryOutput() throws {
        let ws = try H.Workspace(units: nil)
        let r = try H.run(["run", ws.job])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(
            r.stdout
                == "nq04-test 2016: 11 files, 10 accepted, 0 rejected, 1 superseded, 0 missing units → \(ws.out)/TongHop_NQ04_2016.xlsx\n")
        let outputs = ws.outputs()
        for name in ["TongHop_NQ04_2016.xlsx", "run-report.json", "run-report.vi.html", "run-report.en.html"] {
            #expect(outputs[name] != nil, "missing \(name)")
        }
        for unit in ["DBP", "MLA", "DBI", "DBD", "MAN", "MCH", "MNH", "NPO", "TCH", "TGI"] {
            for f in ["vi.html", "en.html", "vi.json", "en.json"] {
                #expect(outputs["units/\(unit).\(f)"] != nil, "missing units/\(unit).\(f)")
            }
        }
        let json = try #require(outputs["run-report.json"])
        let report = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let counts = try #require(report["counts"] as? [String: Int])
        #expect(counts["accepted"] == 10 && counts["files"] == 11 && counts["newFiles"] == 11 && counts["superseded"] == 1)
        #expect(FileManager.default.fileExists(atPath: ws.out + "/ledger.sqlite"))
    }

    @Test func rerunWithUnchangedInputsRedoesNothingAndKeepsBytes() throws {
        let ws = try H.Workspace()
        let first = try H.run(["run", ws.job])
        let before = ws.outputs()
        let second = try H.run(["run", ws.job])
        #expect(second.status == first.status)
        #expect(second.stdout.contains("(unchanged, nothing redone)"), "stdout: \(second.stdout)")
        #expect(ws.outputs() == before)
        let forced = try H.run(["run", ws.job, "--force"])
        #expect(forced.status == first.status && !forced.stdout.contains("unchanged"))
        let after = ws.outputs()
        #expect(after["TongHop_NQ04_2016.xlsx"] == before["TongHop_NQ04_2016.xlsx"])
        #expect(after["units/MNH.vi.html"] == before["units/MNH.vi.html"])
    }

    @Test func rejectedAndMissingUnitsExitOneAndFilesAreCopiedNotMoved() throws {
        let ws = try H.Workspace()
        let fm = FileManager.default
        try fm.removeItem(atPath: ws.inbox + "/NQ04_TGI_2016.xlsx")  // TGI missing
        // A damaged MNH file replaces the good one (same name).
        try Data("PK\u{3}\u{4} this is not a workbook".utf8).write(to: URL(fileURLWithPath: ws.inbox + "/NQ04_MNH_2016.xlsx"))
        // Temp files and dotfiles are not submissions.
        try Data("x".utf8).write(to: URL(fileURLWithPath: ws.inbox + "/~$NQ04_DBP_2016.xlsx"))
        let r = try H.run(["run", ws.job])
        #expect(r.status == 1, "stderr: \(r.stderr)")
        #expect(r.stdout.contains("2 files, 1 accepted, 1 rejected, 1 missing units"), "stdout: \(r.stdout)")
        #expect(fm.fileExists(atPath: ws.inbox + "/NQ04_MNH_2016.xlsx"))
        #expect(fm.contents(atPath: ws.out + "/rejected/NQ04_MNH_2016.xlsx") == fm.contents(atPath: ws.inbox + "/NQ04_MNH_2016.xlsx"))
        #expect(fm.fileExists(atPath: ws.out + "/rejected/NQ04_MNH_2016.xlsx.vi.html"))
        #expect(fm.fileExists(atPath: ws.out + "/rejected/NQ04_MNH_2016.xlsx.en.json"))
        #expect(fm.fileExists(atPath: ws.out + "/TongHop_NQ04_2016.xlsx"))
    }

    @Test func overlappingRunExitsTwo() throws {
        let ws = try H.Workspace()
        try FileManager.default.createDirectory(atPath: ws.out, withIntermediateDirectories: true)
        // Hold the lock the way a running job does.
        let fd = open(ws.out + "/.tonghop.lock", O_RDWR | O_CREAT, 0o644)
        #expect(fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0)
        _ = "\(getpid())\n".withCString { write(fd, $0, strlen($0)) }
        let r = try H.run(["run", ws.job])
        close(fd)
        #expect(r.status == 2)
        #expect(r.stderr.contains("error: ") && r.stderr.contains("another tonghop run is in progress (pid \(getpid()))"), "stderr: \(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: ws.out + "/TongHop_NQ04_2016.xlsx"))
        // The lock is gone with its holder: the next run goes through.
        #expect(try H.run(["run", ws.job]).status == 0)
    }

    @Test func staleLockFileFromADeadRunIsRecovered() throws {
        let ws = try H.Workspace()
        try FileManager.default.createDirectory(atPath: ws.out, withIntermediateDirectories: true)
        try Data("999999\n".utf8).write(to: URL(fileURLWithPath: ws.out + "/.tonghop.lock"))
        let r = try H.run(["run", ws.job])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        // The run that ends removes its lock file: no empty `.tonghop.lock` is left behind.
        #expect(!FileManager.default.fileExists(atPath: ws.out + "/.tonghop.lock"))
    }

    @Test func jobThatCannotRunExitsTwo() throws {
        let ws = try H.Workspace()
        let r = try H.run(["run", ws.job, "--inbox", ws.path + "/no-such-inbox"])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("error: ") && r.stderr.contains("no-such-inbox"), "stderr: \(r.stderr)")
        let missing = try H.run(["run", ws.path + "/no-such-job.yaml"])
        #expect(missing.status == 2 && missing.stderr.contains("no-such-job.yaml"))
    }

    @Test func dryRunWritesNothing() throws {
        let ws = try H.Workspace()
        let r = try H.run(["run", ws.job, "--dry-run", "--out", ws.path + "/dry"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout.contains("(dry run, nothing written)"))
        #expect(!FileManager.default.fileExists(atPath: ws.path + "/dry"))
    }

    @Test func quietPrintsNothingAndVerboseNamesEveryFile() throws {
        let ws = try H.Workspace()
        let quiet = try H.run(["run", ws.job, "--quiet", "--dry-run"])
        #expect(quiet.status == 0 && quiet.stdout.isEmpty && quiet.stderr.isEmpty)
        let verbose = try H.run(["run", ws.job, "--verbose", "--dry-run"])
        #expect(verbose.stderr.contains("NQ04_MNH_2016.xlsx: accepted"), "stderr: \(verbose.stderr)")
        // Each stage's time, in order (a dry run stops before writing).
        let stages = verbose.stderr.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("debug: stage "), line.hasSuffix(" s") else { return nil }
            return line.dropFirst("debug: stage ".count).split(separator: ":").first.map(String.init)
        }
        #expect(stages == ["hash", "validate", "decide", "consolidate", "reports"], "stderr: \(verbose.stderr)")
        // A real run also times the reports and the writing with the ledger.
        let real = try H.run(["run", ws.job, "--verbose"])
        #expect(real.stderr.contains("debug: stage write and ledger: "), "stderr: \(real.stderr)")
        #expect(real.stderr.contains("debug: outputs: "), "stderr: \(real.stderr)")
    }
}
