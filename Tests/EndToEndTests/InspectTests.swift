import Foundation
import Testing

/// `tonghop inspect` run as a user runs it: the built binary, its stdout, stderr and exit code.
@Suite struct InspectTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Tests/XLSXTests/Fixtures").path

    static var tonghop: String? { TonghopBinary.path }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func inspect(_ args: [String]) throws -> Output {
        guard let tonghop else { throw CancellationError() }
        let r = try TonghopBinary.run(tonghop, ["inspect"] + args)
        return Output(status: r.status, stdout: try TonghopBinary.utf8(r.stdout), stderr: try TonghopBinary.utf8(r.stderr))
    }

    static func fixture(_ name: String) -> String { fixtures + "/" + name }

    @Test func csvOfTheFirstSheet() throws {
        let r = try InspectTests.inspect([InspectTests.fixture("basic_values.xlsx")])
        #expect(r.status == 0 && r.stderr.isEmpty)
        #expect(
            r.stdout == #"""
                text,"comma, quote ""x""",3,0.5,1e-07,TRUE,FALSE,-42
                Điện Biên,,,,,,,
                ,1234567.25,,,,,,
                ,,2016-11-17,2016-05-23T14:30:15,08:30:00,,,

                """#)
    }

    @Test func sheetsListing() throws {
        let r = try InspectTests.inspect([InspectTests.fixture("chartsheet.xlsx"), "--sheets"])
        #expect(r.status == 0)
        #expect(r.stdout == "1\tData\tvisible\tA1:A3\n2\tChart\tvisible\tchartsheet\n3\tAfter\tvisible\tA1\n")
        let h = try InspectTests.inspect([InspectTests.fixture("hidden_sheets.xlsx"), "--sheets"])
        #expect(h.stdout == "1\tVisible\tvisible\tA1\n2\tHidden\thidden\tA1\n3\tVeryHidden\tveryHidden\tB2\n4\tEmpty\tvisible\t-\n")
    }

    @Test func sheetByNameAndIndex() throws {
        let byName = try InspectTests.inspect([InspectTests.fixture("hidden_sheets.xlsx"), "--sheet", "VeryHidden"])
        let byIndex = try InspectTests.inspect([InspectTests.fixture("hidden_sheets.xlsx"), "--sheet", "3"])
        #expect(byName.stdout == ",\n,vh\n")
        #expect(byIndex.stdout == byName.stdout)
        let missing = try InspectTests.inspect([InspectTests.fixture("hidden_sheets.xlsx"), "--sheet", "Nope"])
        #expect(missing.status == 2 && missing.stdout.isEmpty)
        #expect(missing.stderr.hasPrefix("error: ") && missing.stderr.contains("Nope"))
    }

    @Test func jsonTypedValues() throws {
        let r = try InspectTests.inspect([InspectTests.fixture("formulas.xlsx"), "--format", "json", "--formulas"])
        #expect(r.status == 0)
        #expect(
            r.stdout == """
                {"sheet":"Formulas","rows":[
                [2,{"formula":"IF(A1>1,\\"yes\\",\\"no\\")","value":"yes"}],
                [3,{"formula":"A1>1","value":true}],
                [{"formula":"SUM(A1:A2)","value":5},{"formula":"A1*A2","value":0}]
                ]}

                """)
        let d = try InspectTests.inspect([InspectTests.fixture("errors.xlsx"), "--format", "json"])
        #expect(d.stdout.contains("[{\"error\":\"#N/A\"}]"))
    }

    @Test func statsLine() throws {
        let r = try InspectTests.inspect([InspectTests.fixture("shared_strings_xlsxwriter.xlsx"), "--stats"])
        #expect(r.status == 0 && r.stdout == "cells=11 numeric=2 sum=44707\n")
    }

    /// The checksum agrees with openpyxl's reading of the same files (as the benchmark compares).
    @Test func statsMatchOpenpyxl() throws {
        let names = ["basic_values.xlsx", "custom_date_formats.xlsx", "shared_strings_rich.xlsx", "errors.xlsx"]
        let script = """
            import sys, datetime, openpyxl
            E = datetime.date(1899, 12, 30).toordinal()
            for f in sys.argv[1:]:
                wb = openpyxl.load_workbook(f, read_only=True); c = n = 0; s = 0.0
                for ws in wb.worksheets:
                    for row in ws.iter_rows(values_only=True):
                        for v in row:
                            if v is None or v == "": continue
                            c += 1
                            if type(v) in (int, float): n += 1; s += v
                            elif isinstance(v, datetime.datetime): n += 1; s += v.toordinal() - E + (v.hour*3600+v.minute*60+v.second+v.microsecond/1e6)/86400
                            elif isinstance(v, datetime.date): n += 1; s += v.toordinal() - E
                            elif isinstance(v, (datetime.time, datetime.timedelta)): n += 1; s += (v.hour*3600+v.minute*60+v.second)/86400 if isinstance(v, datetime.time) else v.total_seconds()/86400
                print(f"cells={c} numeric={n} sum={s:.12g}")
            """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script] + names.map(InspectTests.fixture)
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else {
            print("skipped: python3 not available")
            return
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            print("skipped: python3 with openpyxl not available")
            return
        }
        let expected = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        for (name, want) in zip(names, expected) {
            let r = try InspectTests.inspect([InspectTests.fixture(name), "--stats"])
            #expect(r.stdout == want + "\n", "\(name)")
        }
    }

    @Test(arguments: [
        ("not_a_zip.xlsx", "not an XLSX file (not a ZIP archive)"),
        ("truncated.xlsx", "truncated or damaged ZIP archive: no end of central directory"),
        ("crc_mismatch.xlsx", "CRC-32 mismatch (damaged file) [xl/worksheets/sheet1.xml]"),
        ("bzip2_entry.xlsx", "unsupported ZIP compression method 12 (bzip2) [xl/worksheets/sheet1.xml]"),
        ("encrypted_entry.xlsx", "encrypted ZIP entry [xl/worksheets/sheet1.xml]"),
        ("missing_sheet_part.xlsx", "missing part [xl/worksheets/sheet1.xml]"),
        ("dtd_in_sheet.xlsx", "XML document type declaration (DTD) refused [xl/worksheets/sheet1.xml]"),
        ("legacy_libreoffice.xls", "legacy Excel 97-2003 .xls workbook; save it as .xlsx"),
        ("opendocument_libreoffice.ods", "OpenDocument spreadsheet (.ods); save it as .xlsx"),
        ("does_not_exist.xlsx", "cannot open: No such file or directory"),
    ])
    func unreadableFileOneLineExit2(_ name: String, _ message: String) throws {
        let path = InspectTests.fixture(name)
        let r = try InspectTests.inspect([path])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "error: \(path): \(message)\n")
    }

    // MARK: several files in one process

    /// `--stats` over several files: one line per file in the order given, each the line the
    /// file gets alone; exit 0 when every file was read.
    @Test func statsOfSeveralFilesOneLineEach() throws {
        let names = ["shared_strings_xlsxwriter.xlsx", "basic_values.xlsx", "errors.xlsx"]
        var alone = ""
        for name in names { alone += try InspectTests.inspect([InspectTests.fixture(name), "--stats"]).stdout }
        let r = try InspectTests.inspect(names.map(InspectTests.fixture) + ["--stats"])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        #expect(r.stdout == alone)
        #expect(r.stdout.split(separator: "\n").count == 3 && r.stdout.hasPrefix("cells=11 numeric=2 sum=44707\n"))
    }

    /// A file that cannot be read in the middle does not stop the others: its one error line
    /// on stderr, no stats line for it, the files after it still read, and exit 2.
    @Test func badFileInTheMiddleDoesNotStopTheOthers() throws {
        let good1 = InspectTests.fixture("shared_strings_xlsxwriter.xlsx")
        let bad = InspectTests.fixture("crc_mismatch.xlsx")
        let missing = InspectTests.fixture("does_not_exist.xlsx")
        let good2 = InspectTests.fixture("basic_values.xlsx")
        let first = try InspectTests.inspect([good1, "--stats"]).stdout
        let last = try InspectTests.inspect([good2, "--stats"]).stdout
        let r = try InspectTests.inspect([good1, bad, missing, good2, "--stats"])
        #expect(r.status == 2)
        #expect(r.stdout == first + last)
        #expect(
            r.stderr == "error: \(bad): CRC-32 mismatch (damaged file) [xl/worksheets/sheet1.xml]\n"
                + "error: \(missing): cannot open: No such file or directory\n")
    }

    /// `--sheets` over several files prefixes each line with its file and a tab.
    @Test func sheetsOfSeveralFilesArePrefixedWithTheFile() throws {
        let a = InspectTests.fixture("chartsheet.xlsx"), b = InspectTests.fixture("not_a_zip.xlsx")
        let c = InspectTests.fixture("hidden_sheets.xlsx")
        let r = try InspectTests.inspect([a, b, c, "--sheets"])
        #expect(r.status == 2)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 7)
        #expect(lines.first == "\(a)\t1\tData\tvisible\tA1:A3" && lines.last == "\(c)\t4\tEmpty\tvisible\t-")
        #expect(r.stderr == "error: \(b): not an XLSX file (not a ZIP archive)\n")
    }

    /// Printing a sheet takes one file; several are bad usage (64) and nothing is read.
    @Test func csvOfSeveralFilesIsBadUsage() throws {
        let r = try InspectTests.inspect([InspectTests.fixture("basic_values.xlsx"), InspectTests.fixture("errors.xlsx")])
        #expect(r.status == 64 && r.stdout.isEmpty)
        #expect(r.stderr.contains("--stats and --sheets take several"))
    }

    @Test func encryptedWorkbookIsNamed() throws {
        // The hostile-files corpus holds a real msoffcrypto-encrypted workbook.
        let path = InspectTests.root.appendingPathComponent("Tests/XLSXTests/Hostile/corpus/password_protected.xlsx").path
        guard FileManager.default.fileExists(atPath: path) else { return }
        let r = try InspectTests.inspect([path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("encrypted (password-protected) workbook"))
    }
}

/// `tonghop --version`, answered before the argument parser is built: the version line
/// ArgumentParser prints, and exit 0.
@Suite struct VersionTests {
    @Test func versionPrintsTheVersionLine() throws {
        let tonghop = try #require(TonghopBinary.path)
        let r = try TonghopBinary.run(tonghop, ["--version"])
        #expect(r.status == 0 && r.stderr.isEmpty)
        let text = try TonghopBinary.utf8(r.stdout)
        #expect(text.wholeMatch(of: /[0-9]+\.[0-9]+\.[0-9]+\n/) != nil, "\(text)")
        // The version the run fingerprints and the ledger records (Run.fingerprintInputs).
        let source = try String(contentsOfFile: TonghopBinary.root + "/Sources/tonghop/TongHop.swift", encoding: .utf8)
        #expect(source.contains("version: \"\(text.dropLast())\""))
        // With another argument beside it, ArgumentParser answers, and says the same.
        let parsed = try TonghopBinary.run(tonghop, ["--version", "--nope"])
        #expect(parsed.status == 0 && parsed.stdout == r.stdout)
    }
}
