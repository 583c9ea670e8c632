import Foundation
import Testing

@testable import XLSX

/// Limits that the hostile-file suite cannot reach through `tonghop inspect` in a debug
/// build within seconds (the defaults are large), checked here with small limits on the
/// hostile corpus's valid base workbook (27 shared strings, XlsxWriter).
@Suite("Reader limits on hostile input")
struct HostileLimitsTests {
    static let base = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Hostile/corpus/valid_base.xlsx").path

    @Test("more shared strings than maxSharedStrings is refused, naming the limit")
    func sharedStringCount() throws {
        var limits = ReaderLimits.default
        limits.maxSharedStrings = 10
        #expect(throws: XLSXError.self) { _ = try Workbook(path: Self.base, limits: limits) }
        do {
            _ = try Workbook(path: Self.base, limits: limits)
        } catch {
            #expect(error.description.contains("maxSharedStrings"), "\(error)")
            #expect(error.description.contains("xl/sharedStrings.xml"), "\(error)")
        }
        limits.maxSharedStrings = 27
        let workbook = try Workbook(path: Self.base, limits: limits)
        #expect(workbook.sheets.map(\.name) == ["Thông tin", "Chỉ tiêu"])
    }

    @Test("the default limits are the documented ones (docs/SECURITY.md)")
    func defaults() {
        let d = ReaderLimits.default
        #expect(d.maxFileSize == 512 << 20)
        #expect(d.maxEntries == 10_000)
        #expect(d.maxEntrySize == 1 << 30)
        #expect(d.maxTotalSize == 4 << 30)
        #expect(d.minCompressionRatio == 0.002)
        #expect(d.ratioCheckThreshold == 64 << 20)
        #expect(d.maxCellTextLength == 32_767 * 4)
        #expect(d.maxSharedStrings == 10_000_000)
    }
}
