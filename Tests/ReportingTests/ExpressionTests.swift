import Testing
import XLSX

@testable import Reporting

/// The rule language on its own: lexer, parser, checker and evaluator.
@Suite struct ExpressionTests {
    /// A tiny world: indicators A=3, B=4, C=7 in column `current`; list `ds` of three rows.
    struct World: EvaluationEnvironment {
        var values: [String: Double] = ["A": 3, "B": 4, "C": 7]
        var incomplete: Set<String> = []
        func indicator(_ code: String, column: String) -> Double? { column == "current" ? values[code] : (code == "A" ? 1 : nil) }
        func rows(of list: String) -> [ListRow] {
            [
                ListRow(row: 3, values: ["co": .bool(true), "n": .number(5), "d": .date(ExcelDate(serial: ExcelDate.serial(year: 2016, month: 3, day: 1)))]),
                ListRow(row: 4, values: ["co": .bool(false), "n": .number(0)]),
                ListRow(row: 5, values: ["co": .bool(true), "n": .number(2)]),
            ]
        }
        func builtin(_ name: String) -> Value { name == "period_start" ? .date(ExcelDate.serial(year: 2016, month: 1, day: 1)) : .missing }
        func incompleteColumns(of list: String) -> Set<String> { incomplete }
    }

    static let scope: ExpressionScope = {
        var s = ExpressionScope()
        s.indicators = ["A": ["baseline", "current"], "B": ["current"], "C": ["current"]]
        s.lists = ["ds": ["co": .bool, "n": .number, "d": .date]]
        return s
    }()

    private func eval(_ source: String, world: World = World(), tolerance: Double = 1e-9) throws -> Value {
        let e = try Expression(source)
        _ = try ExpressionChecker(scope: Self.scope).check(e.root)
        return Evaluator(environment: world, column: "current", row: nil, tolerance: tolerance).evaluate(e.root)
    }

    @Test func arithmeticAndComparison() throws {
        #expect(try eval("A + B == C") == .bool(true))
        #expect(try eval("A + B * 2 == 11") == .bool(true))
        #expect(try eval("(A + B) * 2 == 14") == .bool(true))
        #expect(try eval("-A + 10 >= C") == .bool(true))
        #expect(try eval("A.baseline == 1") == .bool(true))
        #expect(try eval("A <= B and not (B > C) or false") == .bool(true))
        #expect(try eval("C / 0 == 1") == .missing)
    }

    @Test func aggregates() throws {
        #expect(try eval("count(ds) == 3") == .bool(true))
        #expect(try eval("count(ds where co) == 2") == .bool(true))
        #expect(try eval("count(ds where n == 0) == 1") == .bool(true))
        #expect(try eval("sum(ds.n) == C") == .bool(true))
        #expect(try eval("sum(ds.n where co and n >= 3) == 5") == .bool(true))
        #expect(try eval("max(ds.n) == 5 and min(ds.n) == 0") == .bool(true))
        var w = World()
        w.incomplete = ["n"]
        #expect(try eval("count(ds where n == 0) == 1", world: w) == .missing)
        #expect(try eval("count(ds where co) == 2", world: w) == .bool(true))
    }

    @Test func ratiosWithTolerance() throws {
        #expect(try eval("A / C == 0.4286") == .bool(false))
        #expect(try eval("A / C == 0.4286", tolerance: 0.0001) == .bool(true))
        #expect(try eval("ratio(A, C) != 0.4286", tolerance: 0.0001) == .bool(false))
        #expect(try eval("round(A / C * 100, 2) == 42.86") == .bool(true))
    }

    @Test func datesAndDurations() throws {
        let d = ExcelDate.serial(year: 2000, month: 2, day: 29)
        #expect(Evaluator.add(.init(years: 18), to: d, sign: 1) == ExcelDate.serial(year: 2018, month: 2, day: 28))
        #expect(Evaluator.add(.init(months: 1), to: ExcelDate.serial(year: 2016, month: 1, day: 31), sign: 1) == ExcelDate.serial(year: 2016, month: 2, day: 29))
        #expect(try eval("date(2016, 3, 1) >= period_start + 2 months") == .bool(true))
        #expect(try eval("date(2016, 2, 29) >= period_start + 2 months") == .bool(false))
        #expect(try eval("date(2016, 3, 1) - period_start == 60") == .bool(true))
        #expect(try eval("year(period_start) == 2016") == .bool(true))
        #expect(try eval("report_date >= period_start") == .missing)
    }

    @Test func rowEvaluation() throws {
        let e = try Expression("not co or n >= 3")
        var s = Self.scope
        s.row = s.lists["ds"]
        #expect(try ExpressionChecker(scope: s).check(e.root) == .bool)
        let rows = World().rows(of: "ds")
        let results = rows.map { Evaluator(environment: World(), column: nil, row: $0).evaluate(e.root) }
        #expect(results == [.bool(true), .bool(true), .bool(false)])
    }

    @Test func textComparesFolded() throws {
        #expect(Evaluator.apply("==", .text("Có"), .text("  CÓ".decomposedStringWithCanonicalMapping), tolerance: 0) == .bool(true))
    }

    /// The error's offset for a bad expression.
    private func offset(_ source: String) -> (Int, String)? {
        do {
            let e = try Expression(source)
            _ = try ExpressionChecker(scope: Self.scope).check(e.root)
            return nil
        } catch {
            return (error.offset, error.message)
        }
    }

