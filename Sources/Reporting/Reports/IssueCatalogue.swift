/// The catalogue of built-in issue codes: a stable kebab-case code, a default severity,
/// and a message template per language with named placeholders (`{sheet}`, `{cell}`,
/// `{expected}`, `{found}`, and any key of the issue's `params`).
///
/// Template rules are not in the catalogue: their issues carry the rule's message
/// templates in `params["message.vi"]` / `params["message.en"]`, so a report can be
/// rendered from the issue alone. A placeholder `{x}` reads `params["x.vi"]` (in the
/// report's language) before `params["x"]`. A part in `[[…]]` is shown only when every
/// placeholder in it has a value (`[[ (phần {part})]]`).
///
/// A file that cannot be read gets `unreadable-file` with a `reason` (`reasons`), a
/// workbook that cannot be written a `write-*` code (`Issue.unreadable(file:error:limits:)`,
/// `Issue.writeFailed(file:error:)`); their
/// Vietnamese messages hold no English (the reader's own words, `{detail}`, are shown in
/// English only), and the command line prints the same messages on stderr.
public enum IssueCatalogue {
    /// One catalogue entry.
    public struct Entry: Sendable {
        /// The stable kebab-case code.
        public var code: String
        /// The default severity.
        public var severity: Severity
        /// The message template per language.
        public var message: Localized
    }

