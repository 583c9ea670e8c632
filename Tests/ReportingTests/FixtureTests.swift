import Foundation
import Testing
import XLSX

@testable import Reporting

/// Validation of real files written by openpyxl (`Fixtures/make_fixtures.py`), each named
/// after the one thing it breaks. Each is copied under a proper submission name first.
@Suite struct FixtureTests {
    let validator = Validator(template: nq04, period: nq04.period.parse("2016"))

    private func validate(_ fixture: String) -> (FileReport, Submission?) {
        let dir = TempDir()
        let path = dir.path + "/NQ04_MNH_2016.xlsx"
        try? FileManager.default.copyItem(atPath: Repo.fixtures + "/" + fixture, toPath: path)
        return validator.validate(path: path)
    }

    private func issues(_ fixture: String) -> [String] {
        validate(fixture).0.issues.map { "\($0.code) \($0.sheet ?? "-")!\($0.cell ?? "-")" }
    }

    @Test func goodFileIsAcceptedWithItsFigures() throws {
        let (r, s) = validate("good.xlsx")
        #expect(r.status == .accepted)
        #expect(r.issues.isEmpty)
        let sub = try #require(s)
        #expect(sub.unit == "MNH" && sub.period == "2016" && sub.file == "NQ04_MNH_2016.xlsx")
        #expect(sub.values["TB_TRANG"] == ["baseline": 2, "current": 1])
        #expect(sub.lists["ket_nap"]?.first?["ngay_ket_nap"] == .date(ExcelDate(serial: ExcelDate.serial(year: 2016, month: 3, day: 15))))
        #expect(sub.lists["thon_ban"]?.map { $0["xa"] }.first == .string("Xã Mường Nhé"))
    }

    @Test func formulaWithoutCachedValue() {
        #expect(issues("formula_without_value.xlsx") == ["formula-without-value Chỉ tiêu!F9"])
    }

    @Test func hiddenSheetWithData() {
        #expect(issues("hidden_sheet_data.xlsx") == ["data-in-hidden-sheet Nháp!C3"])
    }

    @Test func numbersTypedAsTextAreFlaggedAndRead() throws {
        let (r, s) = validate("number_as_text.xlsx")
        #expect(r.issues.map { "\($0.code) \($0.sheet ?? "-")!\($0.cell ?? "-")" } == ["number-as-text Chỉ tiêu!F7", "number-as-text Thôn bản!F4"])
        #expect(r.status == .acceptedWithWarnings)
        #expect(s?.values["DV"]?["current"] == 10)
        #expect(s?.lists["thon_ban"]?.first?["dang_vien"] == .number(12))
    }

    @Test func dateTypedAsText() {
        #expect(issues("date_as_text.xlsx") == ["date-as-text Kết nạp!C4"])
    }

    @Test func nfdNamesUpperCaseHeadersAndInsertedRowsAreTolerated() {
        #expect(issues("nfd_headers_inserted_rows.xlsx") == [])
    }

    @Test func duplicateVillage() {
        #expect(issues("duplicate_village.xlsx") == ["duplicate-key Thôn bản!B5"])
    }

    @Test func dataOutsideTheArea() {
        #expect(issues("data_outside_area.xlsx") == ["data-outside-area Thôn bản!K6", "data-outside-area Thôn bản!C12"])
    }

    @Test func unreadableFileGetsAnUnreadableReport() {
        let dir = TempDir()
        let path = dir.write("NQ04_MNH_2016.xlsx", "%PDF-1.4 not a workbook")
        let (r, s) = validator.validate(path: path)
        #expect(r.status == .unreadable)
        #expect(r.issues.map(\.code) == ["unreadable-file"])
        #expect(r.unit == nil)
        #expect(s == nil)
        let missing = validator.validate(path: dir.path + "/nowhere.xlsx").0
        #expect(missing.status == .unreadable)
        // Parser messages with line breaks become one line (the CLI prints one line per file).
        let multi = validator.unreadable("x.xlsx", reason: "malformed XML: bad byte\nBytes: 0xC0 0xAF\n", where: "xl/workbook.xml:2")
        #expect(multi.issues[0].found == "malformed XML: bad byte Bytes: 0xC0 0xAF")
        #expect(multi.issues[0].params["where"] == "xl/workbook.xml:2")
    }

    @Test func theSamplesValidateAsTheirReadmeSays() throws {
        // Samples/2016 holds the ten consistent 2016 submissions; invalid/expected.json what each broken one must get.
        let samples = Repo.root + "/Samples/2016"
        let files = (try? FileManager.default.contentsOfDirectory(atPath: samples))?.filter { $0.hasSuffix(".xlsx") }.sorted() ?? []
        try #require(!files.isEmpty, "Samples/ is empty")
        for f in files {
            let (r, s) = validator.validate(path: samples + "/" + f)
            #expect(r.errorCount == 0, "\(f): \(r.issues.filter { $0.severity == .error }.map(\.code))")
            #expect(s != nil, "\(f)")
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: Repo.root + "/Samples/invalid/expected.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let expected = try #require(json["files"] as? [String: [String: Any]])
        for (file, want) in expected.sorted(by: { $0.key < $1.key }) {
            let r = validator.validate(path: Repo.root + "/Samples/invalid/" + file).0
            #expect(r.status.rawValue == want["status"] as? String, "\(file)")
            for issue in want["issues"] as? [[String: Any]] ?? [] {
                let code = issue["code"] as? String
                let at = issue["at"] as? [String] ?? []
                let found = r.issues.contains { i in
                    i.code == code && i.severity.rawValue == issue["severity"] as? String
                        && (at.isEmpty || at.contains { $0 == "\(i.sheet ?? "")!\(i.cell ?? "")" || $0 == i.sheet })
                }
                #expect(found, "\(file): \(code ?? "?") at \(at) not in \(r.issues.map { "\($0.code) \($0.sheet ?? "")!\($0.cell ?? "")" })")
            }
        }
    }
}
