import Foundation
import Testing

@testable import XLSX

/// Formulas moved as Excel moves a filled formula (the text of shared-formula children).
@Suite struct FormulaTranslatorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let formula: String
        let origin: String
        let destination: String
        let expected: String
        var testDescription: String { "\(formula) \(origin)->\(destination)" }

        init(_ formula: String, _ origin: String, _ destination: String, _ expected: String) {
            self.formula = formula
            self.origin = origin
            self.destination = destination
            self.expected = expected
        }

        var moved: String {
            let o = CellRef(origin)!, d = CellRef(destination)!
            return FormulaTranslator.translate(formula, rows: d.row - o.row, columns: d.column - o.column)
        }
    }

    /// Expected texts computed once with openpyxl 3.1's
    /// `Translator("=" + formula, origin=origin).translate_formula(destination)`;
    /// `matchesOpenpyxl` below runs it again when openpyxl is installed.
    static let onSheet: [Case] = [
        Case("A2*2", "B2", "B3", "A3*2"),
        Case("$A1+A$1+$A$1", "B2", "D5", "$A4+C$1+$A$1"),
        Case("SUM(A1:B2)", "C3", "D5", "SUM(B3:C4)"),
        Case("SUM($A$1:A2)", "B2", "B9", "SUM($A$1:A9)"),
        Case("SUM(A:C)", "D1", "E9", "SUM(B:D)"),
        Case("SUM($A:C)", "D1", "F1", "SUM($A:E)"),
        Case("A:A", "B1", "C1", "B:B"),
        Case("SUM(1:3)", "A5", "C7", "SUM(3:5)"),
        Case("SUM($1:3)", "A5", "A7", "SUM($1:5)"),
        Case("$1:$3", "A1", "B9", "$1:$3"),
        Case("Sheet2!A1+'My sheet'!A1:B2", "C1", "D3", "Sheet2!B3+'My sheet'!B3:C4"),
        Case("Sheet2!$A$1:B2", "A1", "B2", "Sheet2!$A$1:C3"),
        Case("'It''s'!A1", "B1", "B2", "'It''s'!A2"),
        Case("SUM(Jan:Dec!A1)", "B1", "B2", "SUM(Jan:Dec!A2)"),
        Case("IF(A1=\"A1\",\"x\"\"A1\",\"y\")", "B1", "B2", "IF(A2=\"A1\",\"x\"\"A1\",\"y\")"),
        Case("LOG10(A1)", "B1", "B2", "LOG10(A2)"),
        Case("_xlfn.XLOOKUP(A1,B:B,C:C)", "D1", "D2", "_xlfn.XLOOKUP(A2,B:B,C:C)"),
        Case("MyName+A1", "B1", "C1", "MyName+B1"),
        Case("Table1[Col]+A1", "B1", "B2", "Table1[Col]+A2"),
        Case("Table1[[#This Row],[Col]]*A1", "B1", "B2", "Table1[[#This Row],[Col]]*A2"),
        Case("1E5+1.5+A1", "B1", "B2", "1E5+1.5+A2"),
        Case("AB12/2.5e-3", "B1", "C1", "AC12/2.5e-3"),
        Case("'[Book.xlsx]Sheet 1'!A1", "B1", "B2", "'[Book.xlsx]Sheet 1'!A2"),
        Case("[1]Sheet1!A1", "B1", "B2", "[1]Sheet1!A2"),
        Case("#REF!+A1", "B1", "C2", "#REF!+B2"),
        Case("SUM(A1 B1:C1)", "D1", "D2", "SUM(A2 B2:C2)"),
        Case("{1,2;3,4}*A1", "B1", "B2", "{1,2;3,4}*A2"),
        Case("A1^2&\"x\"", "B1", "B2", "A2^2&\"x\""),
        Case("-A1%", "B1", "B2", "-A2%"),
        Case("INDEX(A1:A3,2)", "B1", "B2", "INDEX(A2:A4,2)"),
        Case("XFC1+A1048575", "A1", "A2", "XFC2+A1048576"),
        Case("XFC1", "A1", "B1", "XFD1"),
        Case("Z1+AZ1", "A1", "B1", "AA1+BA1"),
        Case("ROUND(E7/Đơn_vị,2)", "F7", "F8", "ROUND(E8/Đơn_vị,2)"),
    ]

    /// Excel's own rule, which openpyxl does not follow (it writes row 0 or raises):
    /// a reference moved off the sheet becomes `#REF!`, a range as a whole.
    static let offSheet: [Case] = [
        Case("A1", "B2", "B1", "#REF!"),
        Case("A1+1", "B2", "A2", "#REF!+1"),
        Case("A$1", "B2", "B1", "A$1"),
        Case("$A1", "B2", "A2", "$A1"),
        Case("A1048576*2", "B1", "B2", "#REF!*2"),
        Case("XFD1", "A1", "B1", "#REF!"),
        Case("SUM(A1:B1048576)", "C1", "C3", "SUM(#REF!)"),
        Case("SUM($A$1:B1048576)", "C1", "C3", "SUM(#REF!)"),
        Case("Sheet2!A1048576", "A1", "A2", "Sheet2!#REF!"),
        Case("'My sheet'!A1:B2", "A1", "A1048576", "'My sheet'!#REF!"),
        Case("SUM(XFD:XFD)", "A1", "B1", "SUM(#REF!)"),
        Case("SUM(1048576:1048576)", "A1", "A2", "SUM(#REF!)"),
        Case("SUM($XFD:$XFD)+SUM($1048576:$1048576)", "A1", "B2", "SUM($XFD:$XFD)+SUM($1048576:$1048576)"),
    ]

    @Test(arguments: onSheet + offSheet)
    func moves(_ c: Case) {
        #expect(c.moved == c.expected)
    }

    @Test func noOffsetKeepsTheText() {
        let f = "SUM(A1:B2)+'x'!C3"
        #expect(FormulaTranslator.translate(f, rows: 0, columns: 0) == f)
    }

    @Test func movesBackUpAndLeft() {
        #expect(FormulaTranslator.translate("A5+$C$3+C3:D4", rows: -2, columns: 1) == "B3+$C$3+D1:E2")
    }

    /// Not references: names that look like cells but are called, sheets, or too long.
    @Test func namesThatLookLikeCellsStay() {
        let f = "LOG10(2)+ATAN2(1,1)+Q1!B1+ABCD1+XFE1+R1C1+A1.5+TRUE+\"B2\""
        #expect(FormulaTranslator.translate(f, rows: 1, columns: 1) == "LOG10(2)+ATAN2(1,1)+Q1!C2+ABCD1+XFE1+R1C1+A1.5+TRUE+\"B2\"")
    }

    /// Unclosed quotes and brackets are copied to the end, not over-read.
    @Test func malformedTextIsCopied() {
        #expect(FormulaTranslator.translate("\"A1", rows: 1, columns: 0) == "\"A1")
        #expect(FormulaTranslator.translate("T[A1", rows: 1, columns: 0) == "T[A1")
        #expect(FormulaTranslator.translate("'A1", rows: 1, columns: 0) == "'A1")
        #expect(FormulaTranslator.translate("A1:", rows: 1, columns: 0) == "A2:")
        #expect(FormulaTranslator.translate("$", rows: 1, columns: 0) == "$")
        #expect(FormulaTranslator.translate("", rows: 1, columns: 0) == "")
    }

    @Test(.enabled(if: WriterTestSupport.python3WithOpenpyxl != nil, "python3 with openpyxl is not installed"))
    func matchesOpenpyxl() throws {
        let script = """
            import json, sys
            from openpyxl.formula.translate import Translator
            for f, o, d in json.load(sys.stdin):
                print(Translator("=" + f, origin=o).translate_formula(d)[1:])
            """
        let input = Self.onSheet.map { [$0.formula, $0.origin, $0.destination] }
        let json = String(decoding: try JSONSerialization.data(withJSONObject: input), as: UTF8.self)
        let r = WriterTestSupport.run(WriterTestSupport.python3WithOpenpyxl!, ["-c", script], stdin: json)
        #expect(r.status == 0, "\(r.err)")
        let theirs = r.out.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        try #require(theirs.count == Self.onSheet.count)
        for (c, t) in zip(Self.onSheet, theirs) {
            #expect(c.moved == t, "\(c.testDescription)")
        }
    }
}
