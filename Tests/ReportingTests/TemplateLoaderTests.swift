import Foundation
import Testing
import XLSX

@testable import Reporting

@Suite struct TemplateLoaderTests {
    @Test func loadsTheResolution04Template() throws {
        let t = nq04
        #expect(t.id == "NQ04")
        #expect(t.period == .year)
        #expect(t.units.count == 10)
        #expect(t.unit("mnh")?.name == "Huyện ủy Mường Nhé")
        #expect(t.indicators.map(\.code) == ["KN_CT", "KN", "DV", "DV_CO", "DV_CHUA", "TB", "TB_CO", "TB_CHUA", "TB_TRANG", "TCCS_TSVM"])
        #expect(t.indicator("KN")?.columns == ["current"])
        #expect(t.indicator("DV")?.columns == ["baseline", "current"])
        #expect(t.forms[0].column("baseline")?.column == 4)
        #expect(t.lists.map(\.id) == ["thon_ban", "ket_nap"])
        #expect(t.list("thon_ban")?.unique == [["xa", "thon"]])
        #expect(t.rules.count == 13)
        let dv = try #require(t.rules.first { $0.code == "nq04-dv-tong" })
        #expect(dv.columns == ["baseline", "current"])
        #expect(dv.severity == .error)
        let ds = try #require(t.rules.first { $0.code == "nq04-ds-thon-tong" })
        #expect(ds.columns.isEmpty)
        #expect(t.rules.first { $0.code == "nq04-ketnap-18" }?.scope == .row(list: "ket_nap"))
        #expect(t.references["communes"]?.lookup("xã  mường nhé", unit: "MNH") == "Xã Mường Nhé")
        #expect(t.references["communes"]?.lookup("Xã Mường Nhé", unit: "DBP") == nil)
        #expect(t.identify.unit == CellRef("B4"))
        #expect(t.identify.parseFileName("NQ04_MNH_2016.xlsx")! == ("MNH", "2016"))
        #expect(t.identify.parseFileName("nq04_mnh_2016.XLSX")! == ("MNH", "2016"))
        #expect(t.identify.parseFileName("report.xlsx") == nil)
        let kn = t.summary.first { if case .indicator("KN", _) = $0.kind { return true } else { return false } }
        #expect(kn?.kind == .indicator(code: "KN", target: "KN_CT"))
        #expect(t.summary.contains { $0.kind == .ratio(numerator: "DV_CO", denominator: "DV") && $0.columns == ["baseline", "current"] })
    }


    /// Resubmission names (`_v2` as docs/OPERATIONS.md suggests, ` (2)` as a browser adds)
    /// follow the pattern; other additions do not. A month's `-07` is the period, not a suffix.
    @Test func resubmissionSuffixesFollowTheFileNamePattern() throws {
        let id = nq04.identify
        let isPeriod: (String) -> Bool = { nq04.period.parse($0) != nil }
        let accepted = [
            "NQ04_MNH_2016_v2.xlsx", "NQ04_MNH_2016-v2.xlsx", "NQ04_MNH_2016 v3.xlsx", "NQ04_MNH_2016_V12.xlsm",
            "NQ04_MNH_2016_2.xlsx", "NQ04_MNH_2016-3.xlsx", "NQ04_MNH_2016 (2).xlsx", "NQ04_MNH_2016(12).XLSX",
            "NQ04_MNH_2016.xls", "NQ04_MNH_2016 (2).csv",
        ]
        for name in accepted {
            let parts = id.parseFileName(name, isPeriod: isPeriod)
            #expect(parts?.unit == "MNH" && parts?.period == "2016", "\(name)")
        }
        for name in ["NQ04_MNH_2016_final.xlsx", "NQ04_MNH_2016_v123.xlsx", "NQ04_MNH_2016 (x).xlsx", "NQ04_MNH_16.xlsx", "NQ04_MNH_2016_.xlsx"] {
            #expect(id.parseFileName(name, isPeriod: isPeriod) == nil, "\(name)")
        }
        let monthly = Identify(sheet: "x", fields: [], fileName: "F_{unit}_{period}")
        let isMonth: (String) -> Bool = { PeriodKind.month.parse($0) != nil }
        #expect(monthly.parseFileName("F_MNH_2016-07.xlsx", isPeriod: isMonth)?.period == "2016-07")
        #expect(monthly.parseFileName("F_MNH_2016-07_v2.xlsx", isPeriod: isMonth)?.period == "2016-07")
        #expect(id.fileNamePattern(unit: "MNH", period: "2016") == "NQ04_MNH_2016.xlsx")
        #expect(id.fileNamePattern(unit: nil, period: "2016") == "NQ04_{unit}_2016.xlsx")
    }
    /// A minimal template with one mistake substituted in; returns the error.
    private func error(replacing old: String, with new: String) -> TemplateError? {
        let dir = TempDir()
        _ = dir.write("units.csv", "code,name,kind\nA,Unit A,\n")
        let yaml = """
            report: T
            title: Test
            period: year
            units: units.csv
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
            rules:
              - code: r1
                check: X <= Y
                message: m
            """.replacingOccurrences(of: old, with: new)
        let path = dir.write("t.yaml", yaml)
        do {
            _ = try TemplateLoader.load(path: path)
            return nil
        } catch {
            return error
        }
    }

    @Test func aCorrectMinimalTemplateLoads() {
        #expect(error(replacing: "", with: "") == nil)
    }

    @Test func unknownKeyIsReportedWithItsLine() throws {
        let e = try #require(error(replacing: "key_column: A", with: "key_colum: A"))
        #expect(e.kind == .structure)
        #expect(e.line == 12)
        #expect(e.message.contains("key_colum"))
    }

