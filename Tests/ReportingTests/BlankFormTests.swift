import Foundation
import Testing
import XLSX

@testable import Reporting

/// The blank form written from the template, opened by openpyxl (not our reader), and
/// filled in by openpyxl with correct figures: it must validate clean.
@Suite(.enabled(if: Python.available, "needs python3 with openpyxl"))
struct BlankFormTests {
    let mnh = nq04.unit("MNH")!
    let period = nq04.period.parse("2016")!

    private func describe(_ path: String) throws -> [String: Any] {
        let r = try Python.run([Python.fixtureScript, "--describe", path])
        try #require(r.status == 0, "\(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    @Test func aFilledBlankFormValidatesClean() throws {
        let dir = TempDir()
        let blank = dir.path + "/blank.xlsx", filled = dir.path + "/NQ04_MNH_2016.xlsx"
        try BlankForm.build(nq04, unit: mnh, period: period).write(to: blank)
        let r = try Python.run([Python.fixtureScript, "--fill", blank, filled])
        try #require(r.status == 0, "\(r.stderr)")
        let (report, submission) = Validator(template: nq04, period: period).validate(path: filled)
        #expect(report.issues.map { "\($0.code) \($0.sheet ?? "")!\($0.cell ?? "")" } == [])
        #expect(report.status == .accepted)
        #expect(submission?.values["DV"] == ["baseline": 10, "current": 10])
        #expect(submission?.lists["thon_ban"]?.count == 5)
    }

    @Test func anEmptyBlankFormIsRejectedForBlanksOnly() throws {
        let dir = TempDir()
        let blank = dir.path + "/NQ04_MNH_2016.xlsx"
        try BlankForm.build(nq04, unit: mnh, period: period).write(to: blank)
        let report = Validator(template: nq04, period: period).validate(path: blank).0
        #expect(Set(report.issues.map(\.code)) == ["blank-required"])
        #expect(report.unit == "MNH" && report.period == "2016")
    }

    @Test func inputsAreUnlockedShadedAndValidatedTheRestLocked() throws {
        let dir = TempDir()
        let blank = dir.path + "/blank.xlsx"
        try BlankForm.build(nq04, unit: mnh, period: period).write(to: blank)
        let d = try describe(blank)
        #expect(d["sheets"] as? [String] == ["Thông tin", "Chỉ tiêu", "Thôn bản", "Kết nạp", "Danh mục", "Hướng dẫn"])
        let info = try #require(d["Thông tin"] as? [String: Any])
        #expect(info["protected"] as? Bool == true)
        #expect(info["unlocked"] as? [String] == ["B7", "B8", "B9"])
        let values = try #require(info["values"] as? [String: Any])
        #expect(values["B3"] as? String == "NQ04" && values["B4"] as? String == "MNH" && values["B6"] as? String == "2016")
        #expect(values["B5"] as? String == "Huyện ủy Mường Nhé")
        let form = try #require(d["Chỉ tiêu"] as? [String: Any])
        #expect(form["protected"] as? Bool == true)
        let unlocked = try #require(form["unlocked"] as? [String])
        #expect(unlocked.contains("F5") && !unlocked.contains("E5"))  // KN_CT has no baseline
        #expect(unlocked.contains("E7") && !unlocked.contains("A7") && !unlocked.contains("C7"))
        #expect(form["shaded_count"] as? Int == form["unlocked_count"] as? Int)
        #expect((form["validations"] as? [String])?.contains("whole:0") == true)
        let formValues = try #require(form["values"] as? [String: Any])
        #expect(formValues["A5"] as? String == "KN_CT" && formValues["E5"] as? String == "—")
        let villages = try #require(d["Thôn bản"] as? [String: Any])
        let v = try #require(villages["validations"] as? [String])
        #expect(v.contains("list:\"Có,Không\""))
        #expect(v.contains { $0.hasPrefix("list:'Danh mục'!$A$2") })
        #expect(v.contains("whole:0"))
        let instructions = try #require(d["Hướng dẫn"] as? [String: Any])
        let lines = try #require(instructions["values"] as? [String: Any])
        #expect(lines["A1"] as? String == "HƯỚNG DẪN ĐIỀN BIỂU MẪU NQ04")
        // Rules in words in both languages, not their expressions; the file name filled in for the unit.
        let texts = lines.values.compactMap { $0 as? String }
        #expect(texts.contains("• Lỗi: Đơn vị cơ sở đã có và chưa có tổ chức cơ sở đảng cộng lại bằng tổng số đơn vị cơ sở (cả hai cột)\n"
            + "   Error: Units with and without a party organisation add up to all grassroots units (both columns)"))
        #expect(!texts.contains { $0.contains("DV_CO + DV_CHUA") || $0.contains("==") })
        #expect(texts.contains { $0.hasSuffix("Đặt tên tệp là NQ04_MNH_2016.xlsx.") })
    }

    /// A list longer than 200 rows (a sample district lists 450 villages) can be typed in:
    /// the input area is the template's `blank_rows`, 1,000 rows by default, all unlocked.
    @Test func listInputAreaIsSizedFromTheTemplate() throws {
        let dir = TempDir()
        let blank = dir.path + "/blank.xlsx"
        try BlankForm.build(nq04, unit: mnh, period: period).write(to: blank)
        let villages = try #require(try describe(blank)["Thôn bản"] as? [String: Any])
        let list = try #require(nq04.lists.first { $0.id == "thon_ban" })
        #expect(list.blankRows == ListSheet.defaultBlankRows && ListSheet.defaultBlankRows >= 1000)
        #expect(villages["unlocked_count"] as? Int == list.columns.count * ListSheet.defaultBlankRows)
        #expect(villages["unlocked_last_row"] as? Int == list.headerRow + 1 + ListSheet.defaultBlankRows)

        var small = nq04
        small.lists[0].blankRows = 50
        let smallPath = dir.path + "/small.xlsx"
        try BlankForm.build(small, unit: mnh, period: period).write(to: smallPath)
        let few = try #require(try describe(smallPath)[small.lists[0].sheet] as? [String: Any])
        #expect(few["unlocked_count"] as? Int == small.lists[0].columns.count * 50)
        #expect(few["unlocked_last_row"] as? Int == small.lists[0].headerRow + 1 + 50)
    }

    @Test func withoutAUnitTheUnitCellIsADropdown() throws {
        let dir = TempDir()
        let blank = dir.path + "/blank.xlsx"
        try BlankForm.build(nq04).write(to: blank)
        let info = try #require(try describe(blank)["Thông tin"] as? [String: Any])
        #expect((info["unlocked"] as? [String])?.contains("B4") == true)
        #expect((info["validations"] as? [String])?.contains { $0.hasPrefix("list:\"DBP,MLA") } == true)
    }

    @Test func sameTemplateGivesSameBytes() throws {
        let a = try BlankForm.build(nq04, unit: mnh, period: period).bytes()
        let b = try BlankForm.build(nq04, unit: mnh, period: period).bytes()
        #expect(a == b)
    }
}
