import Foundation
import Testing

/// `tonghop inspect` on the files that pin the reader defects of issue 14
/// (Tests/XLSXTests/Fixtures/make_fidelity_fixtures.py), as a user runs it.
@Suite struct InspectFidelityTests {
    private func inspect(_ fixture: String, _ args: [String] = []) throws -> InspectTests.Output {
        try InspectTests.inspect([InspectTests.fixture(fixture)] + args)
    }

    @Test func ampersandSheetNameIsListedAndSelected() throws {
        let list = try inspect("attribute_ampersand.xlsx", ["--sheets"])
        #expect(list.status == 0 && list.stderr.isEmpty, "\(list.stderr)")
        #expect(list.stdout == "1\tA&B\tvisible\tA1:A2\n2\tQ&A <1>\tvisible\tA1\n")
        let ab = try inspect("attribute_ampersand.xlsx", ["--sheet", "A&B"])
        #expect(ab.status == 0 && ab.stdout == "first\n3.5\n", "\(ab.stderr)")
        let second = try inspect("attribute_ampersand.xlsx", ["--sheet", "Q&A <1>"])
        #expect(second.status == 0 && second.stdout == "second\n", "\(second.stderr)")
    }

    @Test func datesPrintWhatTheValueHolds() throws {
        let r = try inspect("dates_value_decides.xlsx")
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map { $0.split(separator: ",", maxSplits: 2).map(String.init) }
        #expect(lines.count == 14)
        for l in lines { #expect(l.count >= 2 && l[0] == l[1], "\(l)") }
    }

    @Test func repeatedRowsAreMergedWithAWarning() throws {
        let r = try inspect("rows_repeated_and_out_of_order.xlsx")
        #expect(r.status == 0)
        #expect(r.stdout == "a,2,3\n11,,\n30,,\n,,\n4,5,6\n")
        #expect(r.stderr.hasPrefix("warning: ") && r.stderr.contains("rows out of order"), "\(r.stderr)")
    }

    @Test func moduleSheetIsListedAndTheOthersRead() throws {
        let list = try inspect("module_sheet_without_rid.xlsx", ["--sheets"])
        #expect(list.status == 0)
        #expect(list.stdout == "1\tData\tvisible\tA1\n2\tModule1\tveryHidden\tmodule\n3\tAfter\tvisible\tA1\n")
        let after = try inspect("module_sheet_without_rid.xlsx", ["--sheet", "After"])
        #expect(after.status == 0 && after.stdout == "42\n")
    }

    @Test func overflowingNumberReadsAsInfinityWithAWarning() throws {
        let r = try inspect("numbers_large.xlsx")
        #expect(r.status == 0)
        #expect(r.stdout.contains("\ninf,inf,") && r.stdout.contains("\n-inf,-inf,"))
        #expect(r.stderr.contains("warning: ") && r.stderr.contains("beyond the double range"), "\(r.stderr)")
    }
}
