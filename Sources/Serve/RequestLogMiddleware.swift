import Foundation
import Hummingbird
import Logging

/// Logs one line per request when it is answered: method, path (tokens cut to their
/// first 4 characters: the log never holds a working link), status, bytes and time.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let path = Self.redacted(request.uri.path)
        do {
            let response = try await next(request, context)
            log(request, path: path, status: response.status.code, bytes: response.body.contentLength, since: start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            log(request, path: path, status: status, bytes: nil, since: start)
            throw error
        }
    }

    private func log(_ request: Request, path: String, status: Int, bytes: Int?, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let size = bytes.map { " \($0)B" } ?? ""
        logger.info("\(request.method.rawValue) \(path) \(status)\(size) \(String(format: "%.1f", ms))ms")
    }

    /// `/u/<token>/upload` → `/u/AbCd…/upload`.
    static func redacted(_ path: String) -> String {
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts.count > 2, parts[1] == "u" || parts[1] == "p" {
            parts[2] = String(parts[2].prefix(4)) + "…"
        }
        return parts.joined(separator: "/")
    }
}
