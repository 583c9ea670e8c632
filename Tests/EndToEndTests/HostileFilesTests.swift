import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

// The hostile-file suite (issue 7): every file in Tests/XLSXTests/Hostile/manifest.json
// goes through the built `tonghop inspect` under a wall-clock timeout and an address-space
// ceiling, and must get exactly the outcome the manifest gives it. The corpus and the
// manifest come from Tests/XLSXTests/Hostile/make_corpus.py; large files (zip bombs, a
// 200 MB string) are made by that script into a temporary folder at test time.

/// One file of the hostile corpus and the outcome `tonghop inspect` must give it.
struct HostileCase: Decodable, Sendable, CustomTestStringConvertible {
    enum Outcome: String, Decodable, Sendable {
        case error
        case read
        case readWithWarning = "read-with-warning"
    }

    let file: String
    let outcome: Outcome
    /// The outcome of `inspect --stats` when it differs from `outcome`.
    let statsOutcome: Outcome?
    let why: String
    let message: String?
    let large: Bool?
    let secretFile: String?
    let stdoutContains: [String]?
    let neverCreated: [String]?

    var testDescription: String { file }
}

/// Where the corpus, the generator and the built binary are, and how to run the binary.
enum Hostile {
    private struct Manifest: Decodable { let files: [HostileCase] }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = packageRoot.appendingPathComponent("Tests/XLSXTests/Hostile")
    static let corpus = folder.appendingPathComponent("corpus")
    static let generator = folder.appendingPathComponent("make_corpus.py").path

    static let cases: [HostileCase] = {
        let url = folder.appendingPathComponent("manifest.json")
        guard let data = try? Data(contentsOf: url),
            let manifest = try? JSONDecoder().decode(Manifest.self, from: data)
        else { return [] }
        return manifest.files
    }()
    static let smallCases = cases.filter { $0.large != true }
    /// Inputs the fuzzers found crashing or hanging (fuzz/add_regression.sh); each must
    /// now be read or refused cleanly.
    static let regressions: [String] = {
        let dir = folder.appendingPathComponent("regressions").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { "\(dir)/\($0)" }
    }()
    static let largeCases = cases.filter { $0.large == true }

    /// The address-space ceiling for each child, in KiB (`ulimit -v`). The debug binary
    /// needs about 200 MB of address space to start; a reader that inflates a bomb or
    /// holds a 200 MB string several times over hits the ceiling and fails the test.
    /// Address sanitizer reserves terabytes of shadow memory, so a sanitized run sets
    /// TONGHOP_NO_MEMORY_CEILING=1 (scripts/sanitize.sh does).
    static let memoryCeilingKiB = 1_048_576
    /// Wall-clock limit per run; a hang (an unroutable DTD, a bomb being inflated) is killed.
    static let timeoutSeconds = 20.0

    /// The built `tonghop`, next to the test bundle.
    static var tonghop: String? { TonghopBinary.path }

    /// True once `tonghop inspect` is the real command (not the skeleton's placeholder).
    static let inspectIsBuilt: Bool = {
        guard let tonghop else { return false }
        guard let r = try? run([tonghop, "inspect", "--help"], limited: false) else { return false }
        return r.status == 0 && !r.stdout.contains("Not built yet")
    }()

    /// True once `tonghop validate` is the real command and the Resolution 04 job is there.
    static let validateIsBuilt: Bool = {
        guard let tonghop else { return false }
        let job = packageRoot.appendingPathComponent("Jobs/nq04-2016.yaml").path
        guard FileManager.default.fileExists(atPath: job),
            let r = try? run([tonghop, "validate", "--help"], limited: false)
        else { return false }
        return r.status == 0 && !r.stdout.contains("Not built yet")
    }()

    static let python3: String? = {
        for p in ["/usr/bin/python3", "/usr/local/bin/python3"]
        where FileManager.default.isExecutableFile(atPath: p) {
            return p
        }
        guard let r = try? run(["/bin/sh", "-c", "command -v python3"], limited: false), r.status == 0
        else { return nil }
        let path = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return path.isEmpty ? nil : path
    }()

