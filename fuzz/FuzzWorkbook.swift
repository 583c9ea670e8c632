#if canImport(Glibc)
    import Glibc
#endif

/// The whole reader from bytes: open the workbook, then every worksheet through each
/// path `tonghop inspect` takes (CSV, JSON, stats, grid, sheet list).
enum FuzzWorkbook {
    static let devNull = open("/dev/null", O_WRONLY)

    static func run(_ input: UnsafeRawBufferPointer) {
        let bytes = [UInt8](input)
        guard let workbook = try? Workbook(bytes: bytes, name: "fuzz.xlsx", limits: fuzzLimits,
                                            options: ReadOptions(formulas: bytes.count % 2 == 0))
        else { return }
        _ = workbook.sheet(named: "Sheet1")
        _ = workbook.definedNames.count
        for sheet in workbook.sheets.prefix(8) {
            guard let grid = try? workbook.grid(of: sheet) else { continue }
            _ = grid.mergedRanges.count
            // CSV and JSON print every cell of the extent (up to CSVExport.maxCells, 100
            // million): correct, but far too slow for a fuzzer's inner loop.
            let rows = grid.rows.last.map { $0.index + 1 } ?? 0
            let columns = grid.rows.map { ($0.cells.last?.column ?? 0) + 1 }.max() ?? 0
            if rows * columns <= 1 << 20 {
                _ = try? CSVExport.write(workbook, sheet: sheet, to: devNull)
                _ = try? JSONExport.write(workbook, sheet: sheet, to: devNull)
            }
        }
        _ = try? WorkbookStats(workbook)
    }
}
