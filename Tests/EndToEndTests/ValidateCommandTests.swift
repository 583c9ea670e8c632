import Foundation
import Testing

/// `tonghop validate` and `tonghop blank` run as a user runs them: the built binary, its
/// stdout, stderr and exit code, on the committed samples and fixtures.
@Suite(.enabled(if: TonghopBinary.path != nil, "the tonghop binary is not built"))
struct ValidateCommandTests {
    static let root = TonghopBinary.root
    static let job = root + "/Jobs/nq04-2016.yaml"
    static let samples = root + "/Samples/2016"
    static var tonghop: String? { TonghopBinary.path }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// A scratch folder removed when the value goes.
    final class Scratch {
        let path = NSTemporaryDirectory() + "tonghop-e2e-" + UUID().uuidString
        init() { try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    static func run(_ args: [String]) throws -> Output {
        let r = try TonghopBinary.run(tonghop!, args)
        return Output(status: r.status, stdout: try TonghopBinary.utf8(r.stdout), stderr: try TonghopBinary.utf8(r.stderr))
    }

    static func sample(_ name: String) -> String { samples + "/" + name }

    @Test func consistentSamplesExitZero() throws {
        let r = try Self.run(["validate", Self.sample("NQ04_MNH_2016.xlsx"), Self.sample("NQ04_DBP_2016.xlsx"), "--job", Self.job, "--lang", "en"])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        #expect(r.stdout.contains("NQ04_MNH_2016.xlsx: Accepted (MNH 2016)"))
        #expect(r.stdout.contains("NQ04_DBP_2016.xlsx: Accepted"))
        #expect(!r.stdout.contains("\u{1B}["))  // no colour when not on a terminal
    }

    @Test func aRejectedFileExitsOneAndEveryFileIsReported() throws {
        let r = try Self.run(["validate", Self.sample("../invalid/NQ04_TCH_2016.xlsx"), Self.sample("NQ04_MNH_2016.xlsx"), "--job", Self.job])
        #expect(r.status == 1)
        #expect(r.stdout.contains("NQ04_TCH_2016.xlsx: Không đạt"))
        #expect(r.stdout.contains("  lỗi [Chỉ tiêu!F7] Chỉ tiêu 3 “Tổng số đơn vị cơ sở”, cột “Đến kỳ báo cáo”: "))
        #expect(r.stdout.contains("(nq04-dv-tong)\n"))
        #expect(r.stdout.contains("NQ04_MNH_2016.xlsx: Đạt"))
        // The rejected file's first errors, with their cells, on stderr (the operator's, in English).
        let tch = Self.sample("../invalid/NQ04_TCH_2016.xlsx")
        #expect(r.stderr == "error: \(tch): Indicator 3 “Grassroots units”, column “At the reporting date”: "
            + "Units with and without a party organisation (72) must add up to all grassroots units (70) (At the reporting date) [Chỉ tiêu!F7]\n")
    }

    @Test func anUnreadableFileExitsTwoWithOneErrorLineAndJSONParses() throws {
        let bad = Self.sample("../invalid/NQ04_MLA_2016.xlsx")
        let r = try Self.run(["validate", bad, Self.sample("../invalid/NQ04_TCH_2016.xlsx"), Self.sample("NQ04_MNH_2016.xlsx"), "--job", Self.job, "--format", "json", "--lang", "en"])
        #expect(r.status == 2)
        #expect(r.stderr.components(separatedBy: "\n").first == "error: \(bad): The file is not an XLSX workbook (not a ZIP archive)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["schema"] as? String == "tonghop.validation/1")
        #expect(json["template"] as? String == "NQ04" && json["period"] as? String == "2016" && json["language"] as? String == "en")
        let summary = try #require(json["summary"] as? [String: Int])
        #expect(summary == ["files": 3, "accepted": 1, "accepted-with-warnings": 0, "rejected": 1, "unreadable": 1])
        let files = try #require(json["files"] as? [[String: Any]])
        #expect(files.map { $0["status"] as? String } == ["unreadable", "rejected", "accepted"])
        let tch = try #require((files[1]["issues"] as? [[String: Any]])?.first { $0["code"] as? String == "nq04-dv-tong" })
        #expect(tch["sheet"] as? String == "Chỉ tiêu" && tch["cell"] as? String == "F7")
        #expect(tch["severity"] as? String == "error")
        #expect(tch["found"] as? String == "72" && tch["expected"] as? String == "== 70")
        #expect((tch["message"] as? String)?.contains("must add up to all grassroots units (70)") == true)
    }

