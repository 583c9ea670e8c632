import ArgumentParser

/// `tonghop run` (being built; see the issue that owns it).
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Not built yet.")
    func run() throws {
        printError(file: nil, "tonghop run is not built yet")
        throw ExitCode(ExitStatus.unreadable.rawValue)
    }
}
