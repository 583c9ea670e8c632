import Foundation
import Reporting
import Testing
import XLSX

/// The charts of the provincial workbook (sheet `Biểu đồ`): the figures derived from the
/// spec, the native charts as openpyxl finds them, and LibreOffice drawing them.
@Suite struct ProvincialChartsTests {
    typealias F = ConsolidationFixtures

    static func consolidation(dropping dropped: [String] = []) -> Consolidation {
        var (subs, reports) = F.allAccepted()
        subs.removeAll { dropped.contains($0.unit ?? "") }
        reports.removeAll { dropped.contains($0.unit ?? "") }
        return Consolidator(spec: F.spec).consolidate(subs, reports: reports, period: .year(2016))
    }

    @Test func figuresComeFromTheSpec() throws {
        let figures = ChartFigure.figures(for: Self.consolidation())
        // One target (KN/KN_CT), one denominator with two ratios (DV), the baseline/current indicators.
        #expect(figures.map(\.kind) == [.barsWithTarget, .stacked, .horizontal])
        let attain = figures[0]
        #expect(attain.categories.count == 11 && attain.categories.last?.vi == "Toàn tỉnh")
        #expect(attain.series.map(\.line) == [false, true])
        let figures10 = F.unitFigures()
        for (i, u) in F.units.enumerated() {
            let kn = figures10[u.code]!["KN"]!["current"]!, target = figures10[u.code]!["KN_CT"]!["current"]!
            #expect(attain.categories[i].vi == u.name)
            #expect(abs(attain.series[0].values[i]! - kn / target) < 1e-12, "\(u.code)")
        }
        #expect(abs(attain.series[0].values[10]! - 1_873.0 / 2_000) < 1e-12)
        #expect(attain.series[1].values.allSatisfy { $0 == 1 })
        let parts = figures[1]
        #expect(parts.series.map(\.name.vi) == ["Đơn vị cơ sở đã có tổ chức cơ sở đảng", "Đơn vị cơ sở chưa có tổ chức cơ sở đảng"])
        #expect(zip(parts.series[0].values, parts.series[1].values).map { $0! + $1! }
                == F.units.map { figures10[$0.code]!["DV"]!["current"]! })
        let change = figures[2]
        #expect(change.categories.count == 8, "every indicator with a baseline and a current value")
        #expect(change.series.map { $0.values.first! } == [821, 821])
        #expect(change.series[0].values[1] == 630 && change.series[1].values[1] == 638)
    }

    @Test func unitsNotCountedAreNotDrawn() {
        let figures = ChartFigure.figures(for: Self.consolidation(dropping: ["TCH"]))
        #expect(figures[0].categories.count == 10)
        #expect(!figures[0].categories.contains { $0.vi.contains("Tủa Chùa") })
        #expect(figures[1].categories.count == 9)
    }

    static let chartScript = #"""
        import json, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        ws = wb["Biểu đồ"]
        charts = []
        for ch in ws._charts:
            parts = [ch] + list(ch._charts[1:])
            charts.append({
                "kinds": [type(p).__name__ for p in parts],
                "dir": ch.barDir, "grouping": ch.grouping,
                "series": [{"name": s.tx.v if s.tx is not None and s.tx.v is not None else (s.tx.strRef.f if s.tx is not None else None),
                            "values": s.val.numRef.f, "categories": s.cat.strRef.f if s.cat.strRef is not None else s.cat.numRef.f,
                            "cache": {p.idx: p.v for p in s.val.numRef.numCache.pt} if s.val.numRef.numCache is not None else {}}
                           for p in parts for s in p.series]})
        cells = {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None}
        print(json.dumps({"sheets": wb.sheetnames, "charts": charts, "cells": cells}, ensure_ascii=False))
        """#

    /// A cached point as JSON gives it (openpyxl keeps numbers; some writers keep text).
    static func number(_ v: Any?) -> Double? {
        (v as? NSNumber)?.doubleValue ?? (v as? String).flatMap(Double.init)
    }

    static func dumpCharts(_ path: String) throws -> [String: Any] {
        let r = try Python.run(["-c", chartScript, path])
        #expect(r.status == 0, "\(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    @Test(.enabled(if: OpenpyxlDump.available, "python3 with openpyxl is not installed"))
    func openpyxlFindsTheChartsAndTheirSeries() throws {
        let c = Self.consolidation()
        let dir = try ConsolidationTempDir()
        defer { dir.remove() }
        let path = dir.path + "/tong-hop.xlsx"
        try ProvincialWorkbook.write(c, reports: F.allAccepted().1, to: path)
        let json = try Self.dumpCharts(path)
        let charts = try #require(json["charts"] as? [[String: Any]])
        #expect(charts.count == 3)
        #expect(charts.map { $0["kinds"] as? [String] ?? [] } == [["BarChart", "LineChart"], ["BarChart"], ["BarChart"]])
        #expect(charts.map { $0["grouping"] as? String } == ["clustered", "stacked", "clustered"])
        #expect(charts.map { $0["dir"] as? String } == ["col", "col", "bar"])
        let cells = try #require(json["cells"] as? [String: Any])
        for chart in charts {
            let series = chart["series"] as? [[String: Any]] ?? []
            #expect(series.count == 2)
            for s in series {
                // Each series reads a column of the sheet's own data table; its cache holds what those cells hold.
                let ref = try #require(s["values"] as? String)
                #expect(ref.hasPrefix("'Biểu đồ'!$"))
                let m = ref.split(separator: "!")[1].replacingOccurrences(of: "$", with: "").split(separator: ":")
                let col = String(m[0].prefix { $0.isLetter })
                let first = Int(m[0].drop { $0.isLetter })!, last = Int(m[1].drop { $0.isLetter })!
                let cache = s["cache"] as? [String: Any] ?? [:]
                #expect(cache.count == last - first + 1, "\(ref): one cached point per cell")
                for row in first...last {
                    let cell = cells["\(col)\(row)"]
                    let cached = Self.number(cache["\(row - first)"])
                    if let f = cell as? String {
                        #expect(f.hasPrefix("='Theo đơn vị'!"), "\(col)\(row) is a formula on the by-unit sheet")
                    } else {
                        #expect((cell as? NSNumber)?.doubleValue == cached, "\(col)\(row)")
                    }
                }
            }
        }
        let attain = charts[0]["series"] as? [[String: Any]] ?? []
        #expect(attain.map { $0["name"] as? String } == ["Tỷ lệ đạt", "Chỉ tiêu (100%)"])
        #expect(Self.number((attain[0]["cache"] as? [String: Any])?["10"]).map { abs($0 - 0.9365) < 1e-12 } == true)
    }

    /// LibreOffice opens the workbook, keeps the three charts with their series when it
    /// saves it again, and prints it to PDF.
    @Test(.enabled(if: LibreOffice.path != nil && OpenpyxlDump.available, "LibreOffice or openpyxl is not installed"))
    func libreOfficeDrawsTheCharts() throws {
        let c = Self.consolidation()
        let dir = try ConsolidationTempDir()
        defer { dir.remove() }
        let path = dir.path + "/tong-hop.xlsx"
        try ProvincialWorkbook.write(c, reports: F.allAccepted().1, to: path)
        for (format, folder) in [("pdf", "pdf"), ("xlsx:Calc MS Excel 2007 XML", "again")] {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: LibreOffice.path!)
            p.arguments = ["--headless", "-env:UserInstallation=file:///tmp/lo-charts", "--convert-to", format,
                           "--outdir", dir.path + "/" + folder, path]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            #expect(p.terminationStatus == 0)
        }
        let pdf = try #require(FileManager.default.contents(atPath: dir.path + "/pdf/tong-hop.pdf"))
        #expect(pdf.starts(with: Data("%PDF".utf8)) && pdf.count > 20_000)
        let json = try Self.dumpCharts(dir.path + "/again/tong-hop.xlsx")
        let charts = try #require(json["charts"] as? [[String: Any]])
        #expect(charts.count == 3, "LibreOffice kept the charts")
        #expect(charts.map { ($0["series"] as? [Any])?.count } == [2, 2, 2])
        let first = charts.first?["series"] as? [[String: Any]] ?? []
        #expect(first.first?["values"] as? String == "'Biểu đồ'!$B$6:$B$16")
        let cached = (first.first?["cache"] as? [String: Any] ?? [:]).compactMapValues { Self.number($0) }
        #expect(cached.count == 11 && abs((cached["10"] ?? 0) - 0.9365) < 1e-9, "LibreOffice computed the same attainment")
    }
}
