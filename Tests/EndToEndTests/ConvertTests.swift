import Foundation
import Testing
import XLSX

/// `tonghop convert`, run as a user runs it: the built binary, its exit code, stderr, and
/// the file it writes read back through our reader.
@Suite struct ConvertTests {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func convert(_ args: [String]) throws -> Output {
        guard let tonghop = InspectTests.tonghop else { throw CancellationError() }
        let r = try TonghopBinary.run(tonghop, ["convert"] + args)
        return Output(
            status: r.status, stdout: String(decoding: r.stdout, as: UTF8.self),
            stderr: String(decoding: r.stderr, as: UTF8.self))
    }

    static func folder() throws -> URL {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("convert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        return tmp
    }

    static let csv = Data(
        ("Mã,STT,Họ và tên,Ngày sinh,Điểm,Ghi chú\r\n"
            + "001,1,\"Lò Văn \"\"Páo\"\"\",1990-02-28,8.25,\"nhiều\r\ndòng, có dấu phẩy\"\r\n"
            + "002,2,Quàng Thị Ơn,2023-02-30,-3,1.2.3\r\n"
            + "010,-0,Lầu A Chá,1899-12-31,0.1,2016-11-17\r\n"
            + "\r\n"
            + "x,,,2000-02-29,  7,\r\n").utf8)

    @Test func csvToXLSXTypesFieldsLikeTheBenchmark() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in.csv").path
        let output = dir.appendingPathComponent("out.xlsx").path
        try Self.csv.write(to: URL(fileURLWithPath: input))
        let r = try Self.convert([input, output])
        #expect(r.status == 0 && r.stderr.isEmpty && r.stdout.isEmpty, "\(r.stderr)")
        let book = try Workbook(path: output)
        #expect(book.sheets.map(\.name) == ["Sheet1"])
        let g = try book.grid(of: book.sheets[0])
        func v(_ a1: String) -> CellValue { g.value(at: CellRef(a1)!) }
        #expect(v("A1") == .string("Mã"))
        #expect(v("A2") == .number(1))  // 001 is a number unless --text-columns
        #expect(v("C2") == .string("Lò Văn \"Páo\""))
        #expect(v("D2") == .date(ExcelDate(serial: ExcelDate.serial(year: 1990, month: 2, day: 28))))
        #expect(g[CellRef("D2")!].flatMap { book.numberFormat(style: $0.style) } == "dd/mm/yyyy")
        #expect(v("E2") == .number(8.25))
        #expect(v("F2") == .string("nhiều\r\ndòng, có dấu phẩy"))
        #expect(v("D3") == .string("2023-02-30"))  // not a real date
        #expect(v("E3") == .number(-3))
        #expect(v("F3") == .string("1.2.3"))
        #expect(v("B4") == .number(0))
        #expect(v("D4") == .string("1899-12-31"))  // before 1900
        #expect(v("E4") == .number(0.1))
        #expect(v("F4") == .date(ExcelDate(serial: ExcelDate.serial(year: 2016, month: 11, day: 17))))
        #expect(g.row(4) == nil)  // the blank line is an empty row
        #expect(v("A6") == .string("x") && v("B6") == .empty && v("E6") == .string("  7"))
        #expect(v("D6") == .date(ExcelDate(serial: ExcelDate.serial(year: 2000, month: 2, day: 29))))
    }

    @Test func textColumnsKeepCodes() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in.csv").path
        try Self.csv.write(to: URL(fileURLWithPath: input))
        let byLetter = dir.appendingPathComponent("letters.xlsx").path
        #expect(try Self.convert([input, byLetter, "--text-columns", "A,E"]).status == 0)
        let byName = dir.appendingPathComponent("names.xlsx").path
        #expect(try Self.convert([input, byName, "--text-columns", "Mã,Điểm"]).status == 0)
        for path in [byLetter, byName] {
            let book = try Workbook(path: path)
            let g = try book.grid(of: book.sheets[0])
            #expect(g.value(at: CellRef("A2")!) == .string("001"))
            #expect(g.value(at: CellRef("A4")!) == .string("010"))
            #expect(g.value(at: CellRef("E2")!) == .string("8.25"))
            #expect(g.value(at: CellRef("B2")!) == .number(1))
        }
        let bad = try Self.convert([input, dir.appendingPathComponent("bad.xlsx").path, "--text-columns", "Nope"])
        #expect(bad.status == 64)
        #expect(bad.stderr == "error: --text-columns: no column 'Nope' (give letters like A,C or header names)\n")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("bad.xlsx").path))
    }

    @Test func xlsxToCSVAndBack() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in.csv").path
        let xlsx = dir.appendingPathComponent("mid.xlsx").path
        let back = dir.appendingPathComponent("back.csv").path
        try Data("STT,Tên,Ngày\n1,Mường Nhé,2016-11-17\n2,\"a,b\",\n".utf8).write(to: URL(fileURLWithPath: input))
        #expect(try Self.convert([input, xlsx]).status == 0)
        let r = try Self.convert([xlsx, back, "--sheet", "Sheet1"])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        #expect(try String(contentsOfFile: back, encoding: .utf8) == "STT,Tên,Ngày\n1,Mường Nhé,2016-11-17\n2,\"a,b\",\n")
        let missing = try Self.convert([xlsx, back, "--sheet", "Nope"])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("error: \(xlsx): no sheet 'Nope'"))
    }

    @Test func errorsAreOneLineWithTheExitCode() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = dir.appendingPathComponent("missing.csv").path
        let r = try Self.convert([missing, dir.appendingPathComponent("o.xlsx").path])
        #expect(r.status == 2)
        #expect(r.stderr == "error: \(missing): cannot open: No such file or directory\n")
        let quote = dir.appendingPathComponent("quote.csv").path
        try Data("a,b\n1,\"never closed\n2,3\n".utf8).write(to: URL(fileURLWithPath: quote))
        let q = try Self.convert([quote, dir.appendingPathComponent("q.xlsx").path])
        #expect(q.status == 2)
        #expect(q.stderr == "error: \(quote): quoted field never closed [line 2]\n")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("q.xlsx").path))
        let usage = try Self.convert([quote, dir.appendingPathComponent("q.txt").path])
        #expect(usage.status == 64)
        let notXLSX = dir.appendingPathComponent("not.xlsx").path
        try Data("not a zip".utf8).write(to: URL(fileURLWithPath: notXLSX))
        let nx = try Self.convert([notXLSX, dir.appendingPathComponent("n.csv").path])
        #expect(nx.status == 2 && nx.stderr.hasPrefix("error: \(notXLSX): ") && nx.stderr.filter { $0 == "\n" }.count == 1)
        // Nothing but the inputs is left in the folder (no temporary files).
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(left == ["not.xlsx", "quote.csv"])
    }
}
