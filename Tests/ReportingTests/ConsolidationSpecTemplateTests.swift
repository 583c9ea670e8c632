import Foundation
import Reporting
import Testing

/// The consolidation spec built from the Resolution 04 template and `consolidation.yaml`.
@Suite struct ConsolidationSpecTemplateTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let templatePath = repo + "/Jobs/nq04/template.yaml"

    @Test func specFromTheResolution04Template() throws {
        let template = try TemplateLoader.load(path: Self.templatePath)
        let spec = try ConsolidationSpec.load(template: template)
        #expect(spec.units.count == 10)
        #expect(spec.units.first { $0.code == "MNH" }?.name == "Huyện ủy Mường Nhé")
        #expect(spec.columns.map(\.id) == ["baseline", "current"])
        #expect(spec.baselineColumn == "baseline")
        #expect(spec.currentColumn == "current")
        #expect(spec.indicator("KN")?.columns == ["current"])
        #expect(spec.indicator("DV")?.integer == true)
        #expect(spec.targets == [.init(indicator: "KN", target: "KN_CT", column: "current")])
        #expect(spec.ratios.map(\.id).contains("DV_CO/DV"))
        #expect(spec.ratios.map(\.id).contains("TB_CHUA/TB"))
        if case .heading(let h) = spec.summaryLines.first { #expect(!h.vi.isEmpty) } else { Issue.record("summary starts with a heading") }

        #expect(spec.lists.map(\.sheetName) == ["Đảng viên kết nạp"])
        #expect(spec.lists.first?.columns.first?.id == "ho_ten")
        #expect(spec.lists.first?.columns.first { $0.id == "ngay_sinh" }?.kind == .date)
        #expect(spec.actionList?.sheetName == "Thôn trắng đảng viên")
        #expect(spec.actionList?.filter == .init(column: "dang_vien", test: .zero))
        #expect(spec.actionList?.columns.first { $0.id == "co_chi_bo" }?.kind == .bool)
        #expect(spec.personKey?.columns == ["ho_ten", "ngay_sinh"])
        #expect(spec.personKey?.sourceSheet == "Kết nạp")
        #expect(spec.placeKey?.columns == ["xa", "thon"])
    }

    @Test func unknownKeyInOptionsIsReportedWithItsLine() {
        let yaml = "lists:\n  - list: ket_nap\n    sheet: X\n    title: X\n    colums: [a]\n"
        #expect {
            try ConsolidationOptions.decode(yaml: yaml, path: "consolidation.yaml")
        } throws: { e in
            let t = e as? TemplateError
            return t?.kind == .structure && t?.line == 5 && t?.message.contains("colums") == true
        }
    }

    @Test func unknownListOrColumnIsAReferenceError() throws {
        let template = try TemplateLoader.load(path: Self.templatePath)
        let bad = try ConsolidationOptions.decode(
            yaml: "duplicate_member: { list: ket_nap, columns: [ho_ten, ngay_sinh_x] }", path: "c.yaml")
        #expect {
            try ConsolidationSpec(template: template, options: bad)
        } throws: { e in
            (e as? TemplateError)?.kind == .reference && "\(e)".contains("ngay_sinh_x")
        }
    }

    @Test(arguments: ["Tổng hợp", "Một tên trang tính dài hơn ba mươi mốt ký tự", "Thôn/bản"])
    func badSheetNamesAreRefused(_ name: String) throws {
        let template = try TemplateLoader.load(path: Self.templatePath)
        let options = try ConsolidationOptions.decode(
            yaml: "lists:\n  - { list: ket_nap, sheet: \"\(name)\", title: X }\n", path: "c.yaml")
        #expect(throws: TemplateError.self) { try ConsolidationSpec(template: template, options: options) }
    }
}
