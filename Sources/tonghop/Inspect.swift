import ArgumentParser
import Batch
import XLSX

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `tonghop inspect`: list sheets, print one sheet as CSV or JSON, or print the checksum;
/// `--sheets` and `--stats` take several files, read in turn in one process.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show what an XLSX file contains.",
        discussion: """
            --sheets prints one line per sheet, tab-separated: index (1-based), name, state
            (visible/hidden/veryHidden), used range (`-` when empty; `chartsheet` etc. for
            sheets without cells).
            Default output is the first worksheet as CSV: RFC 4180, UTF-8, \\n line ends, rows
            and columns up to the last non-empty cell; numbers in shortest round-trip form
            (integral values without a fraction); TRUE/FALSE; dates YYYY-MM-DD, date-times
            YYYY-MM-DDTHH:MM:SS, times HH:MM:SS; errors as written (#N/A).
            --format json prints {"sheet": NAME, "rows": [[...], ...]} with typed values: null,
            numbers, strings, booleans, {"error": "#N/A"}, {"date"|"datetime"|"time"|"duration":
            TEXT, "serial": N}; with --formulas a formula cell is {"formula": TEXT, "value": V}.
            --stats prints `cells=N numeric=M sum=S` over all worksheets (dates as serials,
            S like C's %.12g).
            Several files (with --stats or --sheets) are read in turn, in the order given: --stats
            prints one line per file read; --sheets prefixes each line with the file name and a
            tab. A file that cannot be read prints its error on stderr and no line, and the
            others are still read. On a terminal, a progress line on stderr after a second.
            Exit codes: 0 every file read; 2 some file cannot be read; 64 bad usage.
            """)

    enum Format: String, ExpressibleByArgument {
        case csv, json
    }

    @Argument(help: "The .xlsx or .xlsm file (several with --stats or --sheets).")
    var files: [String]

    @Flag(help: "List the sheets.")
    var sheets = false

    @Option(help: "The sheet to print: its name or its 1-based index (default: the first worksheet).")
    var sheet: String?

    @Option(help: "Output format: csv or json.")
    var format: Format = .csv

    @Flag(help: "Print the cells/numeric/sum checksum over all worksheets.")
    var stats = false

    @Flag(help: "Show formula text (=...) instead of cached values for formula cells.")
    var formulas = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("give the file to read") }
        if files.count > 1 && !(sheets || stats) {
            throw ValidationError("one file at a time to print a sheet; --stats and --sheets take several")
        }
        if sheets && stats { throw ValidationError("--sheets and --stats cannot be combined") }
        if (sheets || stats) && sheet != nil {
            throw ValidationError("--sheet cannot be combined with --sheets or --stats")
        }
    }

    func run() throws {
        let progress = InspectProgress(total: files.count)
        var unreadable = false
        for (i, file) in files.enumerated() {
            progress.show(done: i)
            if !inspect(file) { unreadable = true }
        }
        progress.clear()
        if unreadable { throw ExitCode(ExitStatus.unreadable.rawValue) }
    }

    /// Reads one file and prints what was asked; false when the file cannot be read (its
    /// error printed on stderr).
    private func inspect(_ file: String) -> Bool {
        do {
            let workbook = try Workbook(path: file, options: ReadOptions(formulas: formulas))
            if !workbook.warnings.isEmpty { ProgressLine.shared.clear() }
            for w in workbook.warnings { printWarning(file: file, w) }
            if sheets {
                try listSheets(workbook, prefix: files.count > 1 ? file + "\t" : "")
            } else if stats {
                try printStdout(WorkbookStats(workbook).line + "\n")
            } else {
                let target = try workbook.chooseSheet(sheet)
                switch format {
                case .csv: try CSVExport.write(workbook, sheet: target, to: 1, formulas: formulas)
                case .json: try JSONExport.write(workbook, sheet: target, to: 1, formulas: formulas)
                }
            }
            for w in workbook.sheetWarnings { printWarning(file: file, w) }
            return true
        } catch {
            ProgressLine.shared.clear()
            printError(file: file, error.message, where: error.location)
            return false
        }
    }

    private func listSheets(_ workbook: Workbook, prefix: String) throws(XLSXError) {
        var out = ""
        for s in workbook.sheets {
            var used = s.kind.rawValue
            if s.kind == .worksheet || s.kind == .macrosheet {
                used = try SheetExtent.usedRange(workbook, s)?.description ?? "-"
            }
            out += "\(prefix)\(s.index + 1)\t\(s.name)\t\(s.state.rawValue)\t\(used)\n"
        }
        try printStdout(out)
    }

    private func printStdout(_ text: String) throws(XLSXError) {
        ProgressLine.shared.clear()  // output on the same terminal starts on a clean line
        var bytes = Array(text.utf8)
        var ok = true
        bytes.withUnsafeMutableBytes { buf in
            var off = 0
            while off < buf.count {
                let n = write(1, buf.baseAddress! + off, buf.count - off)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { ok = false; break }
                off += n
            }
        }
        if !ok { throw .io("cannot write output") }
    }
}

/// `inspect`'s progress line over several files (`reading 120/1000`): drawn on stderr when
/// it is a terminal, once the work has taken a second (a few small files print nothing),
/// while a file is read; erased before anything is printed.
struct InspectProgress {
    var total: Int
    private let start = InspectProgress.now()
    private let enabled: Bool

    init(total: Int) {
        self.total = total
        enabled = total > 1 && StandardError.isTerminal
    }

    /// Draws `reading DONE/TOTAL` while the next file is read.
    func show(done n: Int) {
        guard enabled, InspectProgress.now() - start >= 1 else { return }
        ProgressLine.shared.update("reading", done: n, total: total)
    }

    func clear() { if enabled { ProgressLine.shared.clear() } }

    private static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
