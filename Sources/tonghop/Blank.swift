import ArgumentParser

/// `tonghop blank` (being built; see the issue that owns it).
struct Blank: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Not built yet.")
    func run() throws {
        printError(file: nil, "tonghop blank is not built yet")
        throw ExitCode(ExitStatus.unreadable.rawValue)
    }
}
