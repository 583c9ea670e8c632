import Foundation
import Testing

/// The committed sample submissions reproduce the figures Điện Biên published, as recomputed
/// by `Samples/check_samples.py` with openpyxl (independent of our reader), and every file in
/// `Samples/invalid/` breaks exactly the rules `Samples/invalid/expected.json` says.
@Suite("Samples")
struct SamplesTests {
    /// The repository root: this file is `Tests/ReportingTests/SamplesTests.swift`.
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `python3 ARGS` in the repository root; nil when python3 cannot be started.
    static func python(_ args: [String]) -> (status: Int32, out: String, err: String)? {
        guard let r = try? Python.run(args, in: repoRoot) else { return nil }
        return (r.status, r.stdout, r.stderr)
    }

    static let openpyxlAvailable: Bool = python(["-c", "import openpyxl"])?.status == 0

    @Test(.enabled(if: openpyxlAvailable, "python3 with openpyxl not found: sample figures not checked"))
    func samplesReproducePublishedFigures() throws {
        let result = try #require(Self.python(["Samples/check_samples.py", "-q"]))
        #expect(result.status == 0, "check_samples.py failed:\n\(result.err)\(result.out)")
    }

    @Test func inboxesHoldOnlyTheSubmissionsOfEachPeriod() throws {
        let units = ["DBD", "DBI", "DBP", "MAN", "MCH", "MLA", "MNH", "NPO", "TCH", "TGI"]
        func names(_ period: String) throws -> [String] {
            let samples = Self.repoRoot.appendingPathComponent("Samples/" + period)
            return try FileManager.default.contentsOfDirectory(atPath: samples.path)
                .filter { $0.hasSuffix(".xlsx") || $0.hasSuffix(".xlsm") }.sorted()
        }
        #expect(try names("2015") == units.map { "NQ04_\($0)_2015.xlsx" })
        // 2016: MCH's first file and its correction (Samples/README.md).
        #expect(try names("2016") == (units.map { "NQ04_\($0)_2016.xlsx" } + ["NQ04_MCH_2016_v2.xlsx"]).sorted())
        let expected = Self.repoRoot.appendingPathComponent("Samples/invalid/expected.json")
        #expect(FileManager.default.fileExists(atPath: expected.path))
    }
}
