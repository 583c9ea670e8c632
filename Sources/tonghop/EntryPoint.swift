import ArgumentParser
import Dispatch

/// The process's entry point: a synchronous `main`, so that the commands that need no
/// concurrency (`--version`, `inspect`, `validate`, `convert`, `blank`) start without the
/// Swift concurrency runtime and its threads; only `run` (async) starts them, for its
/// own work. About a millisecond of every start (docs/PERFORMANCE.md, "Start-up").
/// ArgumentParser's own async `main` would start them for every command.
@main
enum EntryPoint {
    static func main() {
        // `tonghop --version` answers before the argument parser is built: setting that up
        // (reflection over the command tree, a conformance scan of the whole static binary
        // per type it asks about) is half of a start. The same line ArgumentParser prints.
        if CommandLine.arguments.dropFirst().elementsEqual(["--version"]) {
            print(TongHop.configuration.version)
            return
        }
        do {
            let command = try TongHop.parseAsRoot()
            if let job = command as? any AsyncParsableCommand {
                try runToCompletion(job)
            } else {
                var command = command
                try command.run()
            }
        } catch {
            TongHop.exit(withError: error)
        }
    }

    /// Runs an async command on the global executor while this thread waits for it.
    private static func runToCompletion(_ command: any AsyncParsableCommand) throws {
        nonisolated(unsafe) var command = command
        nonisolated(unsafe) var failure: (any Error)?
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do { try await command.run() } catch { failure = error }
            done.signal()
        }
        done.wait()
        if let failure { throw failure }
    }
}
