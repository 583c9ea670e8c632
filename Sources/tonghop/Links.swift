import ArgumentParser
import Batch
import Foundation
import Reporting
import Serve
import XLSX

/// `tonghop links JOB`: the upload server's links, one per expected unit and one for the
/// province, as a CSV (`unit,name,url`) for the province to send out.
struct Links: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "links",
        abstract: "Make the upload links of a job's period (a CSV: unit,name,url), or revoke one.",
        discussion: """
            Each link holds a new random token; the ledger keeps only its SHA-256, so the CSV
            is the one copy: send each unit its own line. Making links revokes the earlier
            links of the same units (and of the province) for the period. --unit makes one
            unit's link anew; --revoke UNIT (or --revoke province) closes a link without a new one.
            Exit codes: 0 done; 2 the job or its ledger could not be read; 64 bad usage.
            """)

    @Argument(help: "The job file, e.g. Jobs/nq04-2016.yaml.")
    var job: String

    @Option(help: "The address the server is reached at, put before each link's path.")
    var baseURL: String = "http://127.0.0.1:8080"

    @Option(name: [.short, .long], help: "Write the CSV to this file (mode 0600) instead of standard output.")
    var output: String?

    @Option(help: "Make a new link for this unit only (or 'province').")
    var unit: String?

    @Option(help: "Revoke the links of this unit (or 'province') for the period; makes none.")
    var revoke: String?

    static let province = "province"

    func validate() throws {
        if unit != nil && revoke != nil { throw ValidationError("--unit and --revoke cannot be used together") }
        guard let url = URL(string: baseURL), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
            throw ValidationError("--base-url must be an http or https address, such as https://baocao.example.vn")
        }
    }

    func run() throws {
        let ctx = try JobContext.load(job)
        let ledger: Ledger
        do { ledger = try Ledger(path: ctx.job.ledger) } catch {
            printError(file: error.path, error.message)
            throw ExitCode(ExitStatus.unreadable.rawValue)
        }
        let period = ctx.period.description
        let units = ctx.job.expectedUnits(of: ctx.template)
        func code(_ text: String) throws -> String? {
            if text.lowercased() == Self.province { return nil }
            guard let u = units.first(where: { $0.code.uppercased() == text.uppercased() }) else {
                printError(file: job, "no unit '\(text)' is expected this period (units: \(units.map(\.code).joined(separator: ", ")), or province)")
                throw ExitCode.validationFailure
            }
            return u.code
        }
        if let revoke {
            let target = try code(revoke)
            do {
                let n = try ledger.revokeLinks(job: ctx.job.name, period: period, unit: target, at: Date())
                writeStderr("links: revoked \(n) link\(n == 1 ? "" : "s") of \(target ?? Self.province) for \(ctx.job.name) \(period)\n")
            } catch {
                printError(file: error.path, error.message)
                throw ExitCode(ExitStatus.unreadable.rawValue)
            }
            return
        }
        var rows: [(code: String?, name: String)] = units.map { ($0.code, $0.name) } + [(nil, "Tỉnh (province)")]
        if let unit {
            let target = try code(unit)
            rows = rows.filter { $0.code == target }
        }
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        var csv = "unit,name,url\n"
        for row in rows {
            let token = LinkTokens.make()
            do {
                try ledger.addLink(job: ctx.job.name, period: period, unit: row.code, tokenSHA256: LinkTokens.hash(token), at: Date())
            } catch {
                printError(file: error.path, error.message)
                throw ExitCode(ExitStatus.unreadable.rawValue)
            }
            let url = base + (row.code == nil ? "/p/" : "/u/") + token
            csv += [row.code ?? Self.province, row.name, url].map(Self.csvField).joined(separator: ",") + "\n"
        }
        if let output {
            do { try AtomicFile.write(Array(csv.utf8), to: output) } catch {
                printError(file: output, "\(error)")
                throw ExitCode(ExitStatus.unreadable.rawValue)
            }
            chmod(output, 0o600)  // the links open the pages: for the province's eyes only
            writeStderr("links: \(rows.count) link\(rows.count == 1 ? "" : "s") for \(ctx.job.name) \(period) → \(output)\n")
        } else {
            FileHandle.standardOutput.write(Data(csv.utf8))
        }
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break.
    static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
