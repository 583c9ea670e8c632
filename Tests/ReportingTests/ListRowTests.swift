import Testing
import XLSX

@testable import Reporting

/// List rows in a shared layout, the snapshot's row access and byte-compared text keys.
@Suite struct ListRowTests {
    @Test func aRowInALayoutReadsLikeADictionary() {
        let layout = ListLayout(ids: ["stt", "xa", "thon", "dang_vien"])
        let row = ListRow(row: 7, layout: layout, cells: [.number(1), .string("Xã Chà Nưa"), nil, .number(12)])
        #expect(row["xa"] == .string("Xã Chà Nưa"))
        #expect(row["thon"] == .empty && row.value("thon") == nil)
        #expect(row["no_such_column"] == .empty && row.value("no_such_column") == nil)
        #expect(row.values == ["stt": .number(1), "xa": .string("Xã Chà Nưa"), "dang_vien": .number(12)])
        // Equal to the same values in another layout (a test's dictionary), and hashed alike.
        let other = ListRow(row: 7, values: ["dang_vien": .number(12), "xa": .string("Xã Chà Nưa"), "stt": .number(1)])
        #expect(row == other && row.hashValue == other.hashValue)
        #expect(row != ListRow(row: 8, values: other.values))
        #expect(row != ListRow(row: 7, values: ["xa": .string("Xã Chà Nưa")]))
        #expect(ListRow(row: 7, layout: layout, cells: [nil, nil, nil, nil]) != row)
    }

    @Test func snapshotRowsAndCells() {
        let sheet = SheetSnapshot(name: "S", index: 0, rows: [
            [.string("a"), nil, .number(3)],
            [],
            [nil, .string("x")],
        ])
        #expect(sheet.cells(inRow: 0).map(\.0.column) == [0, 2])
        #expect(sheet.cells(inRow: 1).isEmpty && sheet.cells(inRow: 99).isEmpty)
        let row2 = sheet.cells(inRow: 2)
        #expect(sheet[1, in: row2].value == .string("x"))
        #expect(sheet[0, in: row2].value == .empty && sheet[5, in: row2].value == .empty)
        #expect(sheet[CellRef(row: 0, column: 2)].value == .number(3))
        #expect(sheet[CellRef(row: 0, column: 1)].value == .empty)
    }

    @Test func exactTextComparesBytes() {
        let nfc = "Mường Nhé", nfd = "Mu\u{31B}o\u{31B}\u{300}ng Nhe\u{301}"
        #expect(nfc == nfd)  // String equality is canonical equivalence...
        #expect(ExactText(nfc) != ExactText(nfd))  // ...ExactText is the bytes.
        #expect(ExactText(nfc) == ExactText(String(nfc.unicodeScalars)))
        #expect(ExactText("") == ExactText("") && ExactText("a") != ExactText(""))
        var seen: Set<ExactText> = [ExactText(nfc), ExactText("short"), ExactText(String(repeating: "dài ", count: 40))]
        #expect(seen.contains(ExactText("Mường" + " Nhé")) && seen.contains(ExactText(String(repeating: "dài ", count: 40))))
        seen.insert(ExactText(nfd))
        #expect(seen.count == 4)
    }
}
