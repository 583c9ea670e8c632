import ArgumentParser
import Batch
import Foundation
import Hummingbird
import Logging
import Reporting
import Serve

/// `tonghop serve JOB`: the upload server beside the nightly job. Each unit uploads its
/// file by its own link and reads the nightly job's report of it at once; a file that is
/// not rejected is placed in the inbox with its receipt for the night's run.
/// (Named `ServeCommand`: `Serve` is the module it imports.)
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the upload pages of a job's period (links from `tonghop links`).",
        discussion: """
            Logs one line per request on stderr. Stops on SIGTERM or SIGINT, after the
            requests under way. See docs/OPERATIONS.md, "The upload page".
            Exit codes: 2 the job, its inbox or its ledger could not be read, or the address
            could not be listened on; 64 bad usage.
            """)

    @Argument(help: "The job file, e.g. Jobs/nq04-2016.yaml.")
    var job: String

    @Option(help: "The address and port to listen on (host:port).")
    var listen: String = "127.0.0.1:8080"

    func validate() throws {
        if Self.address(listen) == nil { throw ValidationError("--listen must be host:port, such as 127.0.0.1:8080") }
    }

    /// `127.0.0.1:8080`, `[::1]:8080`, `localhost:0` as host and port.
    static func address(_ text: String) -> (host: String, port: Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            return nil
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host.isEmpty ? nil : (host, port)
    }

    func run() async throws {
        let ctx = try JobContext.load(job)
        do { _ = try Inbox.scan(ctx.job.inbox) } catch {
            printError(file: error.path, error.message)
            throw ExitCode(ExitStatus.unreadable.rawValue)
        }
        let ledger: Ledger
        do { ledger = try Ledger(path: ctx.job.ledger) } catch {
            printError(file: error.path, error.message)
            throw ExitCode(ExitStatus.unreadable.rawValue)
        }
        var site = UploadSite(job: ctx.job, template: ctx.template, period: ctx.period, ledger: ledger)
        site.logger = Logger(label: "tonghop.serve") { StderrLogHandler(label: $0, level: .info) }
        site.sweepLeftovers()
        let (host, port) = Self.address(listen)!
        let app = ServeApplication.make(site: site, host: host, port: port)
        do { try await app.runService() } catch {
            printError(file: nil, "cannot serve on \(listen): \(error)")
            throw ExitCode(ExitStatus.unreadable.rawValue)
        }
    }
}
