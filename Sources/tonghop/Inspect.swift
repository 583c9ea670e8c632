import ArgumentParser
import XLSX

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `tonghop inspect`: list sheets, print one sheet as CSV or JSON, or print the checksum.
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
            Exit codes: 0 ok; 2 the file cannot be read; 64 bad usage.
            """)

    enum Format: String, ExpressibleByArgument {
        case csv, json
    }

    @Argument(help: "The .xlsx or .xlsm file.")
    var file: String

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
        if sheets && stats { throw ValidationError("--sheets and --stats cannot be combined") }
        if (sheets || stats) && sheet != nil {
            throw ValidationError("--sheet cannot be combined with --sheets or --stats")
        }
    }

    func run() throws {
        do {
            let workbook = try Workbook(path: file, options: ReadOptions(formulas: formulas))
            for w in workbook.warnings { printWarning(file: file, w) }
            if sheets {
                try listSheets(workbook)
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
        } catch {
            printError(file: file, error.message, where: error.location)
            throw ExitCode(ExitStatus.unreadable.rawValue)
        }
    }

    private func listSheets(_ workbook: Workbook) throws(XLSXError) {
        var out = ""
        for s in workbook.sheets {
            var used = s.kind.rawValue
            if s.kind == .worksheet || s.kind == .macrosheet {
                used = try SheetExtent.usedRange(workbook, s)?.description ?? "-"
            }
            out += "\(s.index + 1)\t\(s.name)\t\(s.state.rawValue)\t\(used)\n"
        }
        try printStdout(out)
    }

    private func printStdout(_ text: String) throws(XLSXError) {
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
