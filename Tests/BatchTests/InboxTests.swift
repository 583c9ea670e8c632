import Foundation
import Reporting
import Testing

@testable import Batch

@Suite struct InboxTests {
    @Test func scanKeepsOnlySubmissionsSortedByName() throws {
        let dir = TempFolder("inbox")
        for name in ["b.xlsx", "a.XLSX", "c.xlsm", "~$b.xlsx", ".hidden.xlsx", "notes.txt", "d.xls", "e.xlsx.tmp"] {
            writeFile(dir.path + "/" + name, name)
        }
        _ = dir.sub("folder.xlsx")
        _ = dir.sub("nested")
        writeFile(dir.path + "/nested/f.xlsx", "x")
        // `.xls` is listed too: the run reports it unreadable ("save it as .xlsx").
        #expect(try Inbox.scan(dir.path).map(\.name) == ["a.XLSX", "b.xlsx", "c.xlsm", "d.xls"])
        #expect(try Inbox.hash(path: dir.path + "/b.xlsx") == ContentHash.hex("b.xlsx"))
    }

    @Test func missingInboxIsAConfigurationError() {
        #expect(throws: BatchError.self) { try Inbox.scan("/nonexistent/inbox") }
    }

    @Test func newestSubmissionWinsTiesByName() {
        func f(_ n: String, _ m: Double) -> InboxFile { InboxFile(name: n, path: n, size: 1, modified: m, hash: n) }
        func r(_ n: String, _ u: String?, _ p: String? = "2016") -> FileReport {
            FileReport(file: n, status: .accepted, unit: u, period: p, issues: [])
        }
        let files = [f("A.xlsx", 10), f("B.xlsx", 20), f("C.xlsx", 20), f("D.xlsx", 5), f("E.xlsx", 30), f("F.xlsx", 1)]
        let reports = [r("A", "MNH"), r("B", "MNH"), r("C", "MNH"), r("D", "TGI"), r("E", nil), r("F", "MNH", "2015")]
        // C and B share a time: C's name is greater, so C is newer.
        #expect(Supersession.decide(files: files, reports: reports) == [2, 2, nil, nil, nil, nil])
    }
}
