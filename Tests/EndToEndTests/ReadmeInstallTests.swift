import Foundation
import Testing

/// The README's install commands, as a new user copies them on Debian.
@Suite struct ReadmeInstallTests {
    static var installBlock: [String] {
        get throws {
            let text = try String(contentsOfFile: TonghopBinary.root + "/README.md", encoding: .utf8)
            let section = try #require(text.components(separatedBy: "## Install").dropFirst().first)
            let block = try #require(section.components(separatedBy: "```sh").dropFirst().first?.components(separatedBy: "```").first)
            return block.split(separator: "\n").map { String($0) }
        }
    }

    /// Debian's Python refuses a bare `pip install` (externally-managed-environment): every
    /// pip the README runs is a virtual environment's, created before it is used, and the
    /// tests' `python3` (the first on PATH) is that environment's.
    @Test func pipRunsInAVirtualEnvironment() throws {
        let lines = try Self.installBlock
        let pipLines = lines.indices.filter { lines[$0].contains("pip install") }
        #expect(!pipLines.isEmpty)
        let venvLine = try #require(lines.firstIndex { $0.contains("python3 -m venv .venv") })
        for i in pipLines {
            let command = lines[i].components(separatedBy: "#")[0]
            #expect(command.contains(".venv/bin/pip install"), "\(lines[i])")
            #expect(!command.hasPrefix("pip ") && !command.contains(" pip install"), "\(lines[i])")
            #expect(venvLine <= i)
        }
        #expect(lines.contains { $0.hasPrefix("export PATH=\"$PWD/.venv/bin:$PATH\"") })
        #expect(!lines.contains { $0.contains("python3-pip") }, "the venv needs python3-venv, not python3-pip")
    }
}
