import ArgumentParser

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
