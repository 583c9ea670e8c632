import Batch
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Reporting
import Serve

/// A scoped job for the server tests: a temporary folder with an empty `inbox/`, `out/`
/// and `job.yaml` on the repository's Resolution 04 template, its ledger, the upload site
/// and one link per unit (`token(unit)`) and the province's (`provinceToken`).
final class ServeFixture: @unchecked Sendable {
    let path: String
    var inbox: String { path + "/inbox" }
    var out: String { path + "/out" }
    var jobPath: String { path + "/job.yaml" }
    let site: UploadSite
    private(set) var tokens: [String: String] = [:]
    let provinceToken: String

    /// The repository root (where Package.swift is).
    static var repository: String {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.path + "/Package.swift") { return url.path }
        }
        return FileManager.default.currentDirectoryPath
    }

    /// The uploads' wall clock: 2016-11-14 09:00 in Vietnam, the day before the deadline.
    static let now = Date(timeIntervalSince1970: 1_479_088_800)

    static func sample(_ name: String) -> String { repository + "/Samples/2016/" + name }
    static func invalid(_ name: String) -> String { repository + "/Samples/invalid/" + name }

    /// `maxFileSizeMB`: the job's `max_file_size_mb`.
    init(maxFileSizeMB: Int = 50, units: [String] = ["DBP", "MNH", "DBD", "TGI"]) throws {
        path = NSTemporaryDirectory() + "tonghop-serve-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path + "/inbox", withIntermediateDirectories: true)
        let text = """
            job: 1
            name: nq04-serve
            template: \(Self.repository)/Jobs/nq04/template.yaml
            period: "2016"
            deadline: 2016-11-15 17:00
            inbox: inbox
            output: out
            reports: { formats: [html, json], languages: [vi, en] }
            limits: { max_file_size_mb: \(maxFileSizeMB) }
            units: [\(units.joined(separator: ", "))]
            """
        try text.write(toFile: path + "/job.yaml", atomically: true, encoding: .utf8)
        let job = try JobFile.load(path: path + "/job.yaml")
        let template = try TemplateLoader.load(path: job.template)
        let period = try job.period(of: template)
        let ledger = try Ledger(path: job.ledger)
        var site = UploadSite(job: job, template: template, period: period, ledger: ledger)
        site.clock = { ServeFixture.now }
        site.logger.logLevel = .warning
        self.site = site
        for u in units {
            let t = LinkTokens.make()
            try ledger.addLink(job: job.name, period: "2016", unit: u, tokenSHA256: LinkTokens.hash(t), at: Date())
            tokens[u] = t
        }
        provinceToken = LinkTokens.make()
        try ledger.addLink(job: job.name, period: "2016", unit: nil, tokenSHA256: LinkTokens.hash(provinceToken), at: Date())
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func token(_ unit: String) -> String { tokens[unit]! }

    /// A new link for `unit`, revoking its earlier one; returns the new token.
    func renew(_ unit: String) throws -> String {
        let t = LinkTokens.make()
        try site.ledger.addLink(job: site.job.name, period: "2016", unit: unit, tokenSHA256: LinkTokens.hash(t), at: Date())
        tokens[unit] = t
        return t
    }

    var application: some ApplicationProtocol {
        Application(router: ServeRoutes.router(site: site))
    }

    /// The submissions in the inbox (what the nightly job would read), by name.
    func inboxFiles() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: inbox)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Every name in the inbox, hidden ones too (temporary files), but the receipts folder.
    func allInboxNames() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: inbox)) ?? []).filter { $0 != Receipt.folderName }.sorted()
    }

    /// Runs the nightly job on the inbox, as `tonghop run` does.
    func runNightly() async throws -> RunResult {
        let template = site.template
        let plan = try RunPlan(job: site.job, template: template, toolVersion: "test")
        let spec = try ConsolidationSpec.load(template: template)
        var runner = JobRunner(
            plan: plan,
            validator: TemplateValidation(
                validator: Validator(template: template, period: plan.period, limits: site.job.limits.readerLimits)),
            consolidator: ProvincialConsolidation(spec: spec, period: plan.period),
            fileReports: CatalogueFileReports(template: template), logger: .init(label: "test"))
        runner.targets = template.targets
        return try await runner.run()
    }
}

/// A `multipart/form-data` body as a browser sends it.
struct MultipartBody {
    static let boundary = "----TongHopTestBoundary7MA4YWxkTrZu0gW"
    static var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// A form with a `lang` field and a `file` part holding `bytes`.
    static func file(_ bytes: [UInt8], filename: String = "report.xlsx", field: String = "file") -> ByteBuffer {
        var b = ByteBuffer()
        b.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n")
        b.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(filename)\"\r\n")
        b.writeString("Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
        b.writeBytes(bytes)
        b.writeString("\r\n--\(boundary)--\r\n")
        return b
    }

    static func file(path: String, filename: String? = nil) -> ByteBuffer {
        file([UInt8](FileManager.default.contents(atPath: path)!), filename: filename ?? (path as NSString).lastPathComponent)
    }

    static var headers: HTTPFields { [.contentType: contentType] }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}
