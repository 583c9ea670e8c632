import Foundation

/// A scoped copy of the two sample periods (`Samples/2015`, `Samples/2016`, each with its
/// receipts) and a job file for each, sharing one ledger as `Jobs/nq04-2015.yaml` and
/// `Jobs/nq04-2016.yaml` do. Removed on deinit.
final class TwoPeriodWorkspace {
    typealias H = RunJobHarness
    static let periods = ["2015", "2016"]

    let path = NSTemporaryDirectory() + "tonghop-periods-" + UUID().uuidString

    func inbox(_ period: String) -> String { path + "/inbox-" + period }
    func out(_ period: String) -> String { path + "/out-" + period }
    func job(_ period: String) -> String { path + "/job-" + period + ".yaml" }
    func workbook(_ period: String) -> String { out(period) + "/TongHop_NQ04_\(period).xlsx" }

    /// `units`: copy only these units' files (with their receipts) and expect only them;
    /// nil: all ten.
    init(units: [String]? = nil) throws {
        let fm = FileManager.default
        for period in Self.periods {
            let source = H.repository + "/Samples/" + period
            try fm.createDirectory(atPath: inbox(period) + "/.receipts", withIntermediateDirectories: true)
            for name in try fm.contentsOfDirectory(atPath: source).sorted() where name.hasSuffix(".xlsx") {
                if let units, !units.contains(where: { name.contains("_\($0)_") }) { continue }
                try fm.copyItem(atPath: source + "/" + name, toPath: inbox(period) + "/" + name)
                let receipt = source + "/.receipts/" + name + ".json"
                if fm.fileExists(atPath: receipt) {
                    try fm.copyItem(atPath: receipt, toPath: inbox(period) + "/.receipts/" + name + ".json")
                }
            }
            let deadline = period == "2015" ? "2015-12-15 17:00" : "2016-11-15 17:00"
            try """
                job: 1
                name: nq04
                template: \(H.repository)/Jobs/nq04/template.yaml
                period: "\(period)"
                deadline: \(deadline)
                inbox: inbox-\(period)
                output: out-\(period)
                ledger: ledger.sqlite
                reports: { formats: [html, json], languages: [vi, en] }
                units: \(units.map { "[" + $0.joined(separator: ", ") + "]" } ?? "all")
                """.write(toFile: job(period), atomically: true, encoding: .utf8)
        }
    }

    /// Every file under the period's output folder except the lock (relative path -> bytes).
    func outputs(_ period: String) -> [String: Data] {
        var files: [String: Data] = [:]
        let root = out(period)
        let e = FileManager.default.enumerator(atPath: root)
        while let rel = e?.nextObject() as? String {
            if rel == ".tonghop.lock" { continue }
            var isDir: ObjCBool = false
            FileManager.default.fileExists(atPath: root + "/" + rel, isDirectory: &isDir)
            if !isDir.boolValue { files[rel] = FileManager.default.contents(atPath: root + "/" + rel) }
        }
        return files
    }

    /// The period's `run-report.json`.
    func report(_ period: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: out(period) + "/run-report.json"))
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }

    /// Every issue of a unit's report (`units/<UNIT>.en.json`) for the period.
    func unitIssues(_ period: String, _ unit: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: out(period) + "/units/\(unit).en.json"))
        let json = (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
        return ((json["files"] as? [[String: Any]]) ?? []).flatMap { ($0["issues"] as? [[String: Any]]) ?? [] }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Runs a Python snippet with the given arguments (openpyxl and the like: readers not ours);
/// nil when python3 cannot be started.
enum PythonProbe {
    static func run(_ script: String, _ arguments: [String]) -> (status: Int32, out: String, err: String)? {
        guard let o = try? RunJobHarness.run(executable: "/usr/bin/env", ["python3", "-c", script] + arguments)
        else { return nil }
        return (o.status, o.stdout, o.stderr)
    }

    static let openpyxlAvailable: Bool = run("import openpyxl", [])?.status == 0
}
