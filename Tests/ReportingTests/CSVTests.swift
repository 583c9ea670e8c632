import Testing
import XLSX

@testable import Reporting

/// The templates' CSV files go through the one CSV reader (`XLSX.CSVReader`, as
/// `tonghop convert` does), with what lists need on top: BOM, blank lines, trimming, CR.
@Suite struct CSVTests {
    func parse(_ text: String) throws -> [[String]] { try CSV.parse(Array(text.utf8), name: "list.csv") }

    @Test func quotesCRLFBlankLinesAndTheBOM() throws {
        let text = "\u{FEFF}code,name\r\n\"MNH\",\"Huyện ủy \"\"Mường Nhé\"\"\"\r\n\r\nDBP , Thành ủy Điện Biên Phủ \r\n\"a,b\",\"two\nlines\"\n"
        #expect(try parse(text) == [
            ["code", "name"], ["MNH", "Huyện ủy \"Mường Nhé\""], ["DBP", "Thành ủy Điện Biên Phủ"], ["a,b", "two\nlines"],
        ])
        #expect(try parse("x\ny") == [["x"], ["y"]])
        #expect(try parse("") == [])
    }

    @Test func linesEndingInCRAloneAreLines() throws {
        #expect(try parse("unit,commune\rMNH,Chung Chải\rMNH,Sín Thầu\r") == [["unit", "commune"], ["MNH", "Chung Chải"], ["MNH", "Sín Thầu"]])
    }

    @Test func aQuoteLeftOpenIsAnErrorWithItsLine() {
        #expect(throws: CSVReadError.unterminatedQuote("list.csv", line: 2)) { try parse("name\n\"Kinh\nThái\n") }
    }

    @Test func recordsByHeaderPadShortRows() throws {
        let (header, rows) = try CSV.records(Array("code,name,kind\nMNH,Mường Nhé\n".utf8), name: "u.csv")
        #expect(header == ["code", "name", "kind"] && rows == [["code": "MNH", "name": "Mường Nhé", "kind": ""]])
    }
}
