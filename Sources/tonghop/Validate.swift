import ArgumentParser

/// `tonghop validate` (being built; see the issue that owns it).
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Not built yet.")
    func run() throws {
        printError(file: nil, "tonghop validate is not built yet")
        throw ExitCode(ExitStatus.unreadable.rawValue)
    }
}
