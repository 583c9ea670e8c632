import ArgumentParser
import XLSX

/// `tonghop convert IN.csv OUT.xlsx` and `tonghop convert IN.xlsx OUT.csv [--sheet NAME]`.
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert CSV to XLSX or XLSX to CSV, streaming.",
        discussion: """
            CSV to XLSX types each field: empty is no cell; -?[0-9]+(.[0-9]+)? a number;
            YYYY-MM-DD (a real date, 1900 on) a date shown dd/mm/yyyy; anything else text.
            --text-columns keeps columns (letters A,C or header names) as text, so codes
            like 001 stay 001. The output is written to a temporary file, then renamed.
            """)

    @Argument(help: "Input file (.csv or .xlsx/.xlsm).")
    var input: String

    @Argument(help: "Output file (.xlsx for a CSV input, .csv for an XLSX input).")
    var output: String

    @Option(name: .long, help: "XLSX to CSV: the sheet to export (default: the first worksheet).")
    var sheet: String?

    @Option(name: .long, help: "CSV to XLSX: columns kept as text, by letter (A,C) or header name.")
    var textColumns: String?

    @Option(name: .long, help: "CSV to XLSX: the sheet name (default Sheet1).")
    var sheetName: String = "Sheet1"

    @Option(name: .long, help: "CSV to XLSX: deflate level 0-9 (default: the measured default).")
    var deflateLevel: Int?

    func validate() throws {
        let i = input.lowercased()
        let o = output.lowercased()
        let csvToXLSX = i.hasSuffix(".csv") && o.hasSuffix(".xlsx")
        let xlsxToCSV = (i.hasSuffix(".xlsx") || i.hasSuffix(".xlsm")) && o.hasSuffix(".csv")
        guard csvToXLSX || xlsxToCSV else {
            throw ValidationError("convert IN.csv OUT.xlsx, or IN.xlsx OUT.csv")
        }
        if let l = deflateLevel, !(0...9).contains(l) { throw ValidationError("--deflate-level must be 0 to 9") }
        if csvToXLSX && sheet != nil { throw ValidationError("--sheet is for XLSX to CSV") }
        if xlsxToCSV && textColumns != nil { throw ValidationError("--text-columns is for CSV to XLSX") }
    }

    func run() throws {
        if input.lowercased().hasSuffix(".csv") {
            do {
                var options = WriterOptions()
                if let l = deflateLevel { options.deflateLevel = l }
                try CSVToXLSX(input: input, output: output, textColumns: textColumns, sheetName: sheetName, options: options).run()
            } catch {
                printError(file: error.file.isEmpty ? nil : error.file, error.description)
                throw ExitCode(error.file.isEmpty ? 64 : ExitStatus.unreadable.rawValue)
            }
        } else {
            do {
                let workbook = try Workbook(path: input)
                for w in workbook.warnings { printWarning(file: input, w) }
                let target = try workbook.chooseSheet(sheet)
                try CSVExport.write(workbook, sheet: target, toPath: output)
            } catch {
                printError(file: input, error.message, where: error.location)
                throw ExitCode(ExitStatus.unreadable.rawValue)
            }
        }
    }
}

/// Streams a CSV file into a one-sheet workbook, typing fields as the benchmark does.
struct CSVToXLSX {
    let input: String
    let output: String
    let textColumns: String?
    let sheetName: String
    let options: WriterOptions

    func run() throws(ConvertError) {
        let reader: CSVReader
        do { reader = try CSVReader(path: input) } catch { throw .csv(error) }
        let book = WorkbookWriter(options: options)
        let sheet: StreamingWorksheet
        do { sheet = try book.addStreamingWorksheet(sheetName) } catch { throw .write(output, error) }
        var asText: [Bool] = []
        var row = RowBuilder()
        var first = true
        while try Self.next(reader) {
            if first {
                asText = try textColumnFlags(header: reader)
                first = false
            }
            guard reader.fieldCount <= CellRef.maxColumns else { throw .tooManyColumns(input, line: reader.line) }
            guard sheet.nextRow < CellRef.maxRows else { throw .tooManyRows(input, line: reader.line) }
            row.removeAll()
            for i in 0..<reader.fieldCount {
                let f = reader.field(i)
                if i < asText.count && asText[i] {
                    if f.isEmpty { row.appendEmpty() } else { row.appendText(bytes: f) }
                } else {
                    CSVTyping.append(f, to: &row)
                }
            }
            do { try sheet.appendRow(row) } catch { throw .write(output, error) }
        }
        do { try book.write(to: output) } catch { throw .write(output, error) }
    }