    /// Every built-in entry, in catalogue order.
    public static let entries: [Entry] = [
        e("unreadable-file", .error,
          "Không đọc được tệp: {found}",
          "The file cannot be read: {found}"),
        e("missing-sheet", .error,
          "Thiếu trang tính \"{expected}\"",
          "The sheet \"{expected}\" is missing"),
        e("missing-indicator", .error,
          "Không tìm thấy chỉ tiêu {expected} trong cột mã của trang \"{sheet}\"",
          "Indicator {expected} is not in the code column of sheet \"{sheet}\""),
        e("missing-column", .error,
          "Thiếu cột \"{expected}\" trong dòng tiêu đề",
          "The column \"{expected}\" is missing from the header row"),
        e("header-not-found", .error,
          "Không tìm thấy dòng tiêu đề của danh sách (cần các cột: {expected})",
          "The list's header row was not found (expected columns: {expected})"),
        e("number-as-text", .warning,
          "Số được nhập dạng văn bản \"{found}\"; đã đọc là {expected}",
          "A number is stored as text \"{found}\"; read as {expected}"),
        e("date-as-text", .warning,
          "Ngày được nhập dạng văn bản \"{found}\"; đã đọc là {expected}",
          "A date is stored as text \"{found}\"; read as {expected}"),
        e("blank-required", .error,
          "Ô bắt buộc nhập đang để trống ({column})",
          "A required cell is blank ({column})"),
        e("wrong-type", .error,
          "Giá trị \"{found}\" không phải là {expected}",
          "The value \"{found}\" is not {expected}"),
        e("duplicate-key", .error,
          "Giá trị \"{found}\" bị trùng (đã có ở ô {first})",
          "The value \"{found}\" is repeated (already in {first})"),
        e("out-of-range", .error,
          "Giá trị {found} nằm ngoài khoảng cho phép: phải {expected}",
          "The value {found} is out of range: it must be {expected}"),
        e("pattern-mismatch", .error,
          "Giá trị \"{found}\" không đúng định dạng {expected}",
          "The value \"{found}\" does not match the format {expected}"),
        e("value-not-allowed", .error,
          "Giá trị \"{found}\" không hợp lệ; chỉ được nhập: {expected}",
          "The value \"{found}\" is not allowed; allowed: {expected}"),
        e("too-long", .error,
          "Nội dung dài {found} ký tự, tối đa {expected}",
          "The text is {found} characters long, at most {expected}"),
        e("unknown-code", .error,
          "\"{found}\" không có trong danh mục {list}",
          "\"{found}\" is not in the list {list}"),
        e("formula-without-value", .error,
          "Ô có công thức nhưng không có giá trị đã tính (hãy mở tệp bằng Excel và lưu lại)",
          "The cell has a formula but no calculated value (open the file in Excel and save it)"),
        e("error-value", .error,
          "Ô chứa lỗi {found}",
          "The cell holds the error {found}"),
        e("data-in-hidden-sheet", .warning,
          "Trang tính \"{sheet}\" đang bị ẩn nhưng có dữ liệu ({found} ô)",
          "The sheet \"{sheet}\" is hidden but holds data ({found} cells)"),
        e("data-outside-area", .warning,
          "Có dữ liệu \"{found}\" nằm ngoài vùng nhập liệu; dữ liệu này không được đọc",
          "There is data \"{found}\" outside the input area; it is not read"),
        e("wrong-unit", .error,
          "Mã đơn vị {found} không khớp với {expected}",
          "The unit code {found} does not match {expected}"),
        e("unknown-unit", .error,
          "Mã đơn vị \"{found}\" không có trong danh sách đơn vị",
          "The unit code \"{found}\" is not in the list of units"),
        e("wrong-period", .error,
          "Kỳ báo cáo {found} không khớp với kỳ {expected}",
          "The period {found} does not match the period {expected}"),
        e("file-name-mismatch", .warning,
          "Tên tệp \"{found}\" không đúng mẫu {expected}",
          "The file name \"{found}\" does not follow the pattern {expected}"),
        e("not-applicable-filled", .warning,
          "Chỉ tiêu {indicator} không áp dụng cho cột này nhưng có giá trị {found}; giá trị này không được tính",
          "Indicator {indicator} does not apply to this column but holds {found}; it is not counted"),
        e("wrong-form", .error,
          "Mã biểu mẫu \"{found}\" không phải {expected}",
          "The form code \"{found}\" is not {expected}"),
        // Cross-unit issues raised by consolidation.
        e("unit-missing", .error,
          "Đơn vị {unit} chưa nộp báo cáo",
          "Unit {unit} has not submitted"),
        e("unit-rejected", .error,
          "Báo cáo của đơn vị {unit} bị từ chối nên không được tổng hợp",
          "Unit {unit}'s submission was rejected and is not consolidated"),
        e("duplicate-member", .warning,
          "Đảng viên \"{found}\" có trong danh sách của nhiều đơn vị ({expected})",
          "The member \"{found}\" is listed by several units ({expected})"),
        e("village-claimed-twice", .warning,
          "Thôn, bản \"{found}\" được nhiều đơn vị báo cáo ({expected})",
          "The village \"{found}\" is reported by several units ({expected})"),
        e("value-from-history", .info,
          "Để trống; đã lấy số liệu được chấp nhận của kỳ {period}: {found}[[ ({column})]]",
          "Left blank; taken from the accepted {period} figure: {found}[[ ({column})]]"),
        e("differs-from-history", .warning,
          "Số liệu {found} khác số liệu đã được chấp nhận của kỳ {period} ({expected})[[ ({column})]]",
          "{found} differs from the accepted {period} figure ({expected})[[ ({column})]]"),
        e("outlier", .warning,
          "{indicator}: {found} của {unit} {direction.vi} mức thường thấy {low}–{high}",
          "{indicator}: {unit}'s {found} is far {direction.en} its usual {low}–{high}"),
        e("held-for-review", .warning,
          "Số liệu của đơn vị đã được duyệt ngày {approved_at}; tệp này chờ tỉnh xem xét và chưa thay thế số liệu đã duyệt",
          "The unit's figures were approved on {approved_at}; this file awaits the province's review and does not replace them"),
        e("approved", .info,
          "Số liệu này đã được tỉnh duyệt ngày {approved_at} ({approved_by})[[; tệp nộp sau {held} đang chờ tỉnh xem xét]]",
          "These figures were approved by the province on {approved_at} ({approved_by})[[; the later {held} awaits the province's review]]"),
        e("figure-changed", .info,
          "{indicator}[[ – {column}]]: {old} → {new} (tệp trước: {old_file}, nhận lúc {old_received})",
          "{indicator}[[ – {column}]]: {old} → {new} (earlier file: {old_file}, received {old_received})"),
        e("superseded", .info,
          "Tệp này đã được thay bằng tệp nộp sau {expected}",
          "This file was superseded by the later file {expected}"),
        // A workbook the writer refuses (`Issue.writeFailed(file:error:)`), one code per XLSXWriteError case.
        e("write-invalid-sheet-name", .error,
          "Tên trang tính \"{name}\" không hợp lệ",
          "Invalid sheet name \"{name}\": {detail}"),
        e("write-duplicate-sheet-name", .error,
          "Tên trang tính \"{name}\" bị trùng (không phân biệt chữ hoa, chữ thường)",
          "Duplicate sheet name \"{name}\" (names ignore case)"),
        e("write-cell-out-of-range", .error,
          "Ô ở dòng {row}, cột {column} nằm ngoài giới hạn 1.048.576 dòng × 16.384 cột",
          "The cell at row {row}, column {column} is outside 1,048,576 rows x 16,384 columns"),
        e("write-text-too-long", .error,
          "Nội dung dài {length} ký tự, quá giới hạn 32.767 ký tự một ô",
          "Text of {length} characters is over Excel's 32,767 a cell"),
        e("write-invalid-number", .error,
          "Số không hợp lệ (không xác định hoặc vô hạn)",
          "The number is NaN or infinite"),
        e("write-overlapping-merge", .error,
          "Hai vùng gộp ô {first} và {second} chồng lên nhau",
          "Merged ranges {first} and {second} overlap"),
        e("write-invalid-validation", .error,
          "Quy tắc kiểm tra dữ liệu không hợp lệ",
          "Invalid data validation: {detail}"),
        e("write-invalid-defined-name", .error,
          "Tên được định nghĩa \"{name}\" không hợp lệ",
          "Invalid defined name \"{name}\": {detail}"),
        e("write-setting-too-late", .error,
          "Một thiết lập của trang tính phải đặt trước khi ghi dòng đầu tiên",
          "{setting} must be set before the first row is written"),
        e("write-invalid-chart", .error,
          "Biểu đồ trên trang tính không hợp lệ",
          "Invalid chart: {detail}"),
        e("write-too-many-styles", .error,
          "Có {count} định dạng ô khác nhau, quá giới hạn 64.000",
          "{count} distinct cell formats, over Excel's 64,000"),
        e("write-no-sheets", .error,
          "Sổ tính cần ít nhất một trang tính",
          "A workbook needs at least one sheet"),
        e("write-io", .error,
          "Không ghi được tệp {path}",
          "Cannot write {path}: {detail}"),
        e("write-compression", .error,
          "Lỗi khi nén dữ liệu",
          "Deflate failed: {detail}"),
    ]

