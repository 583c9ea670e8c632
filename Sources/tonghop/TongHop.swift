import ArgumentParser

/// `tonghop`: the command line. One file per subcommand; `EntryPoint` starts it.
struct TongHop: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tonghop",
        abstract: "Consolidate district XLSX report submissions into a provincial workbook.",
        discussion: """
            Exit codes: 0 success; 1 some file or unit has errors (rejected or missing);
            2 a file could not be read or the job could not run; 64 bad usage.
            """,
        version: "0.1.0",
        subcommands: [
            Inspect.self, Convert.self, Validate.self, Blank.self, Run.self, Approve.self, Reopen.self, HistoryCommand.self,
            ImportPeriod.self, ServeCommand.self, Links.self,
        ])
}
