import Reporting
import Testing
import XLSX

@Suite struct ConsolidationTests {
    typealias F = ConsolidationFixtures

    @Test func totalsAddUpThePublishedFigures() {
        let (subs, reports) = F.allAccepted()
        let c = Consolidator(spec: F.spec).consolidate(subs, reports: reports, period: .year(2016))
        func total(_ code: String, _ col: String) -> Double? { c.indicator(code)?.total(col) }
        #expect(total("KN", "current") == 1_873)
        #expect(total("KN_CT", "current") == 2_000)
        #expect(total("DV", "current") == 821)
        #expect(total("DV_CO", "baseline") == 630)
        #expect(total("DV_CO", "current") == 638)
        #expect(total("DV_CHUA", "baseline") == 191)
        #expect(total("DV_CHUA", "current") == 183)
        #expect(total("TB", "current") == 1_813)
        #expect(total("TB_CO", "current") == 1_417)
        #expect(total("TB_CHUA", "current") == 396)
        #expect(total("TB_TRANG", "baseline") == 95)
        #expect(total("TB_TRANG", "current") == 71)
        // Not applicable stays absent, never zero.
        #expect(c.indicator("KN")?.totals["baseline"] == nil)
        #expect(c.indicator("KN")?.totals["current"]?.units == 10)
        #expect(c.indicator("KN")?.totals["current"]?.of == 10)
        #expect(c.units.allSatisfy { $0.status == .accepted })
        #expect(c.issues.isEmpty)
    }

    @Test func ratiosChangesAndAttainment() throws {
        let (subs, reports) = F.allAccepted()
        let c = Consolidator(spec: F.spec).consolidate(subs, reports: reports, period: .year(2016))
        let kn = try #require(c.indicator("KN"))
        #expect(kn.target == 2_000)
        #expect(kn.targetIndicator == "KN_CT")
        #expect(abs(kn.attainment! - 0.9365) < 1e-12)
        #expect(String(format: "%.2f", kn.attainment! * 100) == "93.65")

        let dvco = try #require(c.ratio("DV_CO/DV"))
        #expect(String(format: "%.2f", dvco.value("current")! * 100) == "77.71")
        #expect(String(format: "%.2f", dvco.value("baseline")! * 100) == "76.74")
        // 638/821 - 630/821 = 8/821 = 0.97 points.
        #expect(abs(dvco.changePoints! - 800.0 / 821.0) < 1e-9)
        let dvchua = try #require(c.ratio("DV_CHUA/DV"))
        #expect(String(format: "%.2f", dvchua.value("baseline")! * 100) == "23.26")
        #expect(String(format: "%.2f", dvchua.value("current")! * 100) == "22.29")  // the article truncates to 22.28
        let tbchua = try #require(c.ratio("TB_CHUA/TB"))
        #expect(String(format: "%.2f", tbchua.value("current")! * 100) == "21.84")

        let trang = try #require(c.indicator("TB_TRANG"))
        #expect(trang.change == -24)
        #expect(abs(trang.relativeChange! - (-24.0 / 95.0)) < 1e-12)
        let tbco = try #require(c.indicator("TB_CO"))
        #expect(tbco.change == 12)
        #expect(String(format: "%.2f", tbco.relativeChange! * 100) == "0.85")

        let mnh = try #require(c.unit("MNH"))
        #expect(mnh.value("KN", "current") == 112)
        #expect(mnh.value("KN_CT", "current") == 154)
        #expect(mnh.value("TB_TRANG", "baseline") == 38)
        #expect(mnh.value("TB_TRANG", "current") == 18)
        #expect(abs(mnh.attainment["KN"]! - 112.0 / 154.0) < 1e-12)
    }

    @Test func rejectedAndMissingUnitsAreShownNotCountedAsZero() throws {
        var (subs, reports) = F.allAccepted()
        let figures = F.unitFigures()
        // MLA's file was rejected; TCH sent nothing; MCH was accepted with warnings.
        subs.removeAll { $0.unit == "MLA" || $0.unit == "TCH" }
        reports.removeAll { $0.unit == "TCH" }
        let i = try #require(reports.firstIndex { $0.unit == "MLA" })
        reports[i].status = .rejected
        reports[i].unit = nil  // the unit comes from the file name when the report has none
        reports[i].issues = [Issue(code: "nq04-dv-tong", severity: .error, file: reports[i].file)]
        let w = try #require(reports.firstIndex { $0.unit == "MCH" })
        reports[w].status = .acceptedWithWarnings

        let c = Consolidator(spec: F.spec).consolidate(subs, reports: reports, period: .year(2016))
        #expect(c.unit("MLA")?.status == .rejected)
        #expect(c.unit("MLA")?.file == "NQ04_MLA_2016.xlsx")
        #expect(c.unit("TCH")?.status == .missing)
        #expect(c.unit("MCH")?.status == .acceptedWithWarnings)
        #expect(c.unit("MLA")?.values.isEmpty == true)
        #expect(c.consolidatedUnits.count == 8)

        let expectedKN = F.units.map(\.code).filter { $0 != "MLA" && $0 != "TCH" }
            .map { figures[$0]!["KN"]!["current"]! }.reduce(0, +)
        let kn = try #require(c.indicator("KN")?.totals["current"])
        #expect(kn.value == expectedKN)
        #expect(kn.value < 1_873)
        #expect(kn.units == 8)
        #expect(kn.of == 10)

        let codes = c.issues.map { "\($0.code):\($0.params["unit"] ?? "")" }
        #expect(codes == ["unit-rejected:MLA", "unit-missing:TCH"])
        #expect(c.issues.allSatisfy { $0.severity == .error })
        #expect(c.issues[0].file == "NQ04_MLA_2016.xlsx")
        #expect(c.issues[0].params["errors"] == "1")
    }