    /// Why a file cannot be read: one entry per `XLSXError` case, by the `reason` parameter
    /// of an `unreadable-file` issue (`Issue.unreadable(file:error:limits:)`). The code stays
    /// `unreadable-file`, what the reports, `Samples/check_samples.py` and report readers key on.
    public static let reasons: [Entry] = [
        e("file-cannot-open", .error,
          "Không mở được tệp",
          "The file cannot be opened: {detail}"),
        e("not-xlsx", .error,
          "Tệp không phải là sổ tính Excel (.xlsx); hãy lưu lại dưới dạng .xlsx rồi gửi lại",
          "The file is not an XLSX workbook (not a ZIP archive)"),
        e("damaged-file", .error,
          "Tệp bị hỏng, không đọc được[[ (phần {part})]]; hãy mở bằng Excel, lưu lại rồi gửi lại",
          "The file is damaged: {detail}[[ (part {part})]]"),
        e("encrypted-file", .error,
          "Tệp được đặt mật khẩu[[ (phần {part})]]; hãy lưu lại không đặt mật khẩu rồi gửi lại",
          "The workbook is encrypted (password-protected)[[ (part {part})]]; save it without a password"),
        e("legacy-xls", .error,
          "Tệp ở định dạng Excel 97-2003 (.xls); hãy lưu lại dưới dạng .xlsx rồi gửi lại",
          "A legacy Excel 97-2003 .xls workbook; save it as .xlsx"),
        e("open-document", .error,
          "Tệp ở định dạng OpenDocument (.ods); hãy lưu lại dưới dạng .xlsx rồi gửi lại",
          "An OpenDocument spreadsheet (.ods); save it as .xlsx"),
        e("binary-xlsb", .error,
          "Tệp ở định dạng sổ tính nhị phân Excel (.xlsb); hãy lưu lại dưới dạng .xlsx rồi gửi lại",
          "An Excel binary workbook (.xlsb); save it as .xlsx"),
        e("csv-file", .error,
          "Tệp là văn bản CSV (.csv), không phải sổ tính; hãy lưu lại dưới dạng .xlsx rồi gửi lại",
          "A CSV text file (.csv), not a workbook; save it as .xlsx"),
        e("unsupported-compression", .error,
          "Tệp dùng kiểu nén {method} không được hỗ trợ[[ (phần {part})]]; hãy mở bằng Excel, lưu lại rồi gửi lại",
          "Unsupported ZIP compression method {method}[[ (part {part})]]; open the file in Excel and save it again"),
        e("limit-exceeded", .error,
          "Tệp vượt giới hạn an toàn về {limit-what}: giới hạn {limit}[[ = {value}]] trong tệp cấu hình công việc[[ (phần {part})]]",
          "The file exceeds a safety limit on {limit-what}: the job file's {limit}[[ = {value}]][[ (part {part})]]; {detail}"),
        e("missing-part", .error,
          "Tệp thiếu phần {part}; hãy mở bằng Excel, lưu lại rồi gửi lại",
          "A part the workbook needs is missing: {part}"),
        e("malformed-xml", .error,
          "Tệp bị hỏng: phần {part} sai cấu trúc[[ (dòng {line})]]; hãy mở bằng Excel, lưu lại rồi gửi lại",
          "Malformed XML in {part}[[ (line {line})]]: {detail}"),
        e("dtd-refused", .error,
          "Tệp bị từ chối vì lý do an toàn: phần {part} có khai báo kiểu tài liệu (DTD)",
          "A document type declaration (DTD) in {part} is refused for safety"),
        e("invalid-workbook", .error,
          "Cấu trúc sổ tính không đúng[[ (phần {part})]]; hãy mở bằng Excel, lưu lại rồi gửi lại",
          "The workbook structure is wrong: {detail}[[ (part {part})]]"),
        e("invalid-cell", .error,
          "Không đọc được ô này",
          "The cell cannot be read: {detail}"),
        e("not-a-worksheet", .error,
          "Trang được chọn không phải là trang tính",
          "Not a worksheet: {detail}"),
    ]

