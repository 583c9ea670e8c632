import Foundation
import Yams

/// What a template leaves to consolidation: which lists the provincial workbook merges,
/// which list rows form the action list, and which keys the cross-unit checks compare.
/// Plain data in `consolidation.yaml` beside the template, decoded by `StrictYAML`
/// (a key no type here reads is refused with its line):
///
/// ```yaml
/// lists:
///   - list: ket_nap
///     sheet: Đảng viên kết nạp
///     title: { vi: Danh sách đảng viên mới được kết nạp, en: New party members }
///     columns: [ho_ten, ngay_sinh, xa, thon]      # optional: every column but stt
/// action_list:
///   list: thon_ban
///   where: { column: dang_vien, test: zero }     # zero | false | blank
///   group_by: [xa, thon]
///   sheet: Thôn trắng đảng viên
///   title: { vi: "Danh sách thôn, bản chưa có đảng viên", en: Villages with no party member }
/// duplicate_member: { list: ket_nap, columns: [ho_ten, ngay_sinh] }
/// village_claimed_twice: { list: thon_ban, columns: [xa, thon] }
/// ```
public struct ConsolidationOptions: Decodable, Sendable, Hashable {
    public var lists: [ListOption]
    public var actionList: ActionOption?
    public var duplicateMember: KeyOption?
    public var villageClaimedTwice: KeyOption?

    public init(
        lists: [ListOption] = [], actionList: ActionOption? = nil, duplicateMember: KeyOption? = nil,
        villageClaimedTwice: KeyOption? = nil
    ) {
        self.lists = lists
        self.actionList = actionList
        self.duplicateMember = duplicateMember
        self.villageClaimedTwice = villageClaimedTwice
    }

    public struct ListOption: Decodable, Sendable, Hashable {
        public var list: String
        public var sheet: String
        public var title: Localized
        public var columns: [String]?
        public var sortBy: [String]?

        enum CodingKeys: String, CodingKey { case list, sheet, title, columns, sortBy = "sort_by" }
        public init(from d: any Decoder) throws {
            let c = try d.container(keyedBy: CodingKeys.self)
            list = try c.decode(String.self, forKey: .list)
            sheet = try c.decode(String.self, forKey: .sheet)
            title = try c.decode(LocalizedText.self, forKey: .title).value
            columns = try c.decodeIfPresent([String].self, forKey: .columns)
            sortBy = try c.decodeIfPresent([String].self, forKey: .sortBy)
        }
    }

    public struct ActionOption: Decodable, Sendable, Hashable {
        public var list: String
        public var filter: ConsolidationSpec.RowFilter
        public var groupBy: [String]
        public var sheet: String
        public var title: Localized
        public var columns: [String]?

        enum CodingKeys: String, CodingKey { case list, filter = "where", groupBy = "group_by", sheet, title, columns }
        public init(from d: any Decoder) throws {
            let c = try d.container(keyedBy: CodingKeys.self)
            list = try c.decode(String.self, forKey: .list)
            filter = try c.decode(ConsolidationSpec.RowFilter.self, forKey: .filter)
            groupBy = try c.decodeIfPresent([String].self, forKey: .groupBy) ?? []
            sheet = try c.decode(String.self, forKey: .sheet)
            title = try c.decode(LocalizedText.self, forKey: .title).value
            columns = try c.decodeIfPresent([String].self, forKey: .columns)
        }
    }

    public struct KeyOption: Decodable, Sendable, Hashable {
        public var list: String
        public var columns: [String]
    }

    enum CodingKeys: String, CodingKey {
        case lists, actionList = "action_list", duplicateMember = "duplicate_member"
        case villageClaimedTwice = "village_claimed_twice"
    }

    public init(from d: any Decoder) throws {
        let c = try d.container(keyedBy: CodingKeys.self)
        lists = try c.decodeIfPresent([ListOption].self, forKey: .lists) ?? []
        actionList = try c.decodeIfPresent(ActionOption.self, forKey: .actionList)
        duplicateMember = try c.decodeIfPresent(KeyOption.self, forKey: .duplicateMember)
        villageClaimedTwice = try c.decodeIfPresent(KeyOption.self, forKey: .villageClaimedTwice)
    }

    /// Decodes `yaml`; errors name `path` and, when known, the line.
    public static func decode(yaml: String, path: String) throws(TemplateError) -> ConsolidationOptions {
        let node: Node?
        do { node = try Yams.compose(yaml: yaml) } catch {
            throw TemplateError(.syntax, file: path, "not well-formed YAML: \(error)")
        }
        guard let node else { return ConsolidationOptions() }
        do throws(StrictYAML.Failure) {
            return try StrictYAML.decode(ConsolidationOptions.self, from: node)
        } catch {
            switch error {
            case .unknownKey(let u):
                throw TemplateError(.structure, file: path, line: u.mark?.line, column: u.mark?.column, u.message)
            case .decoding(let e):
                let m = mark(of: e, in: node)
                throw TemplateError(.structure, file: path, line: m?.line, column: m?.column, describe(e))
            case .other(let e):
                throw TemplateError(.structure, file: path, "\(e)")
            }
        }
    }

    /// Reads and decodes the file at `path`.
    public static func load(path: String) throws(TemplateError) -> ConsolidationOptions {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TemplateError(.unreadable, file: path, "cannot read the file")
        }
        return try decode(yaml: String(decoding: data, as: UTF8.self), path: path)
    }

    /// The mark of the deepest node on a decoding error's path.
    private static func mark(of e: DecodingError, in root: Node) -> Mark? {
        let path: [any CodingKey]
        switch e {
        case .keyNotFound(_, let c), .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): path = c.codingPath
        @unknown default: path = []
        }
        var node: Node? = root
        var mark = root.mark
        for k in path {
            if case .sequence(let s)? = node, let i = k.intValue, i < s.count { node = s[i] } else if case .mapping(let m)? = node { node = m[k.stringValue] } else { break }
            if let m = node?.mark { mark = m }
        }
        return mark
    }

    private static func describe(_ e: DecodingError) -> String {
        func where_(_ path: [any CodingKey]) -> String {
            path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch e {
        case .keyNotFound(let k, let ctx): return "missing key '\(k.stringValue)' at \(where_(ctx.codingPath))"
        case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx), .dataCorrupted(let ctx):
            return "\(ctx.debugDescription) at \(where_(ctx.codingPath))"
        @unknown default: return "\(e)"
        }
    }

    /// `{vi: …, en: …}`, or one string for both.
    struct LocalizedText: Decodable {
        var value: Localized
        enum Keys: String, CodingKey { case vi, en }
        init(from d: any Decoder) throws {
            if let s = try? d.singleValueContainer().decode(String.self) {
                value = Localized(vi: s, en: s)
                return
            }
            let c = try d.container(keyedBy: Keys.self)
            let vi = try c.decodeIfPresent(String.self, forKey: .vi)
            let en = try c.decodeIfPresent(String.self, forKey: .en)
            guard let any = vi ?? en else {
                throw DecodingError.keyNotFound(Keys.vi, .init(codingPath: d.codingPath, debugDescription: "a text needs vi or en"))
            }
            value = Localized(vi: vi ?? any, en: en ?? any)
        }
    }
}