    /// Which columns stay text: `A,C` letters or header names (names win over letters).
    private static func next(_ reader: CSVReader) throws(ConvertError) -> Bool {
        do { return try reader.next() } catch { throw .csv(error) }
    }

    private func textColumnFlags(header: CSVReader) throws(ConvertError) -> [Bool] {
        guard let textColumns, !textColumns.isEmpty else { return [] }
        var names: [String: Int] = [:]
        for i in 0..<header.fieldCount {
            let n = String(decoding: header.field(i), as: UTF8.self)
            if names[n] == nil { names[n] = i }
        }
        var flags: [Bool] = []
        for item in textColumns.split(separator: ",", omittingEmptySubsequences: true) {
            let name = String(item)
            let trimmed = String(name.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
            let column: Int
            if let c = names[name] ?? names[trimmed] {
                column = c
            } else if let ref = CellRef(trimmed + "1"), trimmed.allSatisfy(\.isLetter) {
                column = ref.column
            } else {
                throw .unknownColumn(name)
            }
            if flags.count <= column { flags += Array(repeating: false, count: column + 1 - flags.count) }
            flags[column] = true
        }
        return flags
    }
}

/// The benchmark's typing rules for one CSV field.
enum CSVTyping {
    /// empty: no cell; `-?[0-9]+(.[0-9]+)?`: a number; `YYYY-MM-DD` (real, 1900 on): a date; else text.
    @inline(__always)
    static func append(_ f: ArraySlice<UInt8>, to row: inout RowBuilder) {
        guard let c0 = f.first else { return row.appendEmpty() }
        if c0 == UInt8(ascii: "-") || (c0 >= 48 && c0 <= 57) {
            if let n = number(f) { return row.appendNumber(n) }
            if let d = date(f) { return row.appendDate(serial: d) }
        }
        row.appendText(bytes: f)
    }

    /// The value of `-?[0-9]+(.[0-9]+)?`, or nil.
    static func number(_ f: ArraySlice<UInt8>) -> Double? {
        var i = f.startIndex
        let end = f.endIndex
        var negative = false
        if f[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        let intStart = i
        var v = 0
        while i < end, f[i] >= 48, f[i] <= 57 {
            if i - intStart < 18 { v = v &* 10 &+ Int(f[i] - 48) }
            i += 1
        }
        let intDigits = i - intStart
        guard intDigits > 0 else { return nil }
        if i == end {
            if intDigits <= 15 { return negative ? -Double(v) : Double(v) }
            return Double(String(decoding: f, as: UTF8.self))
        }
        guard f[i] == UInt8(ascii: "."), i + 1 < end else { return nil }
        i += 1
        let fracStart = i
        while i < end, f[i] >= 48, f[i] <= 57 { i += 1 }
        guard i == end, i > fracStart else { return nil }
        return Double(String(decoding: f, as: UTF8.self))  // strtod: correctly rounded
    }

    /// The 1900-system serial of a real `YYYY-MM-DD` date from 1900 on, or nil.
    static func date(_ f: ArraySlice<UInt8>) -> Double? {
        guard f.count == 10 else { return nil }
        let b = f.startIndex
        func d(_ k: Int) -> Int? {
            let c = f[b + k]
            return c >= 48 && c <= 57 ? Int(c - 48) : nil
        }
        guard f[b + 4] == UInt8(ascii: "-"), f[b + 7] == UInt8(ascii: "-"),
            let y0 = d(0), let y1 = d(1), let y2 = d(2), let y3 = d(3), let m0 = d(5), let m1 = d(6),
            let d0 = d(8), let d1 = d(9)
        else { return nil }
        let year = y0 * 1000 + y1 * 100 + y2 * 10 + y3
        let month = m0 * 10 + m1
        let day = d0 * 10 + d1
        guard year >= 1900, (1...12).contains(month), day >= 1 else { return nil }
        guard ExcelDate.isValid(year: year, month: month, day: day) else { return nil }
        return ExcelDate.serial(year: year, month: month, day: day)
    }
}
