import Foundation
import HummingbirdTesting
import Testing

@testable import Serve

/// The province page serves the output folder's reports and workbooks, and nothing else.
@Suite struct OutputFilesTests {
    @Test func pathChecks() throws {
        let f = try ServeFixture()
        let fm = FileManager.default
        try fm.createDirectory(atPath: f.out + "/units", withIntermediateDirectories: true)
        try "r".write(toFile: f.out + "/run-report.vi.html", atomically: true, encoding: .utf8)
        try "u".write(toFile: f.out + "/units/DBP.vi.html", atomically: true, encoding: .utf8)
        try "secret".write(toFile: f.path + "/outside.html", atomically: true, encoding: .utf8)
        try fm.createSymbolicLink(atPath: f.out + "/link.html", withDestinationPath: f.path + "/outside.html")
        try "h".write(toFile: f.out + "/.hidden.html", atomically: true, encoding: .utf8)
        let files = OutputFiles(root: f.out)
        #expect(files.resolve(["run-report.vi.html"]) != nil)
        #expect(files.resolve(["units", "DBP.vi.html"]) != nil)
        for bad in [
            ["..", "outside.html"], ["units", "..", "..", "outside.html"], ["link.html"], [".hidden.html"],
            ["ledger.sqlite"], ["units"], ["", "run-report.vi.html"], ["."], ["units/../../outside.html"],
            ["run-report.vi.html\0"], ["nothing.html"],
        ] {
            #expect(files.resolve(bad) == nil, "\(bad)")
        }
    }

    @Test func traversalThroughTheRouteIsRefused() async throws {
        let f = try ServeFixture()
        try "r".write(toFile: f.path + "/secret.json", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: f.out, withIntermediateDirectories: true)
        try "ok".write(toFile: f.out + "/run-report.json", atomically: true, encoding: .utf8)
        let p = "/p/\(f.provinceToken)/files/"
        try await f.application.test(.router) { client in
            try await client.execute(uri: p + "run-report.json", method: .get) { r in #expect(r.status == .ok) }
            for bad in [
                "../secret.json", "%2e%2e/secret.json", "..%2fsecret.json", "%2E%2E%2Fsecret.json", "ledger.sqlite",
                "../job.yaml", "..%5csecret.json", "%252e%252e/secret.json", "/etc/passwd", "run-report.json%00.html",
            ] {
                try await client.execute(uri: p + bad, method: .get) { r in
                    #expect(r.status == .notFound, "\(bad)")
                    #expect(!r.text.contains("\"r\""))
                }
            }
        }
    }
}