    private static let reasonByCode: [String: Entry] = Dictionary(reasons.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })

    /// The entry for an `unreadable-file` issue's `reason`.
    public static func reason(_ code: String) -> Entry? { reasonByCode[code] }

    /// What each reader limit bounds, by its job-file key (`{limit-what}`).
    static let limitWhat: [String: Localized] = [
        "max_file_size_mb": Localized(vi: "kích thước tệp (MB)", en: "the file's size (MB)"),
        "max_entries": Localized(vi: "số phần trong tệp", en: "the number of parts in the file"),
        "max_entry_size_mb": Localized(vi: "kích thước một phần khi giải nén (MB)", en: "one part's uncompressed size (MB)"),
        "max_total_size_mb": Localized(vi: "tổng kích thước khi giải nén (MB)", en: "the total uncompressed size (MB)"),
        "min_compression_ratio": Localized(vi: "tỉ lệ nén", en: "the compression ratio"),
        "ratio_check_threshold_bytes": Localized(vi: "tỉ lệ nén", en: "the compression ratio"),
        "max_cell_text_bytes": Localized(vi: "độ dài nội dung một ô (byte)", en: "one cell's text length (bytes)"),
        "max_shared_strings": Localized(vi: "số chuỗi văn bản dùng chung", en: "the number of shared strings"),
        "max_grid_cells": Localized(vi: "số ô của một trang tính", en: "the number of cells in one sheet"),
    ]

    private static func e(_ code: String, _ s: Severity, _ vi: String, _ en: String) -> Entry {
        Entry(code: code, severity: s, message: Localized(vi: vi, en: en))
    }

    private static let byCode: [String: Entry] = Dictionary(entries.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })

    /// The entry for a built-in code.
    public static func entry(_ code: String) -> Entry? { byCode[code] }

    /// The default severity of a built-in code (error for an unknown one).
    public static func severity(of code: String) -> Severity { byCode[code]?.severity ?? .error }

    /// The issue's message in a language: the catalogue's template (or the rule's, carried
    /// in the issue) with every placeholder filled.
    public static func message(for issue: Issue, lang: Language) -> String {
        if let m = issue.params["message.\(lang.rawValue)"] ?? issue.params["message.vi"] {
            return fillPlaceholders(m, issue: issue, lang: lang).text  // a rule's own text: no `[[…]]`
        }
        if issue.code == "unreadable-file", let r = issue.params["reason"], let entry = reasonByCode[r] {
            return fill(entry.message[lang], issue: issue, lang: lang)
        }
        guard let entry = byCode[issue.code] else { return fillPlaceholders(issue.code, issue: issue, lang: lang).text }
        return fill(entry.message[lang], issue: issue, lang: lang)
    }

    /// What the issue is about in words, beside its cell (`Chỉ tiêu 2.1 “Kết nạp đảng viên”,
    /// cột “Kỳ này”`, `Row 12 (Nguyễn Văn An), column “Date of birth”`): the issue's
    /// `what.<lang>` parameter, set by validation; nil when the issue has none.
    public static func subject(for issue: Issue, lang: Language) -> String? {
        issue.params["what.\(lang.rawValue)"]
    }

    /// The message with what it is about in front, when known: `Row 5 (Bản Nậm Là),
    /// column “Party members”: The value -1 is out of range: …` (cell comments, stderr).
    public static func sentence(for issue: Issue, lang: Language) -> String {
        let m = message(for: issue, lang: lang)
        return subject(for: issue, lang: lang).map { "\($0): \(m)" } ?? m
    }

    /// What the template requires, in words when validation gave them (`expected.<lang>`:
    /// `at least 0`, `equal to indicator 4 “Villages”, 145`), else the issue's `expected`.
    public static func requirement(for issue: Issue, lang: Language) -> String? {
        issue.params["expected.\(lang.rawValue)"] ?? issue.expected
    }

    /// Replaces `{name}` placeholders; an unknown placeholder is left as written. A part
    /// in `[[…]]` is kept (without the brackets) only when each placeholder in it has a
    /// non-empty value.
    static func fill(_ template: String, issue: Issue, lang: Language) -> String {
        guard template.contains("[[") else { return fillPlaceholders(template, issue: issue, lang: lang).text }
        var out = ""
        var rest = Substring(template)
        while let open = rest.range(of: "[["), let close = rest[open.upperBound...].range(of: "]]") {
            out += fillPlaceholders(String(rest[..<open.lowerBound]), issue: issue, lang: lang).text
            let part = fillPlaceholders(String(rest[open.upperBound..<close.lowerBound]), issue: issue, lang: lang)
            if part.complete { out += part.text }
            rest = rest[close.upperBound...]
        }
        return out + fillPlaceholders(String(rest), issue: issue, lang: lang).text
    }

    private static func fillPlaceholders(_ template: String, issue: Issue, lang: Language) -> (text: String, complete: Bool) {
        var out = ""
        var complete = true
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            if let v = value(name, issue: issue, lang: lang) {
                out += v
                if v.isEmpty { complete = false }
            } else {
                out += rest[open...close]
                complete = false
            }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return (out, complete)
    }

    private static func value(_ name: String, issue: Issue, lang: Language) -> String? {
        if let v = issue.params["\(name).\(lang.rawValue)"] { return v }
        switch name {
        case "sheet": return issue.sheet ?? ""
        case "cell": return issue.cell ?? ""
        case "expected": return issue.expected ?? ""
        case "found": return issue.found ?? ""
        case "file": return issue.file
        case "limit-what":
            guard let key = issue.params["limit"] else { return nil }
            return limitWhat[key]?[lang] ?? Localized(vi: "giới hạn đọc tệp", en: "reading the file")[lang]
        default: return issue.params[name]
        }
    }
}
