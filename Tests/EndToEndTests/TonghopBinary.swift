import Foundation

/// Where the built `tonghop` is: beside the test bundle, or in `.build/debug`; and a way to
/// run it as a user does.
enum TonghopBinary {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static let path: String? = {
        var dir = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("tonghop").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        let fallback = root + "/.build/debug/tonghop"
        return FileManager.default.isExecutableFile(atPath: fallback) ? fallback : nil
    }()

    /// Runs `executable` with `args` to completion; stdout and stderr go through files in a
    /// scratch folder, so no pipe can fill and block.
    static func run(_ executable: String, _ args: [String], in directory: URL? = nil) throws
        -> (status: Int32, stdout: Data, stderr: Data)
    {
        let fm = FileManager.default
        let tmp = fm.temporaryDirectory.appendingPathComponent("tonghop-e2e-\(UUID().uuidString)")
        try fm.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: tmp) }
        let outURL = tmp.appendingPathComponent("stdout")
        let errURL = tmp.appendingPathComponent("stderr")
        _ = fm.createFile(atPath: outURL.path, contents: nil)
        _ = fm.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = args
        if let directory { process.currentDirectoryURL = directory }
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try Data(contentsOf: outURL), try Data(contentsOf: errURL))
    }

    /// `data` as UTF-8 text; throws when it is not valid UTF-8.
    static func utf8(_ data: Data) throws -> String {
        guard let s = String(data: data, encoding: .utf8) else { throw CocoaError(.fileReadInapplicableStringEncoding) }
        return s
    }
}