    @Test func unknownIndicatorInARuleIsReportedAtItsColumn() throws {
        let e = try #require(error(replacing: "check: X <= Y", with: "check: X <= ZZ"))
        #expect(e.kind == .expression)
        #expect(e.line == 20)
        #expect(e.column == 17)
        #expect(e.message.contains("unknown indicator 'ZZ'"))
        #expect(e.description.hasSuffix("t.yaml:20:17]"))
    }

    @Test func badExpressionSyntaxIsReported() throws {
        let e = try #require(error(replacing: "check: X <= Y", with: "check: X <= (Y +"))
        #expect(e.kind == .expression)
        #expect(e.line == 20)
    }

    @Test func unknownValueColumnIsReported() throws {
        let e = try #require(error(replacing: "{ code: Y, label: Y }", with: "{ code: Y, label: Y, columns: [baseline] }"))
        #expect(e.kind == .reference)
        #expect(e.line == 17)
        #expect(e.message.contains("baseline"))
    }

    @Test func missingKeyAndWrongTypeAreReported() throws {
        let e = try #require(error(replacing: "    check: X <= Y\n", with: ""))
        #expect(e.message.contains("check"))
        #expect(e.line == 19)
        let t = try #require(error(replacing: "{ code: X, label: X }", with: "{ code: X, label: X, min: lots }"))
        #expect(t.kind == .structure)
        #expect(t.line == 16)
    }

    @Test func badYamlIsASyntaxError() throws {
        let e = try #require(error(replacing: "period: year", with: "period: [year"))
        #expect(e.kind == .syntax)
        #expect(e.line != nil)
    }

    @Test func unknownTypeAndUnknownReferenceAreReported() throws {
        let e = try #require(error(replacing: "{ code: X, label: X }", with: "{ code: X, label: X, type: money }"))
        #expect(e.message.contains("money"))
        let r = try #require(error(replacing: "{ id: unit, cell: B1, label: Unit }", with: "{ id: unit, cell: B1, label: Unit, type: code, reference: nowhere }"))
        #expect(r.kind == .reference)
        #expect(r.line == 8)
    }

    @Test func theCompleteExampleInTheDocsLoads() throws {
        let doc = try String(contentsOfFile: Repo.root + "/docs/templates.md", encoding: .utf8)
        let start = try #require(doc.range(of: "## A complete example"))
        let rest = doc[start.upperBound...]
        let open = try #require(rest.range(of: "```yaml\n"))
        let close = try #require(rest[open.upperBound...].range(of: "```"))
        let dir = TempDir()
        _ = dir.write("units.csv", "code,name,kind\nA,Đảng bộ A,huyện\n")
        _ = dir.write("xa.csv", "unit,commune\nA,Xã Một\n")
        let path = dir.write("dv01.yaml", String(rest[open.upperBound..<close.lowerBound]))
        let t = try TemplateLoader.load(path: path)
        #expect(t.id == "DV01" && t.period == .quarter)
        #expect(t.rules.map(\.code) == ["dv01-moi-le-tong", "dv01-ds-moi", "dv01-ty-le-nu", "dv01-trong-ky"])
        #expect(t.rules[0].columns == ["cuoi_ky"])
        #expect(t.rules[2].tolerance == 0.005)
        #expect(t.indicator("TL_NU")?.spec.type == .percent)
        #expect(t.summary.count == 3)
    }

    /// A template with a list; `old` replaced by `new` must fail at `line` with `text`.
    private func listError(_ old: String, _ new: String) -> TemplateError? {
        let dir = TempDir()
        _ = dir.write("units.csv", "code,name,kind\nA,Unit A,\n")
        let yaml = """
            report: T
            title: Test
            period: year
            units: units.csv
            identify:
              sheet: Info
              fields:
                - { id: unit, cell: B1, label: Unit }
                - { id: period, cell: B2, label: Period }
            lists:
              - id: people
                sheet: People
                header_row: 1
                columns:
                  - { id: name, label: Name, required: true }
                  - { id: born, label: Born, type: date }
                unique: [[name, born]]
            rules:
              - code: r1
                list: people
                check: born >= date(1900, 1, 1)
                message: m
            """.replacingOccurrences(of: old, with: new)
        do {
            _ = try TemplateLoader.load(path: dir.write("t.yaml", yaml))
            return nil
        } catch {
            return error
        }
    }

    @Test func listMistakesAreReportedWithTheirLine() throws {
        #expect(listError("", "") == nil)
        let u = try #require(listError("unique: [[name, born]]", "unique: [[name, bron]]"))
        #expect(u.line == 17 && u.message.contains("unknown column 'bron'"))
        let r = try #require(listError("check: born >= date(1900, 1, 1)", "check: brn >= date(1900, 1, 1)"))
        #expect(r.line == 21 && r.column == 12 && r.message.contains("unknown column or indicator 'brn'"))
        let k = try #require(listError("check: born >= date(1900, 1, 1)", "check: born >= 1900"))
        #expect(k.kind == .expression && k.message.contains("cannot order a date and a number"))
        let l = try #require(listError("list: people", "list: persons"))
        #expect(l.line == 20 && l.message.contains("unknown list 'persons'"))
        let p = try #require(listError("{ id: name, label: Name, required: true }", "{ id: name, label: Name, pattern: \"[a-\" }"))
        #expect(p.line == 15 && p.message.contains("regular expression"))
        let d = try #require(listError("{ id: born, label: Born, type: date }", "{ id: name, label: Born, type: date }"))
        #expect(d.message.contains("declared twice"))
    }
}
