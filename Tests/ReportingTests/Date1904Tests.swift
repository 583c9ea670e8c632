import Foundation
import Testing
import XLSX

@testable import Reporting

/// Issue 15, item 1: one normalised date value. A submission saved in the 1904 date system
/// (`Fixtures/date_1904.xlsx`, openpyxl with `wb.epoch = CALENDAR_MAC_1904`) goes through
/// validation, consolidation and the provincial workbook with the figures and dates of its
/// 1900-system twin (`good.xlsx`, the same `build()`).
@Suite struct Date1904Tests {
    private func validate(_ fixture: String) throws -> (FileReport, Submission) {
        let dir = TempDir()
        let path = dir.path + "/NQ04_MNH_2016.xlsx"
        try FileManager.default.copyItem(atPath: Repo.fixtures + "/" + fixture, toPath: path)
        let (report, submission) = Validator(template: nq04, period: nq04.period.parse("2016")).validate(path: path)
        return (report, try #require(submission, "\(fixture): \(report.issues.map(\.code))"))
    }

    @Test func a1904WorkbookGivesTheFiguresOfIts1900Twin() throws {
        let (r1900, s1900) = try validate("good.xlsx")
        let (r1904, s1904) = try validate("date_1904.xlsx")
        #expect(r1904.status == .accepted && r1904.issues.isEmpty, "\(r1904.issues.map(\.code))")
        #expect(r1904 == r1900)
        #expect(s1904.values == s1900.values)
        #expect(s1904.lists == s1900.lists)
        // The dates themselves, not only their agreement: 1900-system serials.
        let joined = ExcelDate(serial: ExcelDate.serial(year: 2016, month: 3, day: 15))
        #expect(s1904.lists["ket_nap"]?.first?["ngay_ket_nap"] == .date(joined))

        let spec = try ConsolidationSpec.load(template: nq04)
        let c1900 = Consolidator(spec: spec).consolidate([s1900], reports: [r1900], period: .year(2016), expectedUnits: ["MNH"])
        let c1904 = Consolidator(spec: spec).consolidate([s1904], reports: [r1904], period: .year(2016), expectedUnits: ["MNH"])
        #expect(c1904 == c1900)
        let b1900 = try ProvincialWorkbook.build(c1900, reports: [r1900]).bytes()
        let b1904 = try ProvincialWorkbook.build(c1904, reports: [r1904]).bytes()
        #expect(b1904 == b1900, "the provincial workbook differs")
    }

    /// A plain number (no date format) typed into a date field is a serial of the
    /// workbook's own date system: in a 1904 workbook, 1,462 days later than in a 1900 one.
    @Test func plainNumberInADateFieldFollowsTheWorkbooksDateSystem() {
        let day = ExcelDate.serial(year: 2016, month: 3, day: 15)
        let in1900 = FieldReader.read(SheetCell(value: .number(day)), as: .date, system: .d1900)
        let in1904 = FieldReader.read(SheetCell(value: .number(day - ExcelDate.offset1904)), as: .date, system: .d1904)
        #expect(in1900 == .value(.date(ExcelDate(serial: day)), fromText: false))
        #expect(in1904 == in1900)
        // Past 9999-12-31 once moved: no date.
        #expect(FieldReader.read(SheetCell(value: .number(2_958_000)), as: .date, system: .d1904) == .wrongType(found: "2958000"))
    }
}
