import Reporting
import Testing
import XLSX

@Suite struct ConsolidationCrossUnitTests {
    typealias F = ConsolidationFixtures

    func member(_ row: Int, _ name: String, _ y: Int, _ m: Int, _ d: Int) -> ListRow {
        ListRow(row: row, values: [
            "ho_ten": .string(name),
            "ngay_sinh": .date(ExcelDate(serial: ExcelDate.serial(year: y, month: m, day: d))),
        ])
    }

    func village(_ row: Int, _ xa: String, _ thon: String) -> ListRow {
        ListRow(row: row, values: ["xa": .string(xa), "thon": .string(thon), "dang_vien": .number(4)])
    }

    func consolidate(_ lists: [String: [String: [ListRow]]]) -> Consolidation {
        let subs = lists.keys.sorted().map { u in
            Submission(file: "NQ04_\(u)_2016.xlsx", unit: u, period: "2016", values: [:], lists: lists[u]!)
        }
        return Consolidator(spec: F.spec).consolidate(
            subs, reports: subs.map(F.accepted), period: .year(2016), expectedUnits: lists.keys.sorted())
    }

    @Test func samePersonInTwoUnitsIsReportedOnBothSides() throws {
        // Same name written with a decomposed "ễ", other case and extra spaces: the same person.
        let c = consolidate([
            "DBI": ["ket_nap": [member(3, "Nguyễn Văn Hùng", 1995, 3, 2), member(4, "Lò Thị Mai", 1998, 1, 1)]],
            "MNH": ["ket_nap": [member(3, "Lò Thị Mai", 1998, 1, 2), member(7, "  nguye\u{0302}\u{0303}n  văn HÙNG ", 1995, 3, 2)]],
            "TGI": ["ket_nap": [member(3, "Nguyễn Văn Hưng", 1995, 3, 2)]],  // another person: ư is not u
        ])
        let dup = c.issues.filter { $0.code == "duplicate-member" }
        #expect(dup.count == 2)
        #expect(dup.map { $0.params["unit"]! } == ["DBI", "MNH"])
        let dbi = try #require(dup.first)
        #expect(dbi.severity == .warning)
        #expect(dbi.file == "NQ04_DBI_2016.xlsx")
        #expect(dbi.sheet == "Kết nạp")
        #expect(dbi.params["row"] == "4")
        #expect(dbi.params["otherUnits"] == "MNH")
        #expect(dbi.expected == "DBI, MNH")
        #expect(dbi.found == "Nguyễn Văn Hùng, 02/03/1995")
        #expect(dbi.params["otherFiles"] == "NQ04_MNH_2016.xlsx (8)")
        #expect(dbi.params["ngay_sinh"] == "02/03/1995")
        #expect(c.issues.allSatisfy { $0.code == "duplicate-member" })
    }

    @Test func villageClaimedByTwoUnits() {
        let c = consolidate([
            "MCH": ["thon_ban": [village(3, "Xã Sá Tổng", "Bản Huổi Lóng"), village(4, "Xã Sá Tổng", "Bản Trạng")]],
            "MNH": ["thon_ban": [village(3, "Xã Chung Chải", "Bản Trạng"), village(4, "xã sá tổng", "bản huổi lóng")]],
        ])
        let v = c.issues.filter { $0.code == "village-claimed-twice" }
        #expect(v.map { "\($0.params["unit"]!):\($0.params["row"]!)" } == ["MCH:4", "MNH:5"])
        #expect(v.first?.found == "Xã Sá Tổng, Bản Huổi Lóng")
        #expect(v.first?.sheet == "Thôn bản")
    }

    @Test func repeatsInsideOneUnitAreNotCrossUnitIssues() {
        let c = consolidate([
            "DBI": ["ket_nap": [member(3, "Lò Văn A", 1990, 1, 1), member(4, "Lò Văn A", 1990, 1, 1)]],
            "MNH": ["ket_nap": [member(3, "Lò Văn A", 1990, 1, 2)]],
        ])
        #expect(c.issues.isEmpty)
    }
}
