import Foundation
import Testing

/// `tonghop validate` on the committed samples, as a district officer would run it: the ten
/// 2016 submissions are accepted with no error or warning, and every broken submission in
/// `Samples/invalid/` gets the status and the issues `Samples/invalid/expected.json` gives it.
@Suite("Sample reports")
struct SampleReportsTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let job = root.appendingPathComponent("Jobs/nq04-2016.yaml").path

    /// The built `tonghop`, next to the test bundle.
    static var tonghop: String? { TonghopBinary.path }

    /// Runs the binary; stdout and stderr go through files so no pipe can fill and block.
    static func run(_ args: [String]) throws -> (status: Int32, stdout: Data, stderr: String) {
        let r = try TonghopBinary.run(try #require(tonghop), args, in: root)
        return (r.status, r.stdout, String(decoding: r.stderr, as: UTF8.self))
    }

    static let validateIsBuilt: Bool = {
        guard tonghop != nil, let r = try? run(["validate", "--help"]) else { return false }
        return r.status == 0 && !String(decoding: r.stdout, as: UTF8.self).contains("Not built yet")
    }()

    struct Report: Decodable {
        struct File: Decodable {
            let file: String
            let status: String
            let issues: [Issue]
        }
        struct Issue: Decodable {
            let code: String
            let severity: String
            let sheet: String?
            let cell: String?
            let expected: String?
        }
        let files: [File]
    }

    struct Expected: Decodable {
        struct Case: Decodable {
            let status: String
            let issues: [Issue]
        }
        struct Issue: Decodable {
            let code: String
            let severity: String
            let at: [String]
        }
        let files: [String: Case]
    }

    static func validate(_ paths: [String]) throws -> (status: Int32, report: Report, stderr: String) {
        let r = try run(["validate"] + paths + ["--job", job, "--format", "json", "--lang", "en"])
        return (r.status, try JSONDecoder().decode(Report.self, from: r.stdout), r.stderr)
    }

    @Test(.enabled(if: validateIsBuilt, "tonghop validate is not built: sample reports not checked"))
    func everySampleSubmissionIsAcceptedWithoutWarnings() throws {
        let samples = Self.root.appendingPathComponent("Samples/2016")
        let names = try FileManager.default.contentsOfDirectory(atPath: samples.path)
            .filter { $0.hasSuffix(".xlsx") }.sorted()
        #expect(names.count == 11)  // ten units, and MCH's corrected file
        let r = try Self.validate(names.map { samples.appendingPathComponent($0).path })
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.report.files.count == 11)
        for f in r.report.files {
            #expect(f.status == "accepted", "\(f.file): \(f.status)")
            let notInfo = f.issues.filter { $0.severity != "info" }.map { "\($0.code) [\($0.sheet ?? "")!\($0.cell ?? "")]" }
            #expect(notInfo.isEmpty, "\(f.file): \(notInfo)")
        }
    }

    @Test(.enabled(if: validateIsBuilt, "tonghop validate is not built: sample reports not checked"))
    func invalidSubmissionsGetTheExpectedReports() throws {
        let folder = Self.root.appendingPathComponent("Samples/invalid")
        let expected = try JSONDecoder().decode(
            Expected.self, from: Data(contentsOf: folder.appendingPathComponent("expected.json")))
        #expect(expected.files.count >= 7)
        let names = expected.files.keys.sorted()
        let r = try Self.validate(names.map { folder.appendingPathComponent($0).path })
        #expect(r.status == 2, "unreadable files make the exit code 2")
        let byName = Dictionary(r.report.files.map { ($0.file, $0) }, uniquingKeysWith: { a, _ in a })
        for name in names {
            let want = expected.files[name]!
            guard let got = byName[name] else {
                Issue.record("\(name): not in the report")
                continue
            }
            #expect(got.status == want.status, "\(name): status \(got.status), expected \(want.status)")
            for w in want.issues {
                let hits = got.issues.filter { $0.code == w.code && $0.severity == w.severity }
                let placed = hits.filter { h in
                    w.at.isEmpty || w.at.contains { a in
                        // "Sheet!Cell", or a sheet name alone: the issue's sheet, or the sheet a
                        // missing-sheet issue expected (a missing sheet is no place in the file).
                        a == "\(h.sheet ?? "")!\(h.cell ?? "")"
                            || (!a.contains("!") && (a == h.sheet || a == h.expected))
                    }
                }
                #expect(!placed.isEmpty, "\(name): no \(w.severity) \(w.code) at \(w.at); got \(got.issues.map { "\($0.code) \($0.sheet ?? "")!\($0.cell ?? "")" })")
            }
            // No error beyond the expected ones.
            let wanted = Set(want.issues.map(\.code))
            let extra = got.issues.filter { $0.severity == "error" && !wanted.contains($0.code) }.map(\.code)
            #expect(extra.isEmpty, "\(name): unexpected errors \(extra)")
        }
    }
}
