/// The fixed words of the text and HTML reports, in each report language.
/// The reports' own words (headings, column names) in both languages.
public enum ReportStrings {
    static func status(_ s: FileStatus, _ lang: Language) -> String {
        switch (s, lang) {
        case (.accepted, .vi): return "Đạt"
        case (.accepted, .en): return "Accepted"
        case (.acceptedWithWarnings, .vi): return "Đạt, có cảnh báo"
        case (.acceptedWithWarnings, .en): return "Accepted with warnings"
        case (.rejected, .vi): return "Không đạt"
        case (.rejected, .en): return "Rejected"
        case (.unreadable, .vi): return "Không đọc được"
        case (.unreadable, .en): return "Unreadable"
        }
    }

    static func severity(_ s: Severity, _ lang: Language) -> String {
        switch (s, lang) {
        case (.error, .vi): return "lỗi"
        case (.error, .en): return "error"
        case (.warning, .vi): return "cảnh báo"
        case (.warning, .en): return "warning"
        case (.info, .vi): return "thông tin"
        case (.info, .en): return "info"
        }
    }

    static let words: [String: Localized] = [
        "title": Localized(vi: "Kết quả kiểm tra báo cáo", en: "Submission check results"),
        "file": Localized(vi: "Tệp", en: "File"),
        "unit": Localized(vi: "Đơn vị", en: "Unit"),
        "period": Localized(vi: "Kỳ", en: "Period"),
        "status": Localized(vi: "Kết quả", en: "Status"),
        "errors": Localized(vi: "Lỗi", en: "Errors"),
        "warnings": Localized(vi: "Cảnh báo", en: "Warnings"),
        "infos": Localized(vi: "Thông tin", en: "Info"),
        "sheet": Localized(vi: "Trang tính", en: "Sheet"),
        "cell": Localized(vi: "Ô", en: "Cell"),
        "severity": Localized(vi: "Mức", en: "Severity"),
        "message": Localized(vi: "Nội dung", en: "Message"),
        "expected": Localized(vi: "Yêu cầu", en: "Expected"),
        "found": Localized(vi: "Trong tệp", en: "Found"),
        "code": Localized(vi: "Mã lỗi", en: "Code"),
        "what": Localized(vi: "Chỉ tiêu, dòng", en: "Indicator or row"),
        "workbook": Localized(vi: "Toàn bộ tệp", en: "Whole file"),
        "no-issues": Localized(vi: "Không có vấn đề nào.", en: "No issues."),
        "summary": Localized(vi: "Tóm tắt", en: "Summary"),
        "help": Localized(
            vi: "Lỗi: phải sửa rồi gửi lại tệp. Cảnh báo: nên kiểm tra lại, báo cáo vẫn được tiếp nhận. Thông tin: chỉ để biết.",
            en: "Errors must be fixed and the file sent again. Warnings should be checked; the report is still accepted. Info is for your information."),
    ]

    /// The word for `key` (`expected`, `found`, `cell`...) in `lang`; the key itself when unknown.
    public static func word(_ key: String, _ lang: Language) -> String { words[key]?[lang] ?? key }
}