    struct Result {
        var status: Int32
        var signaled: Bool
        var timedOut: Bool
        var stdout: String
        var stderr: String
        var seconds: Double
    }

    /// Runs `argv` with the address-space ceiling (when `limited`) and the timeout,
    /// capturing stdout and stderr through files (no pipe can fill and block it).
    static func run(
        _ argv: [String], limited: Bool = true, timeout: Double = timeoutSeconds, cwd: URL? = nil
    ) throws -> Result {
        let fm = FileManager.default
        let tmp = fm.temporaryDirectory.appendingPathComponent("tonghop-hostile-\(UUID().uuidString)")
        try fm.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: tmp) }
        let outPath = tmp.appendingPathComponent("stdout").path
        let errPath = tmp.appendingPathComponent("stderr").path
        _ = fm.createFile(atPath: outPath, contents: nil)
        _ = fm.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        let noCeiling = ProcessInfo.processInfo.environment["TONGHOP_NO_MEMORY_CEILING"] == "1"
        let ulimit = (limited && !noCeiling) ? "ulimit -v \(memoryCeilingKiB) || exit 99; " : ""
        process.arguments = ["-c", ulimit + "exec \"$0\" \"$@\""] + argv
        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "enable=no"  // a crash must not sit in the backtracer
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        if let cwd { process.currentDirectoryURL = cwd }
        let start = Date()
        try process.run()
        var timedOut = false
        while process.isRunning {
            if Date().timeIntervalSince(start) > timeout {
                kill(process.processIdentifier, SIGKILL)
                timedOut = true
                break
            }
            usleep(10_000)
        }
        process.waitUntilExit()
        try? out.close()
        try? err.close()
        let seconds = Date().timeIntervalSince(start)
        func text(_ path: String) -> String {
            let data = fm.contents(atPath: path) ?? Data()
            return String(decoding: data, as: UTF8.self)
        }
        return Result(
            status: process.terminationStatus,
            signaled: process.terminationReason == .uncaughtSignal,
            timedOut: timedOut, stdout: text(outPath), stderr: text(errPath), seconds: seconds)
    }

    /// Text that means a crash or a stack trace reached the user.
    static let crashMarkers = [
        "Fatal error", "Stack dump", "Current stack trace", "Backtrace", "💣", "AddressSanitizer",
        "Segmentation fault", "Illegal instruction", "Thread 0 crashed",
    ]

    /// Lines of a secret file (at least 8 characters) that must never be printed.
    static func secretLines(_ path: String) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
            .filter { $0.count >= 8 }
    }

    /// Checks one run of `tonghop inspect [extra] FILE` against the case's outcome.
    static func check(_ c: HostileCase, path: String, extra: [String], csv: Bool) throws {
        guard let tonghop else { Issue.record("tonghop is not built"); return }
        let r = try run([tonghop, "inspect"] + extra + [path])
        let label = "\(c.file) \(extra.joined(separator: " "))"
        #expect(!r.timedOut, "\(label): still running after \(timeoutSeconds) s (killed)")
        #expect(!r.signaled, "\(label): killed by signal \(r.status)\n\(r.stderr.prefix(2000))")
        for marker in crashMarkers {
            #expect(!r.stderr.contains(marker), "\(label): a crash reached the user:\n\(r.stderr.prefix(2000))")
        }
        let lines = r.stderr.split(separator: "\n").map(String.init)
        let errorLines = lines.filter { $0.hasPrefix("error: ") }
        let warningLines = lines.filter { $0.hasPrefix("warning: ") }
        let name = (path as NSString).lastPathComponent
        let outcome = csv ? c.outcome : (c.statsOutcome ?? c.outcome)
        switch outcome {
        case .error:
            #expect(r.status == 2, "\(label): exit \(r.status), expected 2 (\(c.why))\nstderr: \(r.stderr.prefix(500))")
            #expect(errorLines.count == 1, "\(label): expected one error line, got:\n\(r.stderr.prefix(2000))")
            if let line = errorLines.first {
                #expect(line.contains("\(name): "), "\(label): the error line does not name the file: \(line)")
                if let message = c.message {
                    #expect(
                        line.lowercased().contains(message.lowercased()),
                        "\(label): the error should mention \"\(message)\": \(line)")
                }
            }
        case .read, .readWithWarning:
            #expect(r.status == 0, "\(label): exit \(r.status), expected 0 (\(c.why))\nstderr: \(r.stderr.prefix(500))")
            #expect(errorLines.isEmpty, "\(label): unexpected error: \(r.stderr.prefix(500))")
            if outcome == .read {
                #expect(warningLines.isEmpty, "\(label): unexpected warning: \(r.stderr.prefix(500))")
            } else {
                #expect(!warningLines.isEmpty, "\(label): expected a warning line on stderr (\(c.why))")
            }
            if csv {
                for expected in c.stdoutContains ?? [] {
                    #expect(
                        r.stdout.contains(expected),
                        "\(label): output lacks \(expected.debugDescription.prefix(80)); got \(r.stdout.prefix(300).debugDescription)")
                }
            }
        }
        if let secret = c.secretFile {
            for line in secretLines(secret) {
                #expect(!r.stdout.contains(line) && !r.stderr.contains(line), "\(label): content of \(secret) leaked")
            }
        }
        for p in c.neverCreated ?? [] {
            #expect(!FileManager.default.fileExists(atPath: p), "\(label): \(p) was created")
        }
    }
}

