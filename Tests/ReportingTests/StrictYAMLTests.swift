import Foundation
import Testing

@testable import Reporting

/// The strict decoder: the allowed keys are the keys the Codable types read, at every
/// nesting level, with no table to keep.
@Suite struct StrictYAMLTests {
    struct V1: Decodable {
        var name: String
        var inner: Inner?
        var items: [Item]?
        var tags: [String: Int]?
        struct Inner: Decodable { var a: Int? }
        struct Item: Decodable { var b: String }
    }
    /// V1 with one more field, and nothing else changed.
    struct V2: Decodable {
        var name: String
        var inner: V1.Inner?
        var items: [V1.Item]?
        var tags: [String: Int]?
        var added: Bool?
    }
    /// Keys that are `CaseIterable`: known whole even when decoding fails before the end.
    struct Listed: Decodable {
        var first: Int
        var second: Int
        enum CodingKeys: String, CodingKey, CaseIterable { case first, second, third }
        init(from d: any Decoder) throws {
            let c = try d.container(keyedBy: CodingKeys.self)
            first = try c.decode(Int.self, forKey: .first)
            second = try c.decode(Int.self, forKey: .second)
        }
    }

    private func decode<T: Decodable>(_ type: T.Type, _ yaml: String) -> Result<T, StrictYAML.Failure> {
        do throws(StrictYAML.Failure) {
            return .success(try StrictYAML.decode(type, yaml: yaml))
        } catch {
            return .failure(error)
        }
    }

    private func unknown<T: Decodable>(_ type: T.Type, _ yaml: String) -> StrictYAML.UnknownKey? {
        if case .failure(.unknownKey(let u)) = decode(type, yaml) { return u }
        return nil
    }

    private let doc = """
        name: n
        inner: { a: 1 }
        items:
          - b: x
          - b: y
        tags: { free: 1, keys: 2 }
        """

    @Test func aDocumentOfKnownKeysDecodes() throws {
        let v = try decode(V1.self, doc).get()
        #expect(v.name == "n" && v.inner?.a == 1 && v.items?.map(\.b) == ["x", "y"] && v.tags == ["free": 1, "keys": 2])
    }

    @Test func anUnknownKeyAtEachLevelIsRefusedWithItsLine() throws {
        let top = try #require(unknown(V1.self, doc + "\nextra: 1"))
        #expect(top.key == "extra" && top.mark?.line == 7 && top.path.isEmpty)
        #expect(top.message == "unknown key 'extra' (expected one of: inner, items, name, tags)")
        let inner = try #require(unknown(V1.self, doc.replacingOccurrences(of: "{ a: 1 }", with: "{ a: 1, z: 2 }")))
        #expect(inner.key == "z" && inner.mark?.line == 2 && inner.message == "unknown key 'z' in inner (expected one of: a)")
        let item = try #require(unknown(V1.self, doc.replacingOccurrences(of: "  - b: y", with: "  - b: y\n    c: 3")))
        #expect(item.key == "c" && item.mark?.line == 6 && item.message.contains("in items[1]"))
    }

    @Test func aNewCodableFieldIsAcceptedWithoutATable() throws {
        let yaml = doc + "\nadded: true"
        #expect(unknown(V1.self, yaml)?.key == "added")
        #expect(try decode(V2.self, yaml).get().added == true)
    }

    @Test func aCloseKeyIsSuggested() throws {
        let typo = try #require(unknown(V1.self, doc.replacingOccurrences(of: "inner:", with: "iner:")))
        #expect(typo.message == "unknown key 'iner' (did you mean 'inner'?)" && typo.mark?.line == 2)
        // A misspelt required key is the missing key's typo, not only a missing key.
        let required = try #require(unknown(V1.self, doc.replacingOccurrences(of: "name: n", with: "nme: n")))
        #expect(required.message == "unknown key 'nme' (did you mean 'name'?)" && required.mark?.line == 1)
    }

    @Test func aDecodingErrorStaysYamsOwn() {
        guard case .failure(.decoding(.typeMismatch(_, let ctx))) = decode(V1.self, doc.replacingOccurrences(of: "a: 1", with: "a: many")) else {
            Issue.record("accepted a: many")
            return
        }
        #expect(ctx.codingPath.map(\.stringValue) == ["inner", "a"])
    }

    @Test func caseIterableKeysAreKnownEvenWhenDecodingFails() throws {
        // `second` is missing, so decoding stops; `fourth` is still refused, `third` is not.
        let u = try #require(unknown(Listed.self, "first: 1\nthird: 3\nfourth: 4\n"))
        #expect(u.key == "fourth" && u.mark?.line == 3)
        guard case .failure(.decoding(.keyNotFound(let k, _))) = decode(Listed.self, "first: 1\nthird: 3\n") else {
            Issue.record("decoded without 'second'")
            return
        }
        #expect(k.stringValue == "second")
    }

    // MARK: - The template

