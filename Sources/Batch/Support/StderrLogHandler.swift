import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A swift-log handler writing `level: message` lines to standard error, for the command
/// line and for cron/systemd logs. No timestamps (journald and cron add their own), no
/// colours. When a progress line is showing, it is cleared first so lines never mix.
public struct StderrLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    private let label: String

    public init(label: String, level: Logger.Level) {
        self.label = label
        self.logLevel = level
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var line = "\(event.level.name): \(event.message)"
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        if !merged.isEmpty {
            line += " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        }
        ProgressLine.shared.clear()
        StandardError.write(line + "\n")
    }
}

extension Logger.Level {
    /// The word printed before a message.
    var name: String {
        switch self {
        case .trace: "trace"
        case .debug: "debug"
        case .info: "info"
        case .notice: "notice"
        case .warning: "warning"
        case .error: "error"
        case .critical: "critical"
        }
    }
}

/// Unbuffered writes to file descriptor 2.
public enum StandardError {
    /// Whether standard error is a terminal (progress lines are drawn only then).
    public static var isTerminal: Bool { isatty(2) == 1 }

    /// Writes text to standard error.
    public static func write(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { buf in
            var off = 0
            while off < buf.count {
                #if canImport(Glibc)
                    let n = Glibc.write(2, buf.baseAddress! + off, buf.count - off)
                #else
                    let n = Darwin.write(2, buf.baseAddress! + off, buf.count - off)
                #endif
                if n <= 0 { break }
                off += n
            }
        }
    }
}

/// The one progress line on a terminal (`validating 120/1000`), redrawn in place.
public final class ProgressLine: @unchecked Sendable {
    /// The process-wide progress line.
    public static let shared = ProgressLine()
    private let lock = NSLock()
    private var showing = false
    private var lastDraw = 0.0

    /// Draws `label done/total`, at most ~10 times a second and always for the last one.
    public func update(_ label: String, done: Int, total: Int) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date().timeIntervalSince1970
        guard done == total || now - lastDraw >= 0.1 else { return }
        lastDraw = now
        StandardError.write("\r\u{1B}[K\(label) \(done)/\(total)")
        showing = true
    }

    /// Erases the line if drawn.
    public func clear() {
        lock.lock()
        defer { lock.unlock() }
        if showing {
            StandardError.write("\r\u{1B}[K")
            showing = false
        }
    }
}
