import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Issue 16 end to end on the two sample periods: 2015 then 2016 into one ledger, as
/// `Jobs/nq04-2015.yaml` and `Jobs/nq04-2016.yaml` run them. The samples say what to
/// find (Samples/README.md): TGI late in 2016, MCH's corrected second file, DBD's
/// admissions tripled since 2015.
@Suite(.serialized, .enabled(if: FileManager.default.fileExists(atPath: RunJobHarness.repository + "/Samples/2015"), "Samples/2015 not generated yet (issue 16 item 8 open)"))
struct TwoPeriodTests {
    typealias H = RunJobHarness

    @Test func bothPeriodsRunAndTheSecondKnowsTheFirst() throws {
        let ws = try TwoPeriodWorkspace()
        let first = try H.run(["run", ws.job("2015")])
        #expect(first.status == 0, "stderr: \(first.stderr)")
        #expect(first.stderr.contains("timeliness: 10/10 on time"), "stderr: \(first.stderr)")
        let second = try H.run(["run", ws.job("2016")])
        #expect(second.status == 0, "stderr: \(second.stderr)")
        #expect(second.stderr.contains("timeliness: 9/10 on time, 1 late"), "stderr: \(second.stderr)")

        let report = try ws.report("2016")
        let units = (report["units"] as? [[String: Any]]) ?? []
        let mch = units.first { $0["code"] as? String == "MCH" }
        #expect(mch?["file"] as? String == "NQ04_MCH_2016_v2.xlsx")
        #expect((mch?["superseded"] as? [String]) == ["NQ04_MCH_2016.xlsx"])
        let timeliness = (report["timeliness"] as? [String: Any])?["units"] as? [[String: Any]] ?? []
        #expect(timeliness.first { $0["code"] as? String == "TGI" }?["state"] as? String == "late")

        // DBD: 64 admissions in 2015, 192 in 2016: the prev() rule and the outlier both warn,
        // in both languages, and neither rejects.
        let issues = (report["issues"] as? [[String: Any]]) ?? []
        let dbd = try ws.unitIssues("2016", "DBD")
        #expect(dbd.contains { $0["code"] as? String == "nq04-kn-tang-dot-bien" }, "DBD issues: \(dbd)")
        #expect(dbd.contains { $0["code"] as? String == "outlier" }, "DBD issues: \(dbd)")
        #expect(issues.contains { $0["code"] as? String == "outlier" && ($0["file"] as? String ?? "").contains("_DBD_") })
        #expect(units.first { $0["code"] as? String == "DBD" }?["status"] as? String != "rejected")
        let vi = try String(contentsOfFile: ws.out("2016") + "/units/DBD.vi.html", encoding: .utf8)
        let en = try String(contentsOfFile: ws.out("2016") + "/units/DBD.en.html", encoding: .utf8)
        #expect(vi.contains("vượt quá gấp đôi năm trước") && vi.contains("mức thường thấy"), "DBD.vi.html")
        #expect(en.contains("exceed twice last year") && en.contains("far above its usual"), "DBD.en.html")
        // No other unit's admissions are called far out (Mường Nhé's published clearing of
        // white villages, 38 -> 18, is: a true outlier, Samples/README.md).
        let knOutliers = issues.filter {
            $0["code"] as? String == "outlier" && (($0["params"] as? [String: String])?["indicator.en"] ?? "").hasPrefix("KN ")
        }
        #expect(knOutliers.map { $0["file"] as? String ?? "" } == ["NQ04_DBD_2016.xlsx"], "\(knOutliers)")

        // MCH's corrected file: the change audit shows KN 140 -> 142 with both files, in
        // the run report and in MCH's own report.
        let changes = (report["changes"] as? [[String: Any]]) ?? []
        #expect(changes.count == 1, "\(changes)")
        #expect(changes.first?["unit"] as? String == "MCH" && changes.first?["indicator"] as? String == "KN")
        #expect(changes.first?["old"] as? String == "140" && changes.first?["new"] as? String == "142")
        #expect(changes.first?["oldFile"] as? String == "NQ04_MCH_2016.xlsx" && changes.first?["newFile"] as? String == "NQ04_MCH_2016_v2.xlsx")
        let mchVI = try String(contentsOfFile: ws.out("2016") + "/units/MCH.vi.html", encoding: .utf8)
        #expect(mchVI.contains("140 → 142") && mchVI.contains("NQ04_MCH_2016.xlsx"), "MCH.vi.html")

        // The 2016 workbook: the published figures, the comparison with 2015 as formulas,
        // the targets and the timeliness sheet, read by openpyxl.
        let sheets = try ZipNames.of(ws.workbook("2016")).sheets
        for name in ["So sánh các kỳ", "Mục tiêu hằng năm", "Tiến độ nộp", "Kỳ 2015"] {
            #expect(sheets.contains(name), "sheets: \(sheets)")
        }
        #expect(!(try ZipNames.of(ws.workbook("2015")).sheets.contains("So sánh các kỳ")), "2015 has nothing to compare with")
        guard PythonProbe.openpyxlAvailable else { return }
        let probe = PythonProbe.run(
            """
            import sys, openpyxl
            f = openpyxl.load_workbook(sys.argv[1], data_only=False)
            v = openpyxl.load_workbook(sys.argv[1], data_only=True)
            ws, wv = f['So sánh các kỳ'], v['So sánh các kỳ']
            section = None  # the indicator heading rows: "Số đảng viên mới được kết nạp (KN)"
            for r in range(1, ws.max_row + 1):
                cells = [ws.cell(r, c).value for c in range(1, ws.max_column + 1)]
                a = cells[0]
                if isinstance(a, str) and a.endswith(')') and '(' in a:
                    section = a[a.rindex('(') + 1:-1]
                if section == 'KN' and any(isinstance(x, str) and 'Điện Biên Đông' in x for x in cells):
                    formulas = [x for x in cells if isinstance(x, str) and x.startswith('=')]
                    values = [wv.cell(r, c).value for c in range(1, ws.max_column + 1)]
                    print('row', len(formulas), 64 in values, 192 in values)
            t = v['Tổng hợp'] if 'Tổng hợp' in v.sheetnames else v[v.sheetnames[0]]
            found = set()
            for row in t.iter_rows(values_only=True):
                found.update(x for x in row if isinstance(x, (int, float)))
            print('published', all(n in found for n in (1873, 821, 638, 183, 1813, 1417, 396, 71)))
            """, [ws.workbook("2016")])
        let out = probe?.out ?? ""
        #expect(out.contains("published True"), "openpyxl: \(out) \(probe?.err ?? "")")
        let row = out.split(separator: "\n").first { $0.hasPrefix("row ") }.map(String.init) ?? ""
        #expect(row.hasSuffix("True True") && !row.hasPrefix("row 0 "), "DBD's KN row in So sánh các kỳ: \(out)")
    }

