import ArgumentParser

/// `tonghop convert` (being built; see the issue that owns it).
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Not built yet.")
    func run() throws {
        printError(file: nil, "tonghop convert is not built yet")
        throw ExitCode(ExitStatus.unreadable.rawValue)
    }
}
