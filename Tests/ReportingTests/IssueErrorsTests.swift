import Foundation
import Testing
import XLSX

@testable import Reporting

/// Reader and writer errors become catalogue issues in one place, with structured
/// parameters; their Vietnamese messages hold no English.
@Suite struct IssueErrorsTests {
    static let readerErrors: [XLSXError] = [
        .io("No such file or directory"), .notZip, .truncated("end of central directory not found"),
        .corruptZip("bad local header", part: "xl/workbook.xml"), .encryptedWorkbook, .legacyXLS, .openDocument,
        .encryptedEntry(part: "xl/workbook.xml"), .unsupportedCompression(method: 12, part: "xl/styles.xml"),
        .crcMismatch(part: "xl/sharedStrings.xml"), .inflateFailed("invalid block type", part: "xl/worksheets/sheet1.xml"),
        .limitExceeded(limit: "maxGridCells", detail: "sheet 'Chỉ tiêu' has more than 10 cells to load at once", part: "xl/worksheets/sheet2.xml"),
        .limitExceeded(limit: "maxCells", detail: "too many", part: nil),
        .missingPart("xl/workbook.xml"), .xml("Opening and ending tag mismatch", part: "xl/worksheets/sheet1.xml", line: 14),
        .dtdRefused(part: "xl/workbook.xml"), .invalidWorkbook("no sheets", part: "xl/workbook.xml"),
        .invalidCell("bad number 'abc'", sheet: "Chỉ tiêu", cell: "F7"), .notAWorksheet("Chart1 is a chartsheet"),
    ]

    static let writerErrors: [XLSXWriteError] = [
        .invalidSheetName("a/b", reason: "contains /"), .duplicateSheetName("Data"),
        .cellOutOfRange(sheet: "S", row: 2_000_000, column: 1), .textTooLong(sheet: "S", cell: "A1", length: 40_000),
        .invalidNumber(sheet: "S", cell: "B2"),
        .overlappingMerge(sheet: "S", CellRange("A1:B2")!, CellRange("B2:C3")!),
        .invalidValidation(sheet: "S", range: "A1:A9", reason: "list over 255 characters"),
        .invalidDefinedName("1x", reason: "starts with a digit"), .tooLate(sheet: "S", setting: "freeze panes"),
        .tooManyStyles(count: 70_000), .noSheets, .io(path: "/out/x.xlsx", message: "Permission denied"),
        .compression("stream error"),
    ]

    /// Words of a message, placeholders, `[[`/`]]` and identifiers taken out.
    static func words(_ text: String) -> Set<String> {
        var t = text
        while let open = t.firstIndex(of: "{"), let close = t[open...].firstIndex(of: "}") { t.removeSubrange(open...close) }
        let parts = t.split { !($0.isLetter) }.map(String.init)
        return Set(parts.filter { $0.count >= 2 }.map { $0.lowercased() })
    }

    /// Names that are the same in both languages (formats, products).
    static let sameInBothLanguages: Set<String> = ["excel", "xlsx", "xls", "ods", "opendocument", "mb", "dtd"]

    @Test func everyReaderAndWriterErrorHasACatalogueCode() {
        for e in Self.readerErrors {
            let issue = Issue.unreadable(file: "f.xlsx", error: e, limits: .default)
            #expect(issue.code == "unreadable-file")
            #expect(IssueCatalogue.reason(issue.params["reason"] ?? "") != nil, "\(e) → \(issue.params)")
            #expect(issue.severity == .error && issue.found == nil)
        }
        for e in Self.writerErrors {
            let issue = Issue.writeFailed(file: "out.xlsx", error: e)
            #expect(IssueCatalogue.entry(issue.code) != nil, "\(e) → \(issue.code)")
        }
        var reasons = Set(Self.readerErrors.map { Issue.unreadable(file: "f", error: $0, limits: .default).params["reason"] })
        #expect(reasons.count == 14)
        // The reasons a file's extension gives when the reader sees only "not a ZIP archive".
        for name in ["f.xlsb", "f.csv"] {
            reasons.insert(Issue.unreadable(file: name, error: .notZip, limits: .default).params["reason"])
        }
        #expect(Set(IssueCatalogue.reasons.map(\.code)) == Set(reasons.compactMap { $0 }))
        #expect(Set(Self.writerErrors.map { Issue.writeFailed(file: "f", error: $0).code }).count == Self.writerErrors.count)
    }

