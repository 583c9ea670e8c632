/// The template file as written (snake_case keys), decoded by Yams before it is resolved
/// into a `Template`. Decoded by `StrictYAML`: a key that no struct here reads is refused.
struct TemplateFile: Decodable {
    var report: String
    var title: LocalizedText
    var period: String
    var units: String
    var references: [String: ReferenceFile]?
    var identify: IdentifyFile
    var forms: [FormFile]?
    var lists: [ListFile]?
    var rules: [RuleFile]?
    var summary: [SummaryFile]?
    var history: HistoryFile?

    /// `history:` what the job does with other periods: outliers and yearly targets.
    struct HistoryFile: Decodable {
        var outliers: OutliersFile?
        var targets: [TargetFile]?
    }

    struct OutliersFile: Decodable {
        var enabled: Bool?
        var threshold: Double?
        var min_difference: Double?
        var min_units: Int?
        var min_history: Int?
        var indicators: [String]?
        var columns: [String]?
    }

    struct TargetFile: Decodable {
        var code: String
        var label: LocalizedText
        var change_pct: String?
        var share: String?
        var indicator: String?
        var reach: String?
        var column: String?
        var at_least: Double?
        var at_most: Double?
    }

    struct ReferenceFile: Decodable {
        var file: String
        var column: String?
        var unit_column: String?
    }

    struct IdentifyFile: Decodable {
        var sheet: String
        var title: LocalizedText?
        var form_code: String?
        var file_name: String?
        var fields: [FieldFile]
    }

    /// A typed input (identify field, indicator, list column): shared constraint keys.
    struct FieldFile: Decodable {
        var id: String?
        var code: String?
        var number: String?
        var label: LocalizedText
        var unit: LocalizedText?
        var cell: String?
        var type: String?
        var reference: String?
        var required: Bool?
        var unique: Bool?
        var optional: Bool?
        var min: Double?
        var max: Double?
        var pattern: String?
        var allowed: [String]?
        var max_length: Int?
        var aliases: [String]?
        var width: Double?
        var columns: [String]?
        var cells: [String: String]?
    }

    struct FormFile: Decodable {
        var sheet: String
        var title: LocalizedText?
        var subtitle: LocalizedText?
        var key_column: String?
        var header_row: Int?
        var last_column: String?
        var number_column: String?
        var label_column: String?
        var unit_column: String?
        var note_column: String?
        var headers: [String: LocalizedText]?
        var columns: [ValueColumnFile]
        var indicators: [FieldFile]
    }

    struct ValueColumnFile: Decodable {
        var id: String
        var column: String
        var label: LocalizedText
        var from_history: FromHistoryFile?
    }

    struct FromHistoryFile: Decodable {
        /// A period's text, or `previous`.
        var period: String
        var column: String
    }

    struct ListFile: Decodable {
        var id: String
        var sheet: String
        var title: LocalizedText?
        var header_row: Int
        var search_rows: Int?
        var blank_rows: Int?
        var columns: [FieldFile]
        var unique: [[String]]?
    }

    struct RuleFile: Decodable {
        var code: String
        var severity: String?
        var list: String?
        var check: String
        var columns: [String]?
        var tolerance: Double?
        var message: LocalizedText
        var description: LocalizedText?
    }

    struct SummaryFile: Decodable {
        var indicator: String?
        var target: String?
        var ratio: String?
        var heading: LocalizedText?
        var label: LocalizedText?
        var columns: [String]?
        var percent: Bool?
    }

    /// `{vi: …, en: …}`, or one string for both.
    struct LocalizedText: Decodable {
        var value: Localized
        init(from decoder: any Decoder) throws {
            if let s = try? decoder.singleValueContainer().decode(String.self) {
                value = Localized(vi: s, en: s)
                return
            }
            let c = try decoder.container(keyedBy: Keys.self)
            let vi = try c.decodeIfPresent(String.self, forKey: .vi)
            let en = try c.decodeIfPresent(String.self, forKey: .en)
            guard let any = vi ?? en else {
                throw DecodingError.keyNotFound(Keys.vi, .init(codingPath: decoder.codingPath, debugDescription: "a text needs vi or en"))
            }
            value = Localized(vi: vi ?? any, en: en ?? any)
        }
        enum Keys: String, CodingKey { case vi, en }
    }
}
