import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Helpers for the `tonghop run` end-to-end tests: the built binary, the repository,
/// a scoped work folder holding a copy of the samples and a job file pointing at it.
enum RunJobHarness {
    /// The built `tonghop` binary, next to the test bundle (`.build/debug/tonghop`).
    static var binary: String? {
        var candidates: [URL] = []
        let bundle = Bundle.main.bundleURL
        candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("tonghop"))
        candidates.append(bundle.appendingPathComponent("tonghop"))
        let arg0 = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0])
        candidates.append(arg0.deletingLastPathComponent().appendingPathComponent("tonghop"))
        for dir in Bundle.allBundles.map(\.bundleURL) {
            candidates.append(dir.deletingLastPathComponent().appendingPathComponent("tonghop"))
        }
        return candidates.map(\.path).first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The repository root (where Package.swift is), from this source file's path.
    static var repository: String {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.path + "/Package.swift") { return url.path }
        }
        return FileManager.default.currentDirectoryPath
    }

    /// What a finished process said.
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Killed by this signal (nil when it exited).
        var signal: Int32?
    }

    /// Starts the binary with `arguments`; the caller waits or kills.
    static func start(_ arguments: [String], in directory: String? = nil) throws -> (Process, Pipe, Pipe) {
        try start(executable: binary!, arguments, in: directory)
    }

    /// Starts any program with `arguments`.
    static func start(executable: String, _ arguments: [String], in directory: String? = nil) throws -> (Process, Pipe, Pipe) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        if let directory { p.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        return (p, out, err)
    }

    /// Runs the binary to completion.
    static func run(_ arguments: [String], in directory: String? = nil) throws -> Outcome {
        try run(executable: binary!, arguments, in: directory)
    }

    /// Runs any program to completion (`/usr/bin/env python3 …`: readers that are not ours).
    static func run(executable: String, _ arguments: [String], in directory: String? = nil) throws -> Outcome {
        let (p, out, err) = try start(executable: executable, arguments, in: directory)
        // Read both pipes before waiting, so a chatty process never blocks on a full pipe.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        let signaled = p.terminationReason == .uncaughtSignal
        return Outcome(
            status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self), signal: signaled ? p.terminationStatus : nil)
    }

    /// A scoped folder with `inbox/` (a copy of `Samples/*.xlsx`), `out/` and a job file
    /// `job.yaml` using the repository's Resolution 04 template. Removed on deinit.
    final class Workspace {
        let path: String
        var inbox: String { path + "/inbox" }
        var out: String { path + "/out" }
        var job: String { path + "/job.yaml" }

        /// `units`: copy only these units' samples and expect only them (nil: all ten),
        /// which keeps the debug-build runs short.
        init(units: [String]? = ["DBP", "MNH", "TGI"]) throws {
            path = NSTemporaryDirectory() + "tonghop-runjob-" + UUID().uuidString
            let fm = FileManager.default
            try fm.createDirectory(atPath: path + "/inbox", withIntermediateDirectories: true)
            do {
                let dir = RunJobHarness.repository + "/Samples/2016"
                for name in try fm.contentsOfDirectory(atPath: dir).sorted() where name.hasSuffix(".xlsx") {
                    if let units, !units.contains(where: { name.contains("_\($0)_") }) { continue }
                    try fm.copyItem(atPath: dir + "/" + name, toPath: inbox + "/" + name)
                    // Pin the times: supersession looks at them and copies must not depend on when tests ran.
                    try fm.setAttributes(
                        [.modificationDate: Date(timeIntervalSince1970: 1_479_340_800)], ofItemAtPath: inbox + "/" + name)
                }
            }
            let template = RunJobHarness.repository + "/Jobs/nq04/template.yaml"
            let text = """
                job: 1
                name: nq04-test
                template: \(template)
                period: "2016"
                inbox: inbox
                output: out
                reports: { formats: [html, json], languages: [vi, en] }
                units: \(units.map { "[" + $0.joined(separator: ", ") + "]" } ?? "all")
                """
            try text.write(toFile: job, atomically: true, encoding: .utf8)
        }

        /// Every file under `out/` except the ledger and lock (relative path -> bytes).
        func outputs() -> [String: Data] {
            var files: [String: Data] = [:]
            let e = FileManager.default.enumerator(atPath: out)
            while let rel = e?.nextObject() as? String {
                if rel.hasPrefix("ledger.sqlite") || rel == ".tonghop.lock" { continue }
                var isDir: ObjCBool = false
                FileManager.default.fileExists(atPath: out + "/" + rel, isDirectory: &isDir)
                if !isDir.boolValue { files[rel] = FileManager.default.contents(atPath: out + "/" + rel) }
            }
            return files
        }

        deinit { try? FileManager.default.removeItem(atPath: path) }
    }
}