    @Test func vietnameseMessagesHoldNoEnglish() {
        var issues = Self.readerErrors.map { Issue.unreadable(file: "f.xlsx", error: $0, limits: .default) }
        issues += Self.writerErrors.map { Issue.writeFailed(file: "out.xlsx", error: $0) }
        for issue in issues {
            let entry = issue.code == "unreadable-file" ? IssueCatalogue.reason(issue.params["reason"]!)! : IssueCatalogue.entry(issue.code)!
            let vi = IssueCatalogue.message(for: issue, lang: .vi)
            let en = IssueCatalogue.message(for: issue, lang: .en)
            // The rendered Vietnamese shares no word with the English template, nor any
            // word of the reader's own (English) detail.
            var english = Self.words(entry.message.en).subtracting(Self.sameInBothLanguages)
            english.formUnion(Self.words(issue.params["detail"] ?? "").subtracting(Self.sameInBothLanguages))
            // Identifiers (part paths, keys, names) are not words of either language.
            var rendered = vi
            for key in ["part", "where", "limit", "name", "path", "first", "second"] {
                if let v = issue.params[key] { rendered = rendered.replacingOccurrences(of: v, with: " ") }
            }
            let shared = Self.words(rendered).intersection(english)
            #expect(shared.isEmpty, "\(issue.code): \(vi) shares \(shared.sorted()) with English")
            #expect(!vi.contains("{") && !en.contains("{") && !vi.contains("[[") && !en.contains("[["), "\(vi) / \(en)")
        }
    }

    @Test func aLimitIsReportedUnderItsJobFileKeyInTheOperatorsUnit() {
        var limits = ReaderLimits.default
        limits.maxEntrySize = 256 << 20
        let e = XLSXError.limitExceeded(
            limit: "maxEntrySize", detail: "entry is 300000000 bytes uncompressed, limit 268435456",
            part: "xl/worksheets/sheet2.xml")
        let issue = Issue.unreadable(file: "NQ04_MNH_2016.xlsx", error: e, limits: limits)
        #expect(issue.code == "unreadable-file" && issue.params["reason"] == "limit-exceeded")
        #expect(issue.params["limit"] == "max_entry_size_mb" && issue.params["value"] == "256")
        #expect(issue.params["part"] == "xl/worksheets/sheet2.xml" && issue.location == "xl/worksheets/sheet2.xml")
        #expect(
            IssueCatalogue.message(for: issue, lang: .vi)
                == "Tệp vượt giới hạn an toàn về kích thước một phần khi giải nén (MB): giới hạn max_entry_size_mb = 256 trong tệp cấu hình công việc (phần xl/worksheets/sheet2.xml)")
        #expect(
            IssueCatalogue.message(for: issue, lang: .en)
                == "The file exceeds a safety limit on one part's uncompressed size (MB): the job file's max_entry_size_mb = 256 (part xl/worksheets/sheet2.xml); entry is 300000000 bytes uncompressed, limit 268435456")
        // Optional parts drop out when their placeholder has no value.
        let whole = Issue.unreadable(file: "f", error: .truncated("x"), limits: .default)
        #expect(IssueCatalogue.message(for: whole, lang: .vi) == "Tệp bị hỏng, không đọc được; hãy mở bằng Excel, lưu lại rồi gửi lại")
        let cell = Issue.unreadable(file: "f", error: .invalidCell("bad number", sheet: "Chỉ tiêu", cell: "F7"), limits: .default)
        #expect(cell.sheet == "Chỉ tiêu" && cell.cell == "F7" && cell.location == "Chỉ tiêu!F7")
    }

    @Test func everySettingRoundTripsInItsUnit() {
        var l = ReaderLimits.default
        for (i, s) in ReaderLimits.settings.enumerated() {
            let v = s.unit == .ratio ? 0.5 : Double(i + 3)
            s.apply(v, to: &l)
            #expect(s.value(in: l) == v, "\(s.key)")
            #expect(ReaderLimits.setting(property: s.property)?.key == s.key)
        }
        #expect(l.maxFileSize == 3 << 20 && l.maxGridCells == 11)
        #expect(Set(ReaderLimits.settings.map(\.key)).count == 9)
    }
}
