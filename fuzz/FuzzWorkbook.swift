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
            _ = try? CSVExport.write(workbook, sheet: sheet, to: devNull)
            _ = try? JSONExport.write(workbook, sheet: sheet, to: devNull)
            if let grid = try? workbook.grid(of: sheet) {
                _ = grid.usedRange
                _ = grid.mergedRanges.count
            }
        }
        _ = try? WorkbookStats(workbook)
    }
}