    @Test func rerunsOfEitherPeriodKeepTheirBytes() throws {
        let ws = try TwoPeriodWorkspace(units: ["DBD", "MCH", "TGI", "DBP", "MNH"])
        for period in TwoPeriodWorkspace.periods {
            let r = try H.run(["run", ws.job(period)])
            #expect(r.status == 0, "\(period) stderr: \(r.stderr)")
        }
        let first = TwoPeriodWorkspace.periods.map { ws.outputs($0) }
        // Rerun 2015 after 2016: unchanged, and the 2016 outputs do not move either.
        for (i, period) in TwoPeriodWorkspace.periods.enumerated() {
            let again = try H.run(["run", ws.job(period)])
            #expect(again.stdout.contains("unchanged"), "\(period): \(again.stdout)")
            let forced = try H.run(["run", ws.job(period), "--force"])
            #expect(forced.status == 0, "\(period) --force: \(forced.stderr)")
            let now = ws.outputs(period)
            #expect(Set(now.keys) == Set(first[i].keys), "\(period)")
            // The run report says which files are new to the ledger; after --force none is,
            // so it alone may differ. Everything else is byte-identical.
            for (name, bytes) in first[i] where !name.hasPrefix("run-report.") {
                #expect(now[name] == bytes, "\(period): \(name) changed on a rerun")
            }
        }
    }

