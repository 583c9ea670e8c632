import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `tonghop links` and `tonghop serve` as an operator runs them (the browser test is
/// scripts/serve_e2e.py).
@Suite struct ServeCommandTests {
    typealias H = RunJobHarness

    @Test func linksWritesAPrivateCSVAndRevokes() throws {
        guard H.binary != nil else { return }
        let ws = try H.Workspace()
        let csv = ws.path + "/links.csv"
        let made = try H.run(["links", ws.job, "--base-url", "https://baocao.example.vn/", "-o", csv])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stderr.contains("4 links for nq04-test 2016"))
        let lines = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.first == "unit,name,url")
        #expect(lines.count == 5)
        #expect(lines[1].hasPrefix("DBP,Thành ủy Điện Biên Phủ,https://baocao.example.vn/u/"))
        #expect(lines[4].hasPrefix("province,Tỉnh (province),https://baocao.example.vn/p/"))
        let mode = try FileManager.default.attributesOfItem(atPath: csv)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let revoked = try H.run(["links", ws.job, "--revoke", "mnh"])
        #expect(revoked.status == 0)
        #expect(revoked.stderr.contains("revoked 1 link of MNH"))
        let unknown = try H.run(["links", ws.job, "--revoke", "XYZ"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("error: ") && unknown.stderr.contains("no unit 'XYZ'"))
        let one = try H.run(["links", ws.job, "--unit", "TGI"])
        #expect(one.status == 0)
        #expect(one.stdout.split(separator: "\n").count == 2)
        let bad = try H.run(["links", ws.job, "--base-url", "ftp://x"])
        #expect(bad.status == 64)
    }

    @Test func serveAnswersAndStopsOnSIGTERM() throws {
        guard H.binary != nil, FileManager.default.isExecutableFile(atPath: "/usr/bin/curl") else { return }
        let ws = try H.Workspace()
        let usage = try H.run(["serve", ws.job, "--listen", "nowhere"])
        #expect(usage.status == 64)
        let port = Int.random(in: 20000..<40000)
        let (p, _, err) = try H.start(["serve", ws.job, "--listen", "127.0.0.1:\(port)"])
        defer { if p.isRunning { p.terminate() } }
        var answered = ""
        for _ in 0..<100 {
            let r = try H.run(executable: "/usr/bin/curl", ["-s", "http://127.0.0.1:\(port)/health"])
            if r.status == 0 {
                answered = r.stdout
                break
            }
            usleep(100_000)
        }
        #expect(answered == "ok\n")
        let notFound = try H.run(executable: "/usr/bin/curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "http://127.0.0.1:\(port)/u/abc"])
        #expect(notFound.stdout == "404")
        kill(p.processIdentifier, SIGTERM)
        p.waitUntilExit()
        let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(p.terminationReason == .exit)
        #expect(log.contains("GET /health 200"))
        #expect(log.contains("GET /u/abc… 404"))
    }
}