    @Test func errorsCarryPositions() {
        #expect(offset("A + ")?.0 == 4)
        #expect(offset("A + ZZ == 1")?.0 == 4)
        #expect(offset("A + ZZ == 1")?.1 == "unknown indicator 'ZZ'")
        #expect(offset("A.base == 1")?.1.contains("no value column 'base'") == true)
        #expect(offset("count(xs) == 1")?.1 == "unknown list 'xs'")
        #expect(offset("count(ds where zz) == 1")?.0 == 15)
        #expect(offset("sum(ds.co) == 1")?.1.contains("number column") == true)
        #expect(offset("A == B == C")?.1.contains("do not chain") == true)
        #expect(offset("A == \"x")?.1 == "unterminated string")
        #expect(offset("A # B")?.0 == 2)
        #expect(offset("foo(A) == 1")?.1 == "unknown function 'foo'")
        #expect(offset("A + true == 1")?.1.contains("cannot compute") == true)
        #expect(offset("period_start == 1")?.1.contains("cannot compare") == true)
        #expect(offset("round(A, 1, 2) == 1")?.1.contains("takes") == true)
        #expect(offset("A == B") == nil)
    }

    @Test func lexerAcceptsUnicodeOperators() throws {
        #expect(try eval("A ≤ B and C ≥ B and A ≠ B") == .bool(true))
        #expect(try eval("A = 3") == .bool(true))
    }
}

@Suite struct LabelKeyTests {
    @Test func joinedKeysKeepTheirParts() {
        // Commune + village: the split between parts matters, the spelling does not.
        let a = LabelKey(joining: [LabelKey("Xã A"), LabelKey("Bản B C")])
        #expect(a != LabelKey(joining: [LabelKey("Xã A Bản"), LabelKey("B C")]))
        #expect(a != LabelKey("Xã A Bản B C"))
        #expect(a == LabelKey(joining: [LabelKey(" XÃ  a"), LabelKey("bản b c".decomposedStringWithCanonicalMapping)]))
        #expect(Set([a, LabelKey(joining: [LabelKey("Xã A"), LabelKey("Bản B C")])]).count == 1)
    }

    @Test func foldsCaseSpacingAndNormalForm() {
        let nfc = "Có chi bộ"
        #expect(LabelKey(nfc) == LabelKey("  CÓ\u{00A0}\n chi   BỘ ".decomposedStringWithCanonicalMapping))
        #expect(LabelKey(nfc).folded == "có chi bộ")
        #expect(LabelKey("  Ghi\tCHU  ").folded == "ghi chu")
        #expect(LabelKey("Ghi chú") != LabelKey("Ghi chu"))
        #expect(LabelKey("").folded == "" && LabelKey("   ").folded == "")
        #expect(LabelKey("Đ").folded == "đ")
        // Precomposed text takes the no-normalisation path; these must still fold alike.
        #expect(LabelKey("Ế") == LabelKey("E\u{0302}\u{0301}"))
        #expect(LabelKey("\u{212B}") == LabelKey("å"))
        #expect(LabelKey("Ngô Thị Hồng").folded == "ngô thị hồng")
    }

    /// The table fold must give the bytes of the general fold for every covered scalar,
    /// alone and among spaces, and for mixed text; other text is left to the general fold.
    @Test func tableFoldMatchesGeneralFold() {
        let covered = (0..<UInt32(0x300)).compactMap(Unicode.Scalar.init) + (UInt32(0x1E00)..<0x1F00).compactMap(Unicode.Scalar.init)
        for u in covered {
            for s in [String(u), " \(u)\u{00A0}x\(u) \n", "A\(u)\(u)B"] {
                #expect(LabelKey.tableFold(s) == LabelKey.folding(s), "U+\(String(u.value, radix: 16))")
            }
        }
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let s = String(String.UnicodeScalarView((0..<Int.random(in: 0...12, using: &rng)).map { _ in covered.randomElement(using: &rng)! }))
            #expect(LabelKey.tableFold(s) == LabelKey.folding(s), "\(Array(s.unicodeScalars))")
        }
        #expect(LabelKey.tableFold("E\u{0302}") == nil)
        #expect(LabelKey.tableFold("\u{212B}") == nil)
        #expect(LabelKey.tableFold("İ") == "i\u{0307}")
    }

    /// Keys compare and hash as bytes: canonically equivalent labels, whichever fold
    /// they take, must give equal keys with equal hashes.
    @Test func equivalentLabelsGiveEqualKeysAndHashes() {
        let pairs = [("İ", "I\u{0307}"), ("Ế", "E\u{0302}\u{0301}"), ("\u{212B}", "å"), ("Có chi bộ", "CÓ CHI BỘ".decomposedStringWithCanonicalMapping)]
        for (a, b) in pairs {
            #expect(LabelKey(a) == LabelKey(b), "\(a) / \(b)")
            #expect(LabelKey(a).hashValue == LabelKey(b).hashValue, "\(a) / \(b)")
            #expect(Set([LabelKey(a)]).contains(LabelKey(b)))
        }
        #expect(LabelKey("Có") != LabelKey("Co"))
        #expect(LabelKey("") == LabelKey("  "))
    }
}
