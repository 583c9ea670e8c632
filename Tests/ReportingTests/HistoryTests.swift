import Testing
import XLSX

@testable import Reporting

/// The job's memory across periods in validation: `prev()` rules, baselines taken from the
/// history, outliers, timeliness and yearly targets.
@Suite struct HistoryTests {
    let good = SubmissionBuilder()

    /// MNH's accepted 2015 figures (current column), as the ledger would give them.
    func history(_ figures: [String: Double], unit: String = "MNH", period: String = "2015") -> History {
        History(periods: [period: [unit: figures.mapValues { ["current": $0] }]])
    }

    func validate(_ b: SubmissionBuilder, _ h: History) -> (FileReport, Submission?) {
        var v = Validator(template: nq04, period: nq04.period.parse("2016"))
        v.history = h
        return v.validate(b.snapshot)
    }

    @Test func aPrevRuleFailsWhenTheFigureMoreThanDoublesLastYears() {
        // KN 2016 is 2: at most twice 2015's.
        let failing = validate(good, history(["KN": 0.9]))
        #expect(failing.0.issues.map(\.code) == ["nq04-kn-tang-dot-bien"])
        #expect(failing.0.status == .acceptedWithWarnings)
        let words = IssueCatalogue.message(for: failing.0.issues[0], lang: .en)
        #expect(words.contains("(2)") && words.contains("1.8"), "\(words)")
        #expect(validate(good, history(["KN": 1])).0.issues.isEmpty)
        // No history for the unit (another unit's, another period's): the rule is unknown, not failed.
        #expect(validate(good, history(["KN": 0.5], unit: "DBD")).0.issues.isEmpty)
        #expect(validate(good, history(["KN": 0.5], period: "2014")).0.issues.isEmpty)
        #expect(good.validate().0.issues.isEmpty)
    }

    @Test func prevAndChangeParseOnlyOverIndicators() throws {
        let e = try Expression("prev(KN, \"2015\") > 1 and change_pct(TB_TRANG.current) <= -15")
        #expect(e.source.contains("prev"))
        #expect(throws: ExpressionError.self) { try Expression("prev(1) > 0") }
        #expect(throws: ExpressionError.self) { try Expression("prev(KN, 2015) > 0") }
    }

    @Test func aBlankBaselineIsTakenFromTheAcceptedFigureOfTheBaselinePeriod() throws {
        // DV's baseline (E7) left blank; the 2015 accepted DV is 10.
        let blank = good.with("Chỉ tiêu", "E7", .empty)
        #expect(blank.codes().contains("blank-required"))
        let (report, submission) = validate(blank, history(["DV": 10]))
        #expect(report.issues.map(\.code) == ["value-from-history"])
        #expect(report.issues[0].cell == "E7")
        #expect(report.status == .accepted)  // an info only
        #expect(submission?.values["DV"]?["baseline"] == 10)
        #expect(IssueCatalogue.message(for: report.issues[0], lang: .vi).contains("kỳ 2015"))
    }

    @Test func aTypedBaselineThatDiffersFromTheHistoryIsWarned() {
        let (report, submission) = validate(good, history(["DV": 11]))
        #expect(report.issues.map(\.code) == ["differs-from-history"])
        #expect(report.issues[0].found == "10" && report.issues[0].expected == "11")
        #expect(submission?.values["DV"]?["baseline"] == 10)  // what the district typed counts
    }

    // MARK: Outliers

    func submission(_ unit: String, kn: Double) -> Submission {
        var s = Submission(file: "NQ04_\(unit)_2016.xlsx", unit: unit, period: "2016", values: ["KN": ["current": kn]], lists: [:])
        s.cells = ["KN": ["current": IndicatorCell(sheet: "Chỉ tiêu", cell: "F6")]]
        return s
    }

    @Test func aFigureFarFromTheOtherUnitsChangesIsWarnedInBothLanguages() throws {
        let last: [String: Double] = ["DBP": 250, "MLA": 38, "DBI": 360, "DBD": 64, "MAN": 160, "MCH": 150, "MNH": 120]
        let now: [String: Double] = ["DBP": 258, "MLA": 40, "DBI": 372, "DBD": 192, "MAN": 165, "MCH": 142, "MNH": 112]
        var h = History()
        for (u, v) in last { h.periods["2015", default: [:]][u] = ["KN": ["current": v]] }
        let units = now.keys.sorted()
        let found = OutlierFinder(template: nq04).issues(for: units.map { submission($0, kn: now[$0]!) }, history: h, period: .year(2016))
        let flagged = zip(units, found).filter { !$0.1.isEmpty }.map(\.0)
        #expect(flagged == ["DBD"])
        let issue = try #require(found[units.firstIndex(of: "DBD")!].first)
        #expect(issue.code == "outlier" && issue.severity == .warning && issue.cell == "F6")
        let en = IssueCatalogue.message(for: issue, lang: .en), vi = IssueCatalogue.message(for: issue, lang: .vi)
        #expect(en.contains("DBD's 192 is far above its usual"), "\(en)")
        #expect(vi.contains("192 của DBD cao hơn nhiều so với mức thường thấy"), "\(vi)")
        // The usual range is DBD's 64 scaled by the middle half of the others' ratios: around 60–67.
        let low = Double(issue.params["low"]!)!, high = Double(issue.params["high"]!)!
        #expect(low > 55 && high < 75 && low < high)
        // Too few units with a previous figure: no comparison.
        let few = OutlierFinder(template: nq04).issues(
            for: ["DBD", "MNH"].map { submission($0, kn: now[$0]!) }, history: h, period: .year(2016))
        #expect(few.allSatisfy { $0.isEmpty })
    }

