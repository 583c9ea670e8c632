import Foundation
import Testing

@testable import Batch
@testable import Reporting

/// The run plan: where `--out` puts the outputs, the rejected copies and the ledger, the
/// output names, and what forces a rerun (the fingerprint's inputs).
@Suite struct RunPlanTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Test func withoutOutTheJobFilesPlacesStandTidied() {
        let p = RunPlan.locations(
            output: "Jobs/../out/x", rejected: "Jobs/../out/x/rejected", ledger: "/var/lib/t.sqlite", out: nil)
        #expect(p.output == "out/x" && p.rejected == "out/x/rejected" && p.ledger == "/var/lib/t.sqlite")
    }

    @Test func outMovesTheRejectedFolderAndLedgerThatAreInsideTheOutputFolder() {
        // The shape of Jobs/nq04-2016.yaml: explicit keys inside the output folder, written
        // through `..` (the old rule compared the untidied output and missed them).
        let p = RunPlan.locations(
            output: "Jobs/../out/x", rejected: "Jobs/../out/x/rejected", ledger: "Jobs/../out/x/ledger.sqlite",
            out: "/tmp/run2/")
        #expect(p.output == "/tmp/run2")
        #expect(p.rejected == "/tmp/run2/rejected")
        #expect(p.ledger == "/tmp/run2/ledger.sqlite")
    }

    @Test func outLeavesARejectedFolderOrLedgerPlacedElsewhereWhereWritten() {
        let p = RunPlan.locations(
            output: "/srv/out/x", rejected: "/srv/quarantine", ledger: "/srv/out/xy/ledger.sqlite", out: "o2")
        #expect(p.output == "o2" && p.rejected == "/srv/quarantine" && p.ledger == "/srv/out/xy/ledger.sqlite")
        let dot = RunPlan.locations(output: ".", rejected: "rejected", ledger: "../l.sqlite", out: "o2")
        #expect(dot.rejected == "o2/rejected" && dot.ledger == "../l.sqlite")
    }

    @Test func outputNames() {
        var plan = RunPlan(
            job: "j", period: Period(kind: .quarter, year: 2016, index: 3), inbox: "in", output: "out",
            expectedUnits: [], workbookName: RunPlan.workbookName(templateID: "nq04", period: Period(kind: .quarter, year: 2016, index: 3)))
        #expect(plan.workbookPath == "out/TongHop_NQ04_2016-Q3.xlsx")
        #expect(plan.rejected == "out/rejected" && plan.ledger == "out/ledger.sqlite")
        #expect(plan.runReportJSONPath == "out/run-report.json" && plan.runReportHTMLPath(.vi) == "out/run-report.vi.html")
        #expect(plan.unitReportPath(unit: "MNH", format: .json, language: .en) == "out/units/MNH.en.json")
        #expect(plan.rejectedCopyPath("a.xlsx") == "out/rejected/a.xlsx")
        #expect(plan.rejectedReportPath("a.xlsx", format: .html, language: .vi) == "out/rejected/a.xlsx.vi.html")
        #expect(plan.relativeToOutput("out/rejected/a.xlsx") == "rejected/a.xlsx")
        plan.rejected = "/q"
        #expect(plan.relativeToOutput(plan.rejectedCopyPath("a.xlsx")) == "/q/a.xlsx")
        #expect(plan.outputFolders == ["out", "out/units", "/q"])
    }

    /// A copy of the Resolution 04 template in a scoped folder, its `dan_toc` list moved
    /// to a folder of its own (as a list shared between templates would be), and a job file.
    final class Setup {
        let dir = TempFolder("runplan")
        var job: String { dir.path + "/jobs/job.yaml" }
        var sharedList: String { dir.path + "/shared/dan_toc.csv" }
        var communes: String { dir.path + "/nq04/communes.csv" }

        init() throws {
            let fm = FileManager.default
            try fm.copyItem(atPath: RunPlanTests.root + "/Jobs/nq04", toPath: dir.path + "/nq04")
            _ = dir.sub("shared")
            _ = dir.sub("jobs")
            try fm.moveItem(atPath: dir.path + "/nq04/dan_toc.csv", toPath: sharedList)
            let t = dir.path + "/nq04/template.yaml"
            let text = try String(contentsOfFile: t, encoding: .utf8)
            #expect(text.contains("file: dan_toc.csv"))
            try text.replacingOccurrences(of: "file: dan_toc.csv", with: "file: \(sharedList)")
                .write(toFile: t, atomically: true, encoding: .utf8)
            writeFile(
                job,
                """
                job: 1
                name: plan-test
                template: ../nq04/template.yaml
                period: "2016"
                inbox: ../inbox
                output: ../out
                rejected: ../out/rejected
                ledger: ../out/ledger.sqlite
                """)
        }

        func plan(_ overrides: RunOverrides = .init()) throws -> RunPlan {
            let jobFile = try JobFile.load(path: job)
            let template = try TemplateLoader.load(path: jobFile.template)
            return try RunPlan(job: jobFile, template: template, overrides: overrides, toolVersion: "test")
        }
    }

    @Test func aPlanFromTheJobFileWithOverrides() throws {
        let s = try Setup()
        let plan = try s.plan(RunOverrides(period: "2017", out: s.dir.path + "/o2", force: true))
        #expect(plan.period == Period(kind: .year, year: 2017, index: 1) && plan.periodText == "2017")
        #expect(plan.workbookName == "TongHop_NQ04_2017.xlsx")
        #expect(plan.output == s.dir.path + "/o2")
        #expect(plan.rejected == s.dir.path + "/o2/rejected" && plan.ledger == s.dir.path + "/o2/ledger.sqlite")
        #expect(plan.force && !plan.dryRun && plan.expectedUnits.count == 10)
        #expect(plan.formats == [.html, .json] && plan.languages == [.vi, .en])
        #expect(throws: JobFileError.self) { try s.plan(RunOverrides(period: "2017-Q3")) }
    }

    @Test func editingTheTemplateOrAReferenceListChangesTheFingerprintInputs() throws {
        let s = try Setup()
        let first = try s.plan().fingerprintInputs
        #expect(first.contains { $0.hasPrefix("template-input/" + s.sharedList + "=") })
        #expect(try s.plan().fingerprintInputs == first)
        // A list outside the template's folder (it was missed before: only the folder was hashed).
        try (String(contentsOfFile: s.sharedList, encoding: .utf8) + "Xinh Mun\n")
            .write(toFile: s.sharedList, atomically: true, encoding: .utf8)
        let second = try s.plan().fingerprintInputs
        #expect(second != first)
        // A list beside the template.
        try (String(contentsOfFile: s.communes, encoding: .utf8) + "MNH,Xã Mới\n")
            .write(toFile: s.communes, atomically: true, encoding: .utf8)
        let third = try s.plan().fingerprintInputs
        #expect(third != second)
        // The job file itself.
        try (String(contentsOfFile: s.job, encoding: .utf8) + "# edited\n").write(toFile: s.job, atomically: true, encoding: .utf8)
        #expect(try s.plan().fingerprintInputs != third)
    }
}

/// The period: parsed once from the job file (or `--period`), carried typed to the
/// consolidation and the workbook's dates.
@Suite struct PeriodTests {
    @Test func periodsAndTheirLastDays() {
        #expect(Period.year(2016).description == "2016" && Period.quarter(2016, 3).description == "2016-Q3")
        #expect(Period.month(2016, 7).description == "2016-07")
        #expect(Period.year(2016).lastDay == (2016, 12, 31))
        #expect(Period.quarter(2016, 3).lastDay == (2016, 9, 30))
        #expect(Period.month(2016, 2).lastDay == (2016, 2, 29) && Period.month(2015, 2).lastDay == (2015, 2, 28))
        #expect(Period.quarter(2016, 4).lastDay == (2016, 12, 31))
    }

    @Test func theJobFilesPeriodIsParsedOnceAgainstTheTemplate() throws {
        let s = try RunPlanTests.Setup()
        let job = try JobFile.load(path: s.job)
        let template = try TemplateLoader.load(path: job.template)
        #expect(try job.period(of: template) == .year(2016))
        #expect(try job.period(of: template, text: "2017") == .year(2017))
        #expect(throws: JobFileError.self) { try job.period(of: template, text: "2016-07") }
    }
}