    @Test func expectedUnitsRestrictTheUnitList() {
        let (subs, reports) = F.allAccepted()
        let only = Array(subs.prefix(3))
        let c = Consolidator(spec: F.spec).consolidate(
            only, reports: Array(reports.prefix(3)), period: .year(2016), expectedUnits: ["DBP", "MLA", "DBI", "MNH"])
        #expect(c.units.map(\.code) == ["DBP", "MLA", "DBI", "MNH"])
        #expect(c.unitCount == 4)
        #expect(c.issues.map(\.code) == ["unit-missing"])
        #expect(c.indicator("DV")?.totals["current"]?.of == 4)
    }

    @Test func aUnitThatWasNotExpectedIsListedAndCounted() {
        let (subs, reports) = F.allAccepted()
        let c = Consolidator(spec: F.spec).consolidate(
            Array(subs.prefix(2)), reports: Array(reports.prefix(2)), period: .year(2016), expectedUnits: ["DBP"])
        #expect(c.units.map(\.code) == ["DBP", "MLA"])
        #expect(c.units.map(\.expected) == [true, false])
        #expect(c.issues.isEmpty)
        let dv = F.unitFigures()
        let t = c.indicator("DV")?.totals["current"]
        #expect(t?.value == dv["DBP"]!["DV"]!["current"]! + dv["MLA"]!["DV"]!["current"]!)
        #expect(t?.units == 2)
        #expect(t?.of == 2)
    }

    @Test func laterSubmissionSupersedesAndOtherPeriodsAreNotCounted() throws {
        let figures = F.unitFigures()
        var first = F.submission("DBP", values: figures["DBP"]!)
        first.file = "NQ04_DBP_2016_v1.xlsx"
        var fixed = figures["DBP"]!
        fixed["KN"]!["current"]! += 5
        let second = F.submission("DBP", values: fixed)
        let old = F.submission("MLA", values: figures["MLA"]!, period: "2015")
        let c = Consolidator(spec: F.spec).consolidate(
            [first, second, old], reports: [first, second, old].map(F.accepted), period: .year(2016),
            expectedUnits: ["DBP", "MLA"])
        #expect(c.unit("DBP")?.file == second.file)
        #expect(c.indicator("KN")?.total("current") == figures["DBP"]!["KN"]!["current"]! + 5)
        #expect(c.unit("MLA")?.status == .missing)
        let codes = c.issues.map(\.code)
        #expect(codes == ["superseded", "unit-missing", "wrong-period"])
        #expect(c.issues[0].file == "NQ04_DBP_2016_v1.xlsx")
        #expect(c.issues[0].expected == "NQ04_DBP_2016.xlsx")
    }

    @Test func actionListHoldsVillagesWithoutMembersByUnitThenCommune() throws {
        let (subs, reports) = F.allAccepted()
        let c = Consolidator(spec: F.spec).consolidate(subs, reports: reports, period: .year(2016))
        #expect(c.actionRows.count == 71)
        #expect(c.actionRows.filter { $0.unit == "MNH" }.count == 18)
        #expect(c.actionRows.allSatisfy { $0.row["dang_vien"] == .number(0) })
        // Units in spec order, communes in order inside each unit.
        let unitOrder = F.units.map(\.code)
        let ranks = c.actionRows.map { unitOrder.firstIndex(of: $0.unit)! }
        #expect(ranks == ranks.sorted())
        for u in unitOrder {
            let xa = c.actionRows.filter { $0.unit == u }.compactMap { r -> String? in
                if case .string(let s) = r.row["xa"] { return s } else { return nil }
            }
            #expect(xa == xa.sorted())
        }
        let members = try #require(c.lists.first)
        #expect(members.rows.count == 1_873)
        #expect(members.rows.first?.unit == "DBP")
    }

    @Test func vietnameseSortPutsMarkedLettersWithTheirBase() {
        let rows = ["Đông", "Bản Xa", "Ẳng", "Dền", "Anh"].enumerated().map {
            ListRow(row: $0.offset, values: ["xa": .string($0.element), "dang_vien": .number(0)])
        }
        var spec = F.spec
        spec.units = [.init(code: "X", name: "X")]
        spec.indicators = []
        let s = Submission(file: "x.xlsx", unit: "X", period: "2016", values: [:], lists: ["thon_ban": rows])
        let c = Consolidator(spec: spec).consolidate([s], reports: [], period: .year(2016))
        let order = c.actionRows.map { r -> String in
            if case .string(let s) = r.row["xa"] { return s } else { return "" }
        }
        #expect(order == ["Ẳng", "Anh", "Bản Xa", "Dền", "Đông"])  // "ang" < "anh"; đ sorts as d
    }
}