    @Test func aChangedEarlierPeriodRedoesTheLaterOne() throws {
        // DBD's 2015 file comes late, after both periods ran: 2015 gains DBD's figures, and
        // the 2016 run that compares with them is redone, not skipped as unchanged. (A file
        // that leaves the inbox changes nothing: the ledger keeps what it accepted.)
        let ws = try TwoPeriodWorkspace(units: ["DBD", "DBP"])
        let dbd2015 = ws.inbox("2015") + "/NQ04_DBD_2015.xlsx"
        let aside = ws.path + "/NQ04_DBD_2015.xlsx"
        try FileManager.default.moveItem(atPath: dbd2015, toPath: aside)
        for period in TwoPeriodWorkspace.periods { _ = try H.run(["run", ws.job(period)]) }
        let before = try ws.unitIssues("2016", "DBD")
        #expect(!before.contains { $0["code"] as? String == "nq04-kn-tang-dot-bien" }, "no 2015 figure to compare with yet")
        try FileManager.default.moveItem(atPath: aside, toPath: dbd2015)
        _ = try H.run(["run", ws.job("2015")])
        let again = try H.run(["run", ws.job("2016")])
        #expect(!again.stdout.contains("unchanged"), "stdout: \(again.stdout)")
        let after = try ws.unitIssues("2016", "DBD")
        #expect(after.contains { $0["code"] as? String == "nq04-kn-tang-dot-bien" }, "\(after)")
        // And rerunning 2016 again is a no-op.
        #expect(try H.run(["run", ws.job("2016")]).stdout.contains("unchanged"))
    }

    /// `kill -9` during a run of either period loses nothing: the rerun gives the
    /// uninterrupted run's bytes, and the other period's run still finds the history.
    @Test(arguments: TwoPeriodWorkspace.periods)
    func killedRunsOfAPeriodThenRerunGiveTheUninterruptedOutputs(period: String) throws {
        let units = ["DBD", "MCH", "TGI", "DBP", "MNH"]
        let reference = try TwoPeriodWorkspace(units: units)
        var duration = 0.0
        for p in TwoPeriodWorkspace.periods {
            let start = Date()
            let r = try H.run(["run", reference.job(p)])
            if p == period { duration = Date().timeIntervalSince(start) }
            #expect(r.status == 0, "reference \(p): \(r.stderr)")
        }

        let ws = try TwoPeriodWorkspace(units: units)
        if period == "2016" { _ = try H.run(["run", ws.job("2015")]) }
        var generator = SplitMix(seed: 0x7065_7269_6f64 &+ UInt64(period)!)
        for fraction in [0.15, 0.4, 0.65, 0.9] {
            let jitter = Double(generator.next() % 1000) / 1000 * 0.05
            let (p, out, err) = try H.start(["run", ws.job(period)])
            usleep(useconds_t((duration * (fraction + jitter)) * 1_000_000))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            _ = out.fileHandleForReading.readDataToEndOfFile()
            _ = err.fileHandleForReading.readDataToEndOfFile()
        }
        let rerun = try H.run(["run", ws.job(period)])
        #expect(rerun.status == 0, "stderr: \(rerun.stderr)")
        if period == "2015" { _ = try H.run(["run", ws.job("2016")]) }
        for p in TwoPeriodWorkspace.periods {
            let expected = reference.outputs(p)
            let got = ws.outputs(p)
            #expect(Set(got.keys) == Set(expected.keys), "\(p): \(Set(got.keys).symmetricDifference(expected.keys))")
            for (name, bytes) in expected { #expect(got[name] == bytes, "\(p): \(name) differs after kills in \(period)") }
        }
    }
}
