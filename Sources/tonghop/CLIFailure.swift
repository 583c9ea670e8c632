import ArgumentParser
import Reporting

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Exit codes shared by every subcommand (documented in the README and `--help`).
enum ExitStatus: Int32 {
    /// Everything was read and nothing has errors.
    case ok = 0
    /// Some file or unit has errors (rejected, or missing from the period).
    case problems = 1
    /// Some file could not be read, or the job could not run.
    case unreadable = 2
}

/// Prints `error: FILE: message [where]` on stderr: the one line a user sees.
func printError(file: String?, _ message: String, where location: String? = nil) {
    var line = "error: "
    if let file { line += "\(file): " }
    line += message
    if let location, !location.isEmpty { line += " [\(location)]" }
    line += "\n"
    writeStderr(line)
}

/// Prints a rejected or unreadable file's first errors on stderr, one
/// `error: FILE: what: message [Sheet!Cell]` line each (in English: stderr is the
/// operator's), then how many more the report lists.
func printFirstErrors(_ report: FileReport, file: String? = nil, limit: Int = 3) {
    for e in report.firstErrors(limit) { printError(file: file ?? report.file, e.message, where: e.location) }
}

/// Prints a warning line on stderr.
func printWarning(file: String?, _ message: String) {
    writeStderr("warning: \(file.map { "\($0): " } ?? "")\(message)\n")
}

/// Writes text to standard error (file descriptor 2), unbuffered.
func writeStderr(_ text: String) {
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBytes { buf in
        var off = 0
        while off < buf.count {
            let n = write(2, buf.baseAddress! + off, buf.count - off)
            if n <= 0 { break }
            off += n
        }
    }
}