    private let template = """
        report: T
        title: { vi: Thử, en: Test }
        period: year
        units: units.csv
        references:
          communes: { file: communes.csv, column: name }
        identify:
          sheet: Info
          fields:
            - { id: unit, cell: B1, label: Unit }
            - { id: period, cell: B2, label: Period }
        forms:
          - sheet: Form
            key_column: A
            columns:
              - { id: current, column: C, label: Now }
            indicators:
              - { code: X, label: X }
              - { code: Y, label: Y }
        lists:
          - id: people
            sheet: People
            header_row: 1
            columns:
              - { id: name, label: Name }
        rules:
          - code: r1
            check: X <= Y
            message: m
        summary:
          - indicator: X
        """

    private func templateError(_ yaml: String) -> TemplateError? {
        let dir = TempDir()
        _ = dir.write("units.csv", "code,name,kind\nA,Unit A,\n")
        _ = dir.write("communes.csv", "name\nA\n")
        do {
            _ = try TemplateLoader.load(yaml: yaml, path: dir.write("t.yaml", yaml))
            return nil
        } catch {
            return error
        }
    }

    @Test func anUnknownKeyAtEachLevelOfTheTemplateIsRefusedWithItsLine() {
        #expect(templateError(template)?.message.contains("unknown key") != true)
        let cases: [(String, String, Int, String)] = [
            ("report: T", "zz: 1\nreport: T", 1, "(expected one of: forms, history, identify, lists, period, references, report, rules, summary, title, units)"),
            ("en: Test }", "en: Test, zz: x }", 2, "in title (expected one of: en, vi)"),
            ("column: name }", "column: name, zz: x }", 6, "in references.communes"),
            ("  sheet: Info", "  zz: 1\n  sheet: Info", 8, "in identify"),
            ("{ id: unit,", "{ zz: 1, id: unit,", 10, "in identify.fields[0]"),
            ("    key_column: A", "    zz: 1\n    key_column: A", 14, "in forms[0]"),
            ("{ id: current,", "{ zz: 1, id: current,", 16, "in forms[0].columns[0]"),
            ("{ code: Y,", "{ zz: 1, code: Y,", 19, "in forms[0].indicators[1]"),
            ("    header_row: 1", "    zz: 1\n    header_row: 1", 23, "in lists[0]"),
            ("{ id: name,", "{ zz: 1, id: name,", 25, "in lists[0].columns[0]"),
            ("    check: X <= Y", "    zz: 1\n    check: X <= Y", 28, "in rules[0]"),
            ("  - indicator: X", "  - zz: 1\n    indicator: X", 31, "in summary[0]"),
        ]
        for (old, new, line, place) in cases {
            let yaml = template.replacingOccurrences(of: old, with: new)
            #expect(yaml != template, "\(old)")
            let e = templateError(yaml)
            #expect(e?.kind == .structure && e?.line == line && e?.message.hasPrefix("unknown key 'zz'") == true, "\(old): \(String(describing: e))")
            #expect(e?.message.contains(place) == true, "\(old): \(String(describing: e?.message))")
        }
    }

    @Test func aMisspeltRequiredTemplateKeyIsNamedAsATypo() {
        let e = templateError(template.replacingOccurrences(of: "  - sheet: Form", with: "  - shet: Form"))
        #expect(e?.line == 13 && e?.message == "unknown key 'shet' in forms[0] (did you mean 'sheet'?)")
    }

    // MARK: - Consolidation options

    private let options = """
        lists:
          - list: ket_nap
            sheet: X
            title: { vi: A, en: B }
        action_list:
          list: thon_ban
          where: { column: dang_vien, test: zero }
          group_by: [xa, thon]
          sheet: T
          title: T
        duplicate_member: { list: ket_nap, columns: [ho_ten] }
        village_claimed_twice: { list: thon_ban, columns: [xa] }
        """

    @Test func anUnknownKeyAtEachLevelOfTheOptionsIsRefusedWithItsLine() throws {
        let o = try ConsolidationOptions.decode(yaml: options, path: "c.yaml")
        #expect(o.lists.count == 1 && o.actionList?.filter.test == .zero && o.villageClaimedTwice?.columns == ["xa"])
        let cases: [(String, String, Int, String)] = [
            ("lists:", "zz: 1\nlists:", 1, "(expected one of: action_list, duplicate_member, lists, village_claimed_twice)"),
            ("    sheet: X", "    zz: 1\n    sheet: X", 3, "in lists[0]"),
            ("en: B }", "en: B, zz: x }", 4, "in lists[0].title"),
            ("  list: thon_ban", "  zz: 1\n  list: thon_ban", 6, "in action_list"),
            ("test: zero }", "test: zero, zz: x }", 7, "in action_list.where"),
            ("columns: [ho_ten] }", "columns: [ho_ten], zz: x }", 11, "in duplicate_member"),
            ("columns: [xa] }", "columns: [xa], zz: x }", 12, "in village_claimed_twice"),
        ]
        for (old, new, line, place) in cases {
            let yaml = options.replacingOccurrences(of: old, with: new)
            #expect(yaml != options, "\(old)")
            #expect {
                try ConsolidationOptions.decode(yaml: yaml, path: "c.yaml")
            } throws: { e in
                let t = e as? TemplateError
                return t?.kind == .structure && t?.line == line && t?.message.hasPrefix("unknown key 'zz'") == true
                    && t?.message.contains(place) == true
            }
        }
    }
}