    @Test func htmlReportToAFile() throws {
        let scratch = Scratch()
        let out = scratch.path + "/report.html"
        let r = try Self.run(["validate", Self.sample("../invalid/NQ04_DBP_2016.xlsx"), "--job", Self.job, "--format", "html", "--output", out])
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty)
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<h3>Chỉ tiêu</h3>") && html.contains("<h3>Thôn bản</h3>"))
        #expect(html.contains("Số được nhập dạng văn bản"))
        #expect(!html.contains("<script") && !html.contains("http://") && !html.contains("https://"))
    }

    /// An installed `tonghop` is one file copied anywhere (docs/OPERATIONS.md): it must
    /// render its HTML reports without anything beside it.
    @Test func theBinaryAloneRendersHTML() throws {
        let scratch = Scratch()
        let alone = scratch.path + "/tonghop"
        try FileManager.default.copyItem(atPath: Self.tonghop!, toPath: alone)
        let out = scratch.path + "/report.html"
        let r = try TonghopBinary.run(
            alone, ["validate", Self.sample("../invalid/NQ04_DBP_2016.xlsx"), "--job", Self.job, "--format", "html", "--output", out])
        let stderr = String(decoding: r.stderr, as: UTF8.self)
        #expect(r.status == 0, "\(stderr)")
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<h3>Chỉ tiêu</h3>"))
    }

    @Test func aBrokenJobOrTemplateExitsTwoWithWhereItIs() throws {
        let scratch = Scratch()
        let jobs = scratch.path + "/Jobs"
        try FileManager.default.createDirectory(atPath: jobs + "/nq04", withIntermediateDirectories: true)
        for f in ["units.csv", "communes.csv", "dan_toc.csv"] {
            try FileManager.default.copyItem(atPath: Self.root + "/Jobs/nq04/" + f, toPath: jobs + "/nq04/" + f)
        }
        let template = try String(contentsOfFile: Self.root + "/Jobs/nq04/template.yaml", encoding: .utf8)
        try template.replacingOccurrences(of: "check: TB_TRANG <= TB_CHUA", with: "check: TB_TRANG <= TB_CHUAA")
            .write(toFile: jobs + "/nq04/template.yaml", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: Self.job, toPath: jobs + "/nq04-2016.yaml")
        let r = try Self.run(["validate", Self.sample("NQ04_MNH_2016.xlsx"), "--job", jobs + "/nq04-2016.yaml"])
        #expect(r.status == 2)
        let line = template.components(separatedBy: "\n").firstIndex { $0.contains("check: TB_TRANG <= TB_CHUA") }! + 1
        #expect(r.stderr.hasPrefix("error: \(jobs)/nq04/template.yaml: rule nq04-trang-le-chua: unknown indicator 'TB_CHUAA' [\(jobs)/nq04/template.yaml:\(line):"))
        #expect(r.stderr.components(separatedBy: "\n").count == 2)
        let missing = try Self.run(["validate", Self.sample("NQ04_MNH_2016.xlsx"), "--job", scratch.path + "/nope.yaml"])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("error: \(scratch.path)/nope.yaml: cannot read the job file"))
    }

    @Test func usageErrorsExit64() throws {
        #expect(try Self.run(["validate", "--job", Self.job]).status == 64)
        #expect(try Self.run(["validate", Self.sample("NQ04_MNH_2016.xlsx"), "--job", Self.job, "--format", "pdf"]).status == 64)
    }

    @Test func blankWritesAWorkbookTheReaderOpens() throws {
        let scratch = Scratch()
        let out = scratch.path + "/NQ04_MNH_2016.xlsx"
        let r = try Self.run(["blank", "--job", Self.job, "--unit", "MNH", "-o", out])
        #expect(r.status == 0 && r.stderr.isEmpty)
        let sheets = try Self.run(["inspect", out, "--sheets"])
        #expect(sheets.stdout.split(separator: "\n").map { $0.split(separator: "\t")[1] } == ["Thông tin", "Chỉ tiêu", "Thôn bản", "Kết nạp", "Danh mục", "Hướng dẫn"])
        // Validating the untouched blank form: only blanks are wrong.
        let v = try Self.run(["validate", out, "--job", Self.job, "--format", "json"])
        #expect(v.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(v.stdout.utf8)) as? [String: Any])
        let issues = ((json["files"] as? [[String: Any]])?.first?["issues"] as? [[String: Any]]) ?? []
        #expect(!issues.isEmpty && issues.allSatisfy { $0["code"] as? String == "blank-required" })
        let unknown = try Self.run(["blank", "--job", Self.job, "--unit", "XYZ", "-o", out])
        #expect(unknown.status == 2 && unknown.stderr.hasPrefix("error: "))
    }
}
