/// The catalogue of built-in issue codes: a stable kebab-case code, a default severity,
/// and a message template per language with named placeholders (`{sheet}`, `{cell}`,
/// `{expected}`, `{found}`, and any key of the issue's `params`).
///
/// Template rules are not in the catalogue: their issues carry the rule's message
/// templates in `params["message.vi"]` / `params["message.en"]`, so a report can be
/// rendered from the issue alone. A placeholder `{x}` reads `params["x.vi"]` (in the
/// report's language) before `params["x"]`.
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
          "Giá trị {found} nằm ngoài khoảng cho phép {expected}",
          "The value {found} is outside the allowed range {expected}"),
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
        e("superseded", .info,
          "Tệp này đã được thay bằng tệp nộp sau {expected}",
          "This file was superseded by the later file {expected}"),
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
        let template: String
        if let m = issue.params["message.\(lang.rawValue)"] ?? issue.params["message.vi"] {
            template = m
        } else if let entry = byCode[issue.code] {
            template = entry.message[lang]
        } else {
            template = issue.code
        }
        return fill(template, issue: issue, lang: lang)
    }

    /// Replaces `{name}` placeholders; an unknown placeholder is left as written.
    static func fill(_ template: String, issue: Issue, lang: Language) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            if let v = value(name, issue: issue, lang: lang) {
                out += v
            } else {
                out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }

    private static func value(_ name: String, issue: Issue, lang: Language) -> String? {
        if let v = issue.params["\(name).\(lang.rawValue)"] { return v }
        switch name {
        case "sheet": return issue.sheet ?? ""
        case "cell": return issue.cell ?? ""
        case "expected": return issue.expected ?? ""
        case "found": return issue.found ?? ""
        case "file": return issue.file
        default: return issue.params[name]
        }
    }
}