@Suite("Hostile files")
struct HostileFilesTests {
    @Test("the manifest lists the corpus, and every listed small file is committed")
    func manifestMatchesCorpus() throws {
        #expect(Hostile.cases.count >= 60, "manifest.json missing or short")
        let onDisk = Set(try FileManager.default.contentsOfDirectory(atPath: Hostile.corpus.path))
        for c in Hostile.smallCases {
            #expect(onDisk.contains(c.file), "\(c.file) is in the manifest but not in corpus/")
        }
        let listed = Set(Hostile.cases.map(\.file))
        for f in onDisk where f.hasSuffix(".xlsx") {
            #expect(listed.contains(f), "corpus/\(f) has no outcome in manifest.json")
        }
        #expect(!Hostile.largeCases.isEmpty)
    }

    @Test(
        "a hostile file gets its outcome, in time and under the memory ceiling",
        .enabled(if: Hostile.inspectIsBuilt, "tonghop inspect is not built yet"),
        arguments: Hostile.smallCases)
    func smallFile(_ c: HostileCase) throws {
        let path = Hostile.corpus.appendingPathComponent(c.file).path
        try Hostile.check(c, path: path, extra: [], csv: true)
        try Hostile.check(c, path: path, extra: ["--stats"], csv: false)
    }

    @Test(
        "a large hostile file (made now, never committed) gets its outcome",
        .enabled(if: Hostile.inspectIsBuilt, "tonghop inspect is not built yet"),
        .enabled(if: Hostile.python3 != nil, "python3 is needed to make the large hostile files"),
        arguments: Hostile.largeCases)
    func largeFile(_ c: HostileCase) throws {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("tonghop-hostile-large-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }
        let gen = try Hostile.run(
            [Hostile.python3!, Hostile.generator, "--large", dir.path, "--only", c.file], limited: false,
            timeout: 120)
        try #require(gen.status == 0, "make_corpus.py failed: \(gen.stderr)")
        let path = dir.appendingPathComponent(c.file).path
        let size = (try fm.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        #expect(size < 32 << 20, "a large hostile file should stay small on disk: \(size) bytes")
        try Hostile.check(c, path: path, extra: [], csv: true)
    }

    @Test(
        "an input the fuzzers once crashed on is now read or refused cleanly",
        .enabled(if: Hostile.inspectIsBuilt, "tonghop inspect is not built yet"),
        .enabled(if: !Hostile.regressions.isEmpty, "no fuzz regressions recorded"),
        arguments: Hostile.regressions)
    func fuzzRegression(_ path: String) throws {
        guard let tonghop = Hostile.tonghop else { return }
        for extra in [["--stats"], ["--sheets"], ["--format", "json"]] {
            let r = try Hostile.run([tonghop, "inspect"] + extra + [path])
            let name = (path as NSString).lastPathComponent
            #expect(!r.timedOut, "\(name): still running after \(Hostile.timeoutSeconds) s")
            #expect(!r.signaled, "\(name): killed by signal \(r.status)\n\(r.stderr.prefix(2000))")
            #expect(r.status == 0 || r.status == 2, "\(name): exit \(r.status)")
            for marker in Hostile.crashMarkers {
                #expect(!r.stderr.contains(marker), "\(name): a crash reached the user:\n\(r.stderr.prefix(2000))")
            }
            if r.status == 2 {
                #expect(r.stderr.split(separator: "\n").filter { $0.hasPrefix("error: ") }.count == 1)
            }
        }
    }

    @Test(
        "a batch mixing hostile and good files still processes every good file (tonghop validate)",
        .enabled(if: Hostile.validateIsBuilt, "tonghop validate or Jobs/nq04-2016.yaml is not there yet"))
    func batchStillProcessesGoodFiles() throws {
        guard let tonghop = Hostile.tonghop else { return }
        let fm = FileManager.default
        let samplesDir = Hostile.packageRoot.appendingPathComponent("Samples/2016")
        let samples = try fm.contentsOfDirectory(atPath: samplesDir.path)
            .filter { $0.hasPrefix("NQ04_") && $0.hasSuffix(".xlsx") }.sorted()
        try #require(samples.count >= 5, "Samples/ holds too few submissions")
        // Every small hostile file; the first ones each followed by a good submission, so
        // that every good file comes right after a hostile one. One process reads them all.
        let hostile = Hostile.smallCases
        var paths: [String] = []
        var expected: [HostileCase?] = []  // nil: a good submission
        for (i, c) in hostile.enumerated() {
            paths.append(Hostile.corpus.appendingPathComponent(c.file).path)
            expected.append(c)
            if i < samples.count {
                paths.append(samplesDir.appendingPathComponent(samples[i]).path)
                expected.append(nil)
            }
        }
        let job = Hostile.packageRoot.appendingPathComponent("Jobs/nq04-2016.yaml").path
        let r = try Hostile.run(
            [tonghop, "validate"] + paths + ["--job", job, "--format", "json", "--lang", "en"], timeout: 300)
        #expect(!r.timedOut && !r.signaled, "the batch did not finish: \(r.stderr.prefix(500))")
        for marker in Hostile.crashMarkers {
            #expect(!r.stderr.contains(marker), "a crash reached the user:\n\(r.stderr.prefix(2000))")
        }
        #expect(r.status == 2, "some files are unreadable: exit 2, got \(r.status)")
        for line in Hostile.secretLines("/etc/passwd") {
            #expect(!r.stdout.contains(line) && !r.stderr.contains(line), "content of /etc/passwd leaked")
        }
        struct Report: Decodable {
            struct File: Decodable { let file: String; let status: String; let unit: String? }
            let files: [File]
        }
        let report = try JSONDecoder().decode(Report.self, from: Data(r.stdout.utf8))
        try #require(report.files.count == paths.count, "every file must get a report")
        for (k, f) in report.files.enumerated() {
            #expect(f.file == (paths[k] as NSString).lastPathComponent, "report order: \(f.file)")
            if let c = expected[k] {
                let refused = (c.statsOutcome ?? c.outcome) == .error
                #expect(
                    (f.status == "unreadable") == refused,
                    "\(c.file): status \(f.status), expected \(refused ? "unreadable" : "readable")")
            } else {
                let unit = f.file.split(separator: "_")[1]
                #expect(f.status != "unreadable", "\(f.file) after \(report.files[k - 1].file): \(f.status)")
                #expect(f.unit.map { $0 == unit } ?? false, "\(f.file): unit \(f.unit ?? "none")")
            }
        }
    }
}
