import ArgumentParser

/// `tonghop inspect` (being built; see the issue that owns it).
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Not built yet.")
    func run() throws {
        printError(file: nil, "tonghop inspect is not built yet")
        throw ExitCode(ExitStatus.unreadable.rawValue)
    }
}