    @Test func aFigureFarFromTheUnitsOwnHistoryIsWarned() {
        var h = History()
        for (p, v) in [("2012", 100.0), ("2013", 90), ("2014", 120), ("2015", 110)] {
            h.periods[p, default: [:]]["DBD"] = ["KN": ["current": v]]
        }
        let found = OutlierFinder(template: nq04).issues(for: [submission("DBD", kn: 412)], history: h, period: .year(2016))
        #expect(found[0].count == 1)
        #expect(IssueCatalogue.message(for: found[0][0], lang: .en).hasSuffix("DBD's 412 is far above its usual 90–120"))
        let usual = OutlierFinder(template: nq04).issues(for: [submission("DBD", kn: 115)], history: h, period: .year(2016))
        #expect(usual[0].isEmpty)
    }

    // MARK: Timeliness

    @Test func unitsAreOnTimeLateMissingOrAwaitingACorrectedFile() throws {
        let deadline = try #require(Timestamp(iso: "2016-11-15 17:00", defaultOffset: 7 * 3600))
        func at(_ s: String) -> Timestamp { Timestamp(iso: s, defaultOffset: 7 * 3600)! }
        let t = Timeliness.compute(
            deadline: deadline,
            expected: [("A", "a"), ("B", "b"), ("C", "c"), ("D", "d"), ("E", "e")],
            attempts: [
                "A": [.init(received: at("2016-11-10 09:00"), acceptable: true)],
                "B": [.init(received: at("2016-11-16 10:20"), acceptable: true)],
                "D": [.init(received: at("2016-11-14 08:00"), acceptable: false)],
                "E": [.init(received: at("2016-11-12 08:00"), acceptable: false), .init(received: at("2016-11-15 16:59"), acceptable: true)],
            ],
            current: ["A": true, "B": true, "D": false, "E": true])
        #expect(t.units.map(\.state) == [.onTime, .late, .missing, .rejected, .onTime])
        #expect(t.units[1].lateBy == Int64(17 * 3600 + 20 * 60))
        #expect(Timeliness.words(t.units[1], .en) == "late by 17 h 20 min")
        #expect(Timeliness.words(t.units[1], .vi) == "nộp muộn 17 giờ 20 phút")
        #expect(t.units[4].afterCorrection)
        #expect(t.summary == "2/5 on time, 1 late, 1 rejected, awaiting a corrected file, 1 missing")
        #expect(t.summaryVietnamese.hasPrefix("2/5 đúng hạn, 1 nộp muộn"))
        let none = Timeliness.compute(deadline: nil, expected: [("A", "a")], attempts: ["A": [.init(received: at("2020-01-01 00:00"), acceptable: true)]], current: ["A": true])
        #expect(none.summary == "1/1 received")
    }

    @Test func timestampsParseAndPrintInTheirOwnOffset() throws {
        let t = try #require(Timestamp(iso: "2016-11-16T10:20:00+07:00"))
        #expect(t.seconds == 1_479_266_400)
        #expect(t.iso == "2016-11-16T10:20:00+07:00")
        #expect(t.shown(in: 0).iso == "2016-11-16T03:20:00Z")
        #expect(t.dayMonthYearTime == "16/11/2016 10:20")
        #expect(Timestamp(iso: "2016-02-30T10:00:00Z") == nil)
        #expect(Timestamp(iso: "2016-11-16 10:20") == nil)  // no zone, none given
        #expect(Timestamp(iso: "2016-11-16 10:20", defaultOffset: 7 * 3600) == t)
    }

    @Test func yearlyTargetsAreOnCourseOrNot() throws {
        let fall = try #require(nq04.targets.first { $0.code == "tb-trang-giam" })
        let now: [String: Double] = ["TB_TRANG": 71], before: [String: Double] = ["TB_TRANG": 95]
        let v = fall.value(current: { now[$0] }, previous: { before[$0] })
        #expect(abs(v! - (-25.263)) < 0.01)
        #expect(fall.onCourse(v, current: { now[$0] }, previous: { before[$0] }) == true)
        let slow: [String: Double] = ["TB_TRANG": 90]
        #expect(fall.onCourse(fall.value(current: { slow[$0] }, previous: { before[$0] }), current: { slow[$0] }, previous: { before[$0] }) == false)
        let zero: [String: Double] = ["TB_TRANG": 0]
        #expect(fall.onCourse(nil, current: { zero[$0] }, previous: { zero[$0] }) == true)
        #expect(Period.year(2016).previous == .year(2015))
        #expect(Period.quarter(2016, 1).previous == .quarter(2015, 4))
    }
}
