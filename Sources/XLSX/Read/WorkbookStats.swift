#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The checksum the benchmark harness compares across readers: non-empty cells,
/// numeric cells (dates as serials of the 1900 system, days since 1899-12-30) and
/// their sum, added in row order over all worksheets.
public struct WorkbookStats: Sendable, Equatable {
    /// Non-empty cells (empty strings and formulas without a cached value do not count).
    public var cells = 0
    /// Numbers and dates.
    public var numeric = 0
    /// Sum of numbers and date serials, in row order.
    public var sum = 0.0

    public init() {}

    /// Reads every worksheet of `workbook`.
    public init(_ workbook: Workbook) throws(XLSXError) {
        for sheet in workbook.worksheets {
            try add(workbook, sheet)
        }
    }

    /// Adds one worksheet.
    public mutating func add(_ workbook: Workbook, _ sheet: SheetInfo) throws(XLSXError) {
        // The running totals live behind a pointer: a captured `var` would be a heap box
        // with a dynamic exclusivity check on every row.
        let total = UnsafeMutablePointer<WorkbookStats>.allocate(capacity: 1)
        total.initialize(to: self)
        defer { total.deallocate() }
        try workbook.stream(sheet, collectMerges: false) { row in
            total.pointee.add(row)
            return true
        }
        self = total.pointee
    }

    /// Adds the cells of one row.
    @inline(__always) mutating func add(_ row: Row) {
        for c in row.cells {
            switch c.value {
            case .empty: continue
            case .string(let s): if !s.isEmpty { cells += 1 }
            case .number(let d):
                cells += 1
                numeric += 1
                sum += d
            case .date(let d):
                cells += 1
                numeric += 1
                sum += d.serial
            case .bool, .error: cells += 1
            }
        }
    }

    /// `cells=N numeric=M sum=S` with S printed like C's `%.12g`.
    public var line: String {
        "cells=\(cells) numeric=\(numeric) sum=\(WorkbookStats.format12g(sum))"
    }

    /// C's `%.12g`.
    public static func format12g(_ d: Double) -> String {
        var buf = [CChar](repeating: 0, count: 64)
        let n = withVaList([d]) { vsnprintf(&buf, 64, "%.12g", $0) }
        return String(decoding: buf[0..<Int(max(0, min(n, 63)))].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
