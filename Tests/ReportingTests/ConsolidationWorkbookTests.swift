import Foundation
import Reporting
import Testing
import XLSX

/// The provincial workbook made from in-memory submissions, read back by openpyxl.
@Suite struct ConsolidationWorkbookTests {
    typealias F = ConsolidationFixtures

    static func written(_ c: Consolidation, reports: [FileReport]) throws -> (OpenpyxlDump, ConsolidationTempDir) {
        let dir = try ConsolidationTempDir()
        let path = dir.path + "/tong-hop.xlsx"
        try ProvincialWorkbook.write(c, reports: reports, to: path)
        return (try OpenpyxlDump.load(path), dir)
    }

    /// The column (letters) of the by-unit sheet whose indicator header ends with `(CODE)`,
    /// plus `offset` (0 baseline, 1 current for two-column indicators).
    static func byUnitColumn(_ s: OpenpyxlDump.Sheet, _ code: String, offset: Int = 0) -> String? {
        for col in 0..<60 {
            let name = CellRef.columnName(col)
            if s["\(name)4"]?.text?.hasSuffix("(\(code))") == true { return CellRef.columnName(col + offset) }
        }
        return nil
    }

    @Test(.enabled(if: OpenpyxlDump.available, "python3 with openpyxl is not installed"))
    func summaryShowsThePublishedFigures() throws {
        let (subs, reports) = F.allAccepted()
        let c = Consolidator(spec: F.spec).consolidate(subs, reports: reports, period: .year(2016))
        let (dump, dir) = try Self.written(c, reports: reports)
        defer { dir.remove() }

        #expect(dump.sheets.map(\.name) == ["Tổng hợp", "Biểu đồ", "Theo đơn vị", "Thôn trắng đảng viên", "Đảng viên kết nạp", "Lỗi kiểm tra"])
        let s = try #require(dump.sheet("Tổng hợp"))
        func row(_ code: String) throws -> Int { try #require(s.row(where: "B", is: code), "no row \(code)") }

        let kn = try row("KN")
        #expect(s["F\(kn)"]?.number == 1_873)
        #expect(s["F\(kn)"]?.format == "#,##0")
        #expect(s["I\(kn)"]?.number == 2_000)
        let att = try #require(s["J\(kn)"])
        #expect(abs(att.number! - 0.9365) < 1e-12)
        #expect(att.format == "0.00%")
        #expect(att.formula == "=F\(kn)/I\(kn)")
        #expect(s["K\(kn)"]?.text == "10/10 đơn vị")

        let dv = try row("DV"), dvco = try row("DV_CO"), dvchua = try row("DV_CHUA")
        #expect(s["F\(dv)"]?.number == 821)
        #expect(s["F\(dvco)"]?.number == 638)
        #expect(s["E\(dvchua)"]?.number == 191)
        #expect(s["F\(dvchua)"]?.number == 183)
        #expect(s["F\(dv)"]?.formula?.hasPrefix("='Theo đơn vị'!") == true)

        let ratio = try row("DV_CO/DV")
        #expect(String(format: "%.4f", s["F\(ratio)"]!.number!) == "0.7771")
        #expect(s["F\(ratio)"]?.format == "0.00%")
        let tb = try row("TB"), tbco = try row("TB_CO"), tbchua = try row("TB_CHUA")
        #expect(s["F\(tb)"]?.number == 1_813)
        #expect(s["F\(tbco)"]?.number == 1_417)
        #expect(s["F\(tbchua)"]?.number == 396)
        let tbRatio = try row("TB_CHUA/TB")
        #expect(String(format: "%.4f", s["F\(tbRatio)"]!.number!) == "0.2184")

        let trang = try row("TB_TRANG")
        #expect(s["E\(trang)"]?.number == 95)
        #expect(s["F\(trang)"]?.number == 71)
        #expect(s["G\(trang)"]?.number == -24)
        #expect(s["G\(trang)"]?.formula == "=F\(trang)-E\(trang)")

        // Print-ready: A4 landscape, one page wide, header repeated, frozen header.
        #expect(s.orientation == "landscape")
        #expect(s.paperSize == 9)
        #expect(s.fitToWidth == 1)
        #expect(s.fitToPage)
        #expect(s.printTitleRows == "$5:$5")
        #expect(s.freeze == "A6")
        #expect(s.merged.contains("A1:K1"))
        #expect((s.widths["C"] ?? 0) >= 40)
    }

    @Test(.enabled(if: OpenpyxlDump.available, "python3 with openpyxl is not installed"))
    func byUnitSheetHasEveryUnitAndFormulaTotals() throws {
        let (subs, reports) = F.allAccepted()
        let c = Consolidator(spec: F.spec).consolidate(subs, reports: reports, period: .year(2016))
        let (dump, dir) = try Self.written(c, reports: reports)
        defer { dir.remove() }
        let s = try #require(dump.sheet("Theo đơn vị"))
        let mnh = try #require(s.row(where: "B", is: "MNH"))
        let kn = try #require(Self.byUnitColumn(s, "KN"))
        let knct = try #require(Self.byUnitColumn(s, "KN_CT"))
        let trangB = try #require(Self.byUnitColumn(s, "TB_TRANG"))
        let trangC = try #require(Self.byUnitColumn(s, "TB_TRANG", offset: 1))
        #expect(s["\(kn)\(mnh)"]?.number == 112)
        #expect(s["\(knct)\(mnh)"]?.number == 154)
        #expect(s["\(trangB)\(mnh)"]?.number == 38)
        #expect(s["\(trangC)\(mnh)"]?.number == 18)
        #expect(s["D\(mnh)"]?.text == "Đã tiếp nhận")

        let total = 6 + 10
        #expect(s["A\(total)"]?.text == "Tổng cộng (10/10 đơn vị)")
        #expect(s["\(kn)\(total)"]?.formula == "=SUM(\(kn)6:\(kn)15)")
        #expect(s["\(kn)\(total)"]?.number == 1_873)
        #expect(s["\(trangC)\(total)"]?.number == 71)
        #expect(s.printTitleRows == "$4:$5")
        #expect(s.freeze == "D6")

        let v = try #require(dump.sheet("Thôn trắng đảng viên"))
        #expect(v.maxRow == 4 + 71)
        #expect(v["A4"]?.text == "STT")
        #expect(v["A75"]?.number == 71)
        let m = try #require(dump.sheet("Đảng viên kết nạp"))
        #expect(m.maxRow == 4 + 1_873)
        #expect(m["B5"]?.text == "Thành ủy Điện Biên Phủ")
        #expect(m["D5"]?.format == "dd/mm/yyyy")
        #expect(m["D5"]?.text?.hasPrefix("1990-") == true)
        let issues = try #require(dump.sheet("Lỗi kiểm tra"))
        #expect(issues.maxRow == 4 + 10)  // one "no issue" row per file
        #expect(issues["K5"]?.text == "Không có lỗi")
    }

    @Test(.enabled(if: OpenpyxlDump.available, "python3 with openpyxl is not installed"))
    func rejectedAndMissingUnitsAreShownNotCounted() throws {
        var (subs, reports) = F.allAccepted()
        subs.removeAll { $0.unit == "MLA" || $0.unit == "TCH" }
        reports.removeAll { $0.unit == "TCH" }
        let i = reports.firstIndex { $0.unit == "MLA" }!
        reports[i].status = .rejected
        reports[i].issues = [Issue(code: "nq04-dv-tong", severity: .error, file: reports[i].file, sheet: "Chỉ tiêu", cell: "F7",
                                   expected: "821", found: "820")]
        let c = Consolidator(spec: F.spec).consolidate(subs, reports: reports, period: .year(2016))
        let (dump, dir) = try Self.written(c, reports: reports)
        defer { dir.remove() }

        let u = try #require(dump.sheet("Theo đơn vị"))
        let mla = try #require(u.row(where: "B", is: "MLA"))
        let tch = try #require(u.row(where: "B", is: "TCH"))
        #expect(u["D\(mla)"]?.text == "Bị từ chối")
        #expect(u["D\(tch)"]?.text == "Chưa nộp")
        #expect(u["E\(tch)"]?.text?.hasPrefix("Chưa nộp") == true)
        // The note is merged over each printed page's part of the row (pages split between indicators).
        let parts = u.merged.filter { CellRange($0).map { $0.first.row == tch - 1 && $0.first.column >= 4 } ?? false }
        #expect(parts.count >= 2 && parts.contains("E\(tch):F\(tch)"), "\(parts)")
        #expect(u["G\(tch)"]?.text?.hasPrefix("Chưa nộp") == true)
        #expect(u["A16"]?.text == "Tổng cộng (8/10 đơn vị)")
        let kn = try #require(Self.byUnitColumn(u, "KN"))
        #expect(u["\(kn)16"]?.number == c.indicator("KN")?.total("current"))

        let s = try #require(dump.sheet("Tổng hợp"))
        let knRow = try #require(s.row(where: "B", is: "KN"))
        #expect(s["K\(knRow)"]?.text == "8/10 đơn vị")
        #expect(s["A3"]?.text?.contains("Chưa nộp: Huyện ủy Tủa Chùa.") == true)
        #expect(s["A3"]?.text?.contains("Bị từ chối: Thị ủy Mường Lay.") == true)

        let e = try #require(dump.sheet("Lỗi kiểm tra"))
        let codes = (5...e.maxRow).compactMap { e["F\($0)"]?.text }
        #expect(codes.prefix(2) == ["unit-rejected", "unit-missing"])
        #expect(codes.contains("nq04-dv-tong"))
        let dvRow = try #require(e.row(where: "F", is: "nq04-dv-tong"))
        #expect(e["H\(dvRow)"]?.text == "F7")
        #expect(e["E\(dvRow)"]?.text == "Lỗi")
        let missingRow = try #require(e.row(where: "F", is: "unit-missing"))
        #expect(e["K\(missingRow)"]?.text == "Đơn vị TCH chưa nộp báo cáo")
    }

    @Test func sameInputGivesTheSameBytes() throws {
        let (subs, reports) = F.allAccepted()
        let c1 = Consolidator(spec: F.spec).consolidate(subs, reports: reports, period: .year(2016))
        let c2 = Consolidator(spec: F.spec).consolidate(subs, reports: reports, period: .year(2016))
        let a = try ProvincialWorkbook.build(c1, reports: reports).bytes()
        let b = try ProvincialWorkbook.build(c2, reports: reports).bytes()
        #expect(a == b)
        #expect(a.count > 10_000)
        // The created time comes from the period, not the clock.
        let text = String(decoding: a, as: UTF8.self)
        #expect(!text.isEmpty)
    }

    @Test(.enabled(if: LibreOffice.path != nil, "LibreOffice (soffice) is not installed"))
    func libreOfficeConvertsIt() throws {
        let (subs, reports) = F.allAccepted()
        let c = Consolidator(spec: F.spec).consolidate(subs, reports: reports, period: .year(2016))
        let dir = try ConsolidationTempDir()
        defer { dir.remove() }
        let path = dir.path + "/tong-hop.xlsx"
        try ProvincialWorkbook.write(c, reports: reports, to: path)
        let r = LibreOffice.convertToCSV(path, outDir: dir.path)
        #expect(r.status == 0, "\(r.stderr)")
        // The default CSV filter writes the system's 8-bit encoding: compare ASCII only.
        let csv = String(decoding: try Data(contentsOf: URL(fileURLWithPath: dir.path + "/tong-hop.csv")), as: UTF8.self)
        #expect(csv.contains("04-NQ/TU"))
        #expect(csv.contains("1873") || csv.contains("1,873"))
        #expect(csv.contains("93.65%") || csv.contains("93,65%"))
    }
}
