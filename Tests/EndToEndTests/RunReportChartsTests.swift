import Foundation
import Testing

/// The run report draws the provincial workbook's charts as inline SVG.
@Suite(.serialized) struct RunReportChartsTests {
    typealias H = RunJobHarness

    static func svgs(_ html: String) -> [String] {
        html.components(separatedBy: "<svg ").dropFirst().map { "<svg " + $0.components(separatedBy: "</svg>")[0] + "</svg>" }
    }

    @Test func htmlHasTheWorkbooksChartsAsSVG() throws {
        let ws = try H.Workspace(units: nil)
        let r = try H.run(["run", ws.job])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let outputs = ws.outputs()
        let vi = String(decoding: try #require(outputs["run-report.vi.html"]), as: UTF8.self)
        let en = String(decoding: try #require(outputs["run-report.en.html"]), as: UTF8.self)
        #expect(vi.contains("<h2>Biểu đồ</h2>") && en.contains("<h2>Charts</h2>"))
        let charts = Self.svgs(vi)
        // Attainment with the target line, units and villages with/without, baseline against now.
        #expect(charts.count == 4)
        let titles = charts.map { $0.components(separatedBy: "<title>")[1].components(separatedBy: "</title>")[0] }
        #expect(titles == [
            "Tỷ lệ đạt chỉ tiêu theo đơn vị — Số đảng viên mới được kết nạp",
            "Tổng số đơn vị cơ sở theo đơn vị",
            "Tổng số thôn, bản, tổ dân phố theo đơn vị",
            "Toàn tỉnh: Tại thời điểm ban hành Nghị quyết (23/5/2016) và đến kỳ báo cáo",
        ])
        let attainment = charts[0]
        #expect(attainment.components(separatedBy: "<rect ").count - 1 == 11 + 1, "ten units, the province, a legend key")
        #expect(attainment.contains("<polyline") && attainment.contains("stroke-dasharray"), "the target line")
        #expect(attainment.contains("<title>Huyện ủy Mường Nhé: Tỷ lệ đạt 72,7%</title>"), "112 of 154")
        #expect(attainment.contains("<title>Toàn tỉnh: Tỷ lệ đạt 93,7%</title>"), "1,873 of 2,000")
        // Stacked: two parts per unit, ten units.
        #expect(charts[1].components(separatedBy: "<rect ").count - 1 == 20 + 2)
        #expect(charts[1].contains("<title>Huyện ủy Mường Nhé: Đơn vị cơ sở đã có tổ chức cơ sở đảng 61</title>"))
        #expect(charts[3].contains("<title>Tổng số thôn, bản, tổ dân phố: Đến kỳ báo cáo 1.813</title>"))
        let enCharts = Self.svgs(en)
        #expect(enCharts.count == 4)
        #expect(enCharts[0].contains("<title>Province: Attainment 93.7%</title>"))
        #expect(enCharts[3].contains("1,813"))
    }
}
