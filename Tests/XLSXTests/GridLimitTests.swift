import Testing
@testable import XLSX

@Suite struct GridLimitTests {
    /// A sheet with more cells than `maxGridCells` is refused by `grid(of:)`, naming the
    /// limit; streaming the same sheet row by row still works.
    @Test func gridRefusesTooManyCells() throws {
        let writer = WorkbookWriter()
        let sheet = try writer.addWorksheet("Data")
        for r in 0..<10 {
            for c in 0..<3 { sheet.write(.number(Double(r * 3 + c)), at: CellRef(row: r, column: c)) }
        }
        let bytes = try writer.bytes()
        var limits = ReaderLimits()
        limits.maxGridCells = 29
        let small = try Workbook(bytes: bytes, name: "grid.xlsx", limits: limits)
        #expect {
            _ = try small.grid(of: small.sheets[0])
        } throws: { error in
            "\(error)".contains("maxGridCells")
        }
        var streamed = 0
        try small.forEachRow(in: small.sheets[0]) { streamed += $0.cells.count }
        #expect(streamed == 30)

        limits.maxGridCells = 30
        let enough = try Workbook(bytes: bytes, name: "grid.xlsx", limits: limits)
        #expect(try enough.grid(of: enough.sheets[0]).rows.count == 10)
    }
}
