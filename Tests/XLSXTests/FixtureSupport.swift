import Foundation
import Testing

@testable import XLSX

/// Fixtures live in Tests/XLSXTests/Fixtures, made by make_fixtures.py / edit_fixtures.py.
enum Fixture {
    static var directory: String {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.path
    }

    static func path(_ name: String) -> String { directory + "/" + name }

    static func open(_ name: String, options: ReadOptions = .init()) throws -> Workbook {
        try Workbook(path: path(name), options: options)
    }
}

/// Compares cells of a sheet with expected values; returns the first difference as
/// `Sheet!B7: expected ..., found ...`, or nil when all match. Also checks that no other
/// non-empty cell exists when `exhaustive`.
func firstDifference(
    _ workbook: Workbook, sheet name: String, _ expected: [String: CellValue], exhaustive: Bool = true
) throws -> String? {
    guard let sheet = workbook.sheet(named: name) else { return "\(name): no such sheet" }
    let grid = try workbook.grid(of: sheet)
    for (a1, want) in expected.sorted(by: { CellRef($0.key)! < CellRef($1.key)! }) {
        let got = grid.value(at: CellRef(a1)!)
        if got != want { return "\(sheet.name)!\(a1): expected \(want), found \(got)" }
    }
    if exhaustive {
        for row in grid.rows {
            for c in row.cells where !c.value.isEmpty {
                let ref = CellRef(row: row.index, column: c.column).description
                if expected[ref] == nil { return "\(sheet.name)!\(ref): unexpected \(c.value)" }
            }
        }
    }
    return nil
}
