import Foundation
import Testing

@testable import Reporting

/// Paths of the repository, found from this file.
enum Repo {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    static var nq04Template: String { root + "/Jobs/nq04/template.yaml" }
    static var nq04Job: String { root + "/Jobs/nq04-2016.yaml" }
    static var fixtures: String { root + "/Tests/ReportingTests/Fixtures" }
}

/// A scratch folder removed when the test ends.
final class TempDir {
    let path: String
    init() {
        path = NSTemporaryDirectory() + "tonghop-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    func write(_ name: String, _ text: String) -> String {
        let p = path + "/" + name
        try? text.write(toFile: p, atomically: true, encoding: .utf8)
        return p
    }
}

/// Loads the NQ04 template once.
let nq04: Template = {
    do { return try TemplateLoader.load(path: Repo.nq04Template) } catch { fatalError("\(error)") }
}()

/// Runs `python3` with arguments; nil when python3 or openpyxl is missing (tests then skip).
enum Python {
    static let available: Bool = {
        (try? run(["-c", "import openpyxl"]))?.status == 0
    }()

    /// Runs `python3 ARGS` (in `directory` when given) to completion; throws when python3
    /// cannot be started.
    static func run(_ args: [String], in directory: URL? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3"] + args
        if let directory { p.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    static var fixtureScript: String { Repo.fixtures + "/make_fixtures.py" }
}
