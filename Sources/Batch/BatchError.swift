/// Why the job could not run (exit code 2). Each case names the file or folder involved.
public enum BatchError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Another run holds the lock on the output folder.
    case locked(path: String, pid: Int32?)
    /// A file or folder could not be read.
    case cannotRead(path: String, reason: String)
    /// A file or folder could not be written.
    case cannotWrite(path: String, reason: String)
    /// The ledger (SQLite) failed.
    case ledger(path: String, reason: String)
    /// The job's configuration is unusable (bad inbox, period, template...).
    case configuration(path: String, reason: String)
    /// Consolidation or report rendering failed.
    case output(path: String, reason: String)

    /// The file or folder the error is about.
    public var path: String {
        switch self {
        case .locked(let p, _), .cannotRead(let p, _), .cannotWrite(let p, _), .ledger(let p, _),
            .configuration(let p, _), .output(let p, _):
            return p
        }
    }

    /// What is wrong, without the path.
    public var message: String {
        switch self {
        case .locked(_, let pid):
            return "another tonghop run is in progress" + (pid.map { " (pid \($0))" } ?? "")
                + "; wait for it to finish"
        case .cannotRead(_, let r): return "cannot read: \(r)"
        case .cannotWrite(_, let r): return "cannot write: \(r)"
        case .ledger(_, let r): return "ledger error: \(r)"
        case .configuration(_, let r): return r
        case .output(_, let r): return r
        }
    }

    public var description: String { "\(path): \(message)" }
}
