import Foundation
import Testing
import XLSX

@testable import Reporting

@Suite struct ValidatorTests {
    @Test func characterCountMatchesNormalisedCount() {
        let covered = (0..<UInt32(0x300)).compactMap(Unicode.Scalar.init) + (UInt32(0x1E00)..<0x1F00).compactMap(Unicode.Scalar.init)
        var rng = SystemRandomNumberGenerator()
        let extra: [Unicode.Scalar] = ["\r", "\n", "\r", "\n", "\u{00AD}", " "]
        for _ in 0..<3_000 {
            let scalars = (0..<Int.random(in: 0...16, using: &rng)).map { _ in (covered + extra).randomElement(using: &rng)! }
            let s = String(String.UnicodeScalarView(scalars))
            #expect(MaxLengthCheck.characterCount(s) == s.precomposedStringWithCanonicalMapping.count, "\(scalars)")
        }
        for s in ["Nguyễn Văn A", "a\r\nb", "E\u{0301}", "👨‍👩‍👧", "Ư\u{0309}"] {
            #expect(MaxLengthCheck.characterCount(s) == s.precomposedStringWithCanonicalMapping.count, "\(s)")
        }
    }

    @Test func whitespaceShortcutMatchesTheProperty() {
        for v in UInt32(0)..<0x3000 {
            guard let u = Unicode.Scalar(v) else { continue }
            #expect(FieldReader.isWhitespace(u) == u.properties.isWhitespace, "U+\(String(v, radix: 16))")
        }
    }

    @Test func trimmedMatchesFoundationTrimming() {
        let samples = [
            "", "   ", "x", " Hà Nội ", "\u{00A0}\u{3000}Mường Nhé\u{2028}\u{0085}", "\t\nD0001\r\n",
            "\u{200B}zero width\u{200B}", "\u{202F}1 873\u{205F}", "a\u{2029}", "\u{1680}\u{2000}\u{200A}", "\u{FEFF}x\u{FEFF}", "\u{180E}y\u{180E}", "\u{200C}\u{200D}z\u{2060}",
        ]
        for s in samples {
            #expect(FieldReader.trimmed(s) == s.trimmingCharacters(in: .whitespacesAndNewlines), "\(Array(s.unicodeScalars))")
        }
    }

    let good = SubmissionBuilder()

    @Test func aConsistentSubmissionIsAccepted() throws {
        let (report, submission) = good.validate()
        #expect(report.issues.map { "\($0.code) \($0.sheet ?? "") \($0.cell ?? "")" } == [])
        #expect(report.status == .accepted)
        #expect(report.unit == "MNH")
        #expect(report.period == "2016")
        let s = try #require(submission)
        #expect(s.values["DV_CO"] == ["baseline": 7, "current": 8])
        #expect(s.values["KN"] == ["current": 2])
        #expect(s.lists["thon_ban"]?.count == 5)
        #expect(s.lists["thon_ban"]?[0]["co_chi_bo"] == .bool(true))
        #expect(s.lists["ket_nap"]?[1]["ngay_sinh"] == SubmissionBuilder.date(1995, 2, 28))
    }

    /// The one issue a change causes, as `code sheet!cell`.
    private func only(_ b: SubmissionBuilder, period: String? = "2016") -> [String] {
        b.validate(period: period).0.issues.map { "\($0.code) \($0.sheet ?? "-")!\($0.cell ?? "-")" }
    }

    // MARK: workbook checks

    @Test func missingSheet() {
        var b = good
        b.order.removeAll { $0 == "Kết nạp" }
        let r = b.validate().0
        #expect(r.issues.first?.code == "missing-sheet")
        #expect(r.issues.first?.expected == "Kết nạp")
        #expect(r.status == .rejected)
    }

    @Test func sheetNamesMatchFoldedAndNFD() {
        var b = good
        b.cells["chỉ  tiêu".decomposedStringWithCanonicalMapping.uppercased()] = b.cells.removeValue(forKey: "Chỉ tiêu")
        b.order = b.order.map { $0 == "Chỉ tiêu" ? "chỉ  tiêu".decomposedStringWithCanonicalMapping.uppercased() : $0 }
        #expect(b.codes() == [])
    }

    @Test func dataInHiddenSheet() {
        var b = good.with("Nháp", "C3", .number(42))
        b.hidden = ["Nháp"]
        #expect(only(b) == ["data-in-hidden-sheet Nháp!C3"])
        #expect(b.validate().0.status == .acceptedWithWarnings)
        var empty = good.with("Nháp", "C3", .empty)
        empty.order.append("Nháp")
        empty.hidden = ["Nháp"]
        #expect(empty.codes() == [])
        var lists = good.with("Danh mục", "A2", .string("Xã Mường Nhé"))
        lists.hidden = ["Danh mục"]
        #expect(lists.codes() == [])
    }

    @Test func wrongUnitUnknownUnitAndFileName() {
        #expect(only(good.with("Thông tin", "B4", .string("TGI"))) == ["wrong-unit Thông tin!B4"])
        #expect(only(good.with("Thông tin", "B4", .string("mnh"))) == [])
        #expect(only(good.with("Thông tin", "B4", .string("XYZ"))) == ["unknown-unit Thông tin!B4"])
        var b = good
        b.fileName = "bao cao muong nhe.xlsx"
        #expect(only(b) == ["file-name-mismatch -!-"])
        // The name expected is the pattern filled in for the unit and period, not `{unit}`.
        let mismatch = b.validate(period: "2016").0.issues.first { $0.code == "file-name-mismatch" }
        #expect(mismatch?.expected == "NQ04_MNH_2016.xlsx")
        #expect(mismatch?.found == "bao cao muong nhe.xlsx")
    }

    /// Spreadsheets in other formats are unreadable with the advice to save them as .xlsx:
    /// by their content for .xls and .ods (a LibreOffice .ods here), by their name for .xlsb
    /// and .csv, which the reader sees only as "not a ZIP archive" or a ZIP without a workbook.
    @Test func otherFormatsAreUnreadableWithTheSaveAsAdvice() throws {
        let dir = TempDir()
        let validator = Validator(template: nq04, period: nq04.period.parse("2016"))
        let ods = Repo.root + "/Tests/XLSXTests/Fixtures/opendocument_libreoffice.ods"
        let cases = [
            (ods, "open-document", "An OpenDocument spreadsheet (.ods); save it as .xlsx"),
            (dir.write("NQ04_MNH_2016.xlsb", "PK\u{3}\u{4} not really"), "binary-xlsb",
             "An Excel binary workbook (.xlsb); save it as .xlsx"),
            (dir.write("NQ04_MNH_2016.csv", "a,b\n1,2\n"), "csv-file", "A CSV text file (.csv), not a workbook; save it as .xlsx"),
            (dir.write("NQ04_MNH_2016.xls", "<html><table><tr><td>1</td></tr></table></html>"), "legacy-xls",
             "A legacy Excel 97-2003 .xls workbook; save it as .xlsx"),
        ]
        for (path, reason, message) in cases {
            let report = validator.validate(path: path).0
            #expect(report.status == .unreadable, "\(path)")
            let issue = try #require(report.issues.first)
            #expect(report.issues.map(\.code) == ["unreadable-file"] && issue.params["reason"] == reason, "\(report.issues)")
            #expect(IssueCatalogue.message(for: issue, lang: .en) == message)
            #expect(IssueCatalogue.message(for: issue, lang: .vi).contains("hãy lưu lại dưới dạng .xlsx"))
        }
    }

    /// A resubmission's usual names are no `file-name-mismatch`, and still confirm the unit.
    @Test func resubmissionNamesAreNotWarnedAbout() {
        for name in ["NQ04_MNH_2016_v2.xlsx", "NQ04_MNH_2016-v2.xlsx", "NQ04_MNH_2016 (2).xlsx", "NQ04_MNH_2016_2.xlsx"] {
            var b = good
            b.fileName = name
            #expect(only(b) == [], "\(name)")
        }
        var other = good
        other.fileName = "NQ04_TGI_2016_v2.xlsx"
        #expect(only(other) == ["wrong-unit Thông tin!B4"])
    }

    @Test func wrongPeriod() {
        // Dates are judged against the period the workbook states: 2016 admissions in a 2015 report are out of it.
        #expect(only(good.with("Thông tin", "B6", .string("2015"))) == ["wrong-period Thông tin!B6", "nq04-ketnap-trong-ky Kết nạp!H4", "nq04-ketnap-trong-ky Kết nạp!H5"])
        #expect(only(good.with("Thông tin", "B6", .number(2016))) == [])
        #expect(only(good.with("Thông tin", "B6", .string("năm ngoái"))) == ["wrong-period Thông tin!B6"])
        // The job's period wins over the file name: a 2016 file in a 2017 job is wrong.
        #expect(good.validate(period: "2017").0.issues.contains { $0.code == "wrong-period" && $0.expected == "2017" })
        var b = good
        b.fileName = "NQ04_MNH_2015.xlsx"
        #expect(only(b, period: nil) == ["wrong-period Thông tin!B6"])
    }

    @Test func wrongFormCode() {
        #expect(only(good.with("Thông tin", "B3", .string("NQ05"))) == ["wrong-form Thông tin!B3"])
    }

    @Test func missingIndicatorAndInsertedRows() {
        #expect(only(good.with("Chỉ tiêu", "A9", .string("XX"))) == ["missing-indicator Chỉ tiêu!A", "data-outside-area Chỉ tiêu!E9:F9"])
        // Rows inserted above: codes are found wherever they are.
        var moved = SubmissionBuilder()
        let old = moved.cells["Chỉ tiêu"]!
        moved.cells["Chỉ tiêu"] = Dictionary(uniqueKeysWithValues: old.map { ref, c in
            (ref.row >= 4 ? CellRef(row: ref.row + 3, column: ref.column) : ref, c)
        })
        #expect(moved.codes() == [])
    }

    @Test func duplicateIndicatorRow() {
        let b = good.with("Chỉ tiêu", "A16", .string("DV")).with("Chỉ tiêu", "F16", .number(99))
        #expect(only(b) == ["duplicate-key Chỉ tiêu!A16"])
    }

    // MARK: cell checks

    @Test func numberAsTextIsFlaggedAndReadRight() throws {
        let b = good.with("Chỉ tiêu", "F7", .string("1.873")).with("Chỉ tiêu", "F8", .string("1.865"))
            .with("Chỉ tiêu", "F9", .string("8"))
        let (r, s) = b.validate()
        #expect(r.issues.map(\.code) == ["number-as-text", "number-as-text", "number-as-text"])
        #expect(r.issues[0].found == "1.873")
        #expect(r.issues[0].expected == "1873")
        #expect(r.status == .acceptedWithWarnings)
        #expect(s?.values["DV"]?["current"] == 1873)
    }

    @Test func vietnameseNumbersParse() {
        func n(_ s: String, _ integer: Bool = false) -> Double? {
            FieldReader.parseNumber(s, integer: integer).map { $0.1 ? FieldReader.percent($0.0) : $0.0 }
        }
        #expect(n("1.873") == 1873)
        #expect(n("1.873.000") == 1_873_000)
        #expect(n("93,65%") == 0.9365)
        #expect(n("2.5") == 2.5)
        #expect(n("1,873", true) == 1873)
        #expect(n("93,65") == 93.65)
        #expect(n("1.234,5") == 1234.5)
        #expect(n("1,234.5") == 1234.5)
        #expect(n("1 873") == 1873)
        #expect(n("-12") == -12)
        #expect(n("12a") == nil)
        #expect(n("1.87.3") == nil)
        #expect(n("") == nil)
    }

    @Test func blankRequired() {
        #expect(only(good.with("Chỉ tiêu", "E7", .empty)) == ["blank-required Chỉ tiêu!E7"])
        #expect(only(good.with("Thôn bản", "D5", .empty)) == ["blank-required Thôn bản!D5"])
        #expect(only(good.with("Thông tin", "B7", .empty)) == ["blank-required Thông tin!B7"])
        // The optional notes column may stay blank; a dash is blank, not text.
        #expect(only(good.with("Thôn bản", "G5", .string("ghi chú"))) == [])
    }

    @Test func wrongType() {
        #expect(only(good.with("Chỉ tiêu", "F7", .string("nhiều"))) == ["wrong-type Chỉ tiêu!F7"])
        #expect(only(good.with("Chỉ tiêu", "F7", .number(10.5))) == ["wrong-type Chỉ tiêu!F7"])
        #expect(only(good.with("Thôn bản", "E4", .string("Chưa rõ"))) == ["wrong-type Thôn bản!E4"])
        #expect(only(good.with("Kết nạp", "C4", .string("ngày xưa"))) == ["wrong-type Kết nạp!C4"])
    }

    @Test func booleansAsClerksWriteThem() {
        for yes in ["x", "X", "có", "CÓ", "TRUE"] { #expect(only(good.with("Thôn bản", "E4", .string(yes))) == []) }
        #expect(only(good.with("Thôn bản", "E4", .bool(true))) == [])
    }

    @Test func dateAsText() {
        let r = good.with("Kết nạp", "C4", .string("01/05/1990")).validate().0
        #expect(r.issues.map(\.code) == ["date-as-text"])
        #expect(r.issues[0].expected == "01/05/1990")
    }

    @Test func outOfRange() {
        let b = good.with("Thôn bản", "F5", .number(-1))
        let issues = b.validate().0.issues
        #expect(issues.first?.code == "out-of-range")
        #expect(issues.first?.cell == "F5")
        #expect(issues.first?.expected == "[0, 5000]")
    }

    @Test func patternMismatch() {
        #expect(only(good.with("Kết nạp", "I4", .string("số 694"))) == ["pattern-mismatch Kết nạp!I4"])
    }

    @Test func valueNotAllowed() {
        #expect(only(good.with("Kết nạp", "D4", .string("Khác"))) == ["value-not-allowed Kết nạp!D4"])
        #expect(only(good.with("Kết nạp", "D4", .string("  nam "))) == [])
        #expect(only(good.with("Thôn bản", "D4", .string("Tổ dân phố".decomposedStringWithCanonicalMapping))) == [])
    }

    @Test func tooLong() {
        #expect(only(good.with("Kết nạp", "B4", .string(String(repeating: "a", count: 81)))) == ["too-long Kết nạp!B4"])
    }

    @Test func unknownCode() {
        #expect(only(good.with("Kết nạp", "E4", .string("Klingon"))) == ["unknown-code Kết nạp!E4"])
        // A commune of another district is unknown for this one.
        let other = good.with("Kết nạp", "F4", .string("Phường Him Lam"))
        #expect(only(other) == ["unknown-code Kết nạp!F4"])
        #expect(only(good.with("Kết nạp", "F4", .string("xã mường nhé"))) == [])
    }

    @Test func formulaWithoutValueAndErrorValue() {
        #expect(only(good.with("Chỉ tiêu", "F10", .empty, formula: true)) == ["formula-without-value Chỉ tiêu!F10"])
        #expect(only(good.with("Chỉ tiêu", "F10", .number(5), formula: true)) == [])
        #expect(only(good.with("Chỉ tiêu", "F10", .error(.div0))) == ["error-value Chỉ tiêu!F10"])
    }

    @Test func notApplicableFilled() {
        #expect(only(good.with("Chỉ tiêu", "E6", .number(5))) == ["not-applicable-filled Chỉ tiêu!E6"])
        #expect(only(good.with("Chỉ tiêu", "E6", .string("—"))) == [])
    }

    // MARK: table checks

    @Test func headerFoundDespiteCaseSpacingAndNFD() {
        let b = good.with("Thôn bản", "B3", .string("  XÃ,  PHƯỜNG, THỊ TRẤN ".decomposedStringWithCanonicalMapping))
        #expect(b.codes() == [])
    }

    @Test func aColumnNumberingRowUnderTheHeaderIsSkipped() {
        // Move the village rows down one and put (1)…(7) under the header.
        var b = good
        let old = b.cells["Thôn bản"]!
        b.cells["Thôn bản"] = Dictionary(uniqueKeysWithValues: old.map { ref, c in
            (ref.row >= 3 ? CellRef(row: ref.row + 1, column: ref.column) : ref, c)
        })
        for (i, c) in ["A", "B", "C", "D", "E", "F", "G"].enumerated() { b = b.with("Thôn bản", "\(c)4", .string("(\(i + 1))")) }
        #expect(b.codes() == [])
        #expect(b.validate().1?.lists["thon_ban"]?.count == 5)
    }

    @Test func headerNotFoundAndMissingColumn() {
        var b = good
        b.cells["Thôn bản"] = b.cells["Thôn bản"]!.filter { $0.key.row != 2 }
        #expect(b.codes().contains("header-not-found"))
        #expect(only(good.with("Thôn bản", "E3", .string("Chi bộ?"))) == ["missing-column Thôn bản!A3:G3"])
    }

    @Test func duplicateCompositeKey() {
        let b = good.with("Thôn bản", "C5", .string("bản mường nhé"))
        #expect(only(b) == ["duplicate-key Thôn bản!B5"])
        // Same village name in another commune is fine.
        #expect(only(good.with("Thôn bản", "C6", .string("Bản Nậm Là"))) == [])
    }

    @Test func dataOutsideArea() {
        #expect(only(good.with("Thôn bản", "K5", .string("?"))) == ["data-outside-area Thôn bản!K5"])
        #expect(only(good.with("Chỉ tiêu", "J7", .number(1))) == ["data-outside-area Chỉ tiêu!J7"])
        // Below the first blank row.
        let below = good.with("Thôn bản", "C12", .string("Bản lạc"))
        #expect(only(below) == ["data-outside-area Thôn bản!C12"])
    }

    // MARK: rules

    @Test func sumRulePerValueColumn() {
        let r = good.with("Chỉ tiêu", "E9", .number(7)).validate().0  // DV_CO + DV_CHUA baseline 7 + 7 != 10
        let dv = r.issues.filter { $0.code == "nq04-dv-tong" }
        #expect(dv.count == 1)
        #expect(dv[0].cell == "E7")
        #expect(dv[0].found == "14")
        #expect(dv[0].expected == "== 10")
        #expect(dv[0].params["column"] == "baseline")
        #expect(r.status == .rejected)
        let msg = IssueCatalogue.message(for: dv[0], lang: .en)
        #expect(msg.contains("(14)") && msg.contains("(10)") && msg.contains("When the resolution was issued"))
    }

    @Test func comparisonRules() {
        // TB_TRANG (current) 3 > TB_CHUA 2.
        let codes = good.with("Chỉ tiêu", "F13", .number(3)).codes()
        #expect(codes.contains("nq04-trang-le-chua"))
        #expect(good.with("Chỉ tiêu", "F14", .number(9)).codes() == ["nq04-tsvm-le-dvco"])
    }

    @Test func listAggregateRules() {
        // One more village with a cell: count, count where co_chi_bo.
        let b = good.with("Thôn bản", "A9", .number(6)).with("Thôn bản", "B9", .string("Xã Sín Thầu"))
            .with("Thôn bản", "C9", .string("Bản Mới")).with("Thôn bản", "D9", .string("Bản"))
            .with("Thôn bản", "E9", .string("Có")).with("Thôn bản", "F9", .number(4))
        #expect(b.codes() == ["nq04-ds-thon-tong", "nq04-ds-thon-chibo"])
        #expect(good.with("Thôn bản", "F8", .number(1)).codes() == ["nq04-ds-thon-trang"])
        let fewer = good.with("Chỉ tiêu", "F6", .number(3)).with("Chỉ tiêu", "F5", .number(3))
        #expect(fewer.codes() == ["nq04-ds-ketnap-tong"])
    }

    @Test func infoRuleDoesNotChangeStatus() {
        let r = good.with("Chỉ tiêu", "F5", .number(5)).validate().0
        #expect(r.issues.map(\.code) == ["nq04-kn-chi-tieu"])
        #expect(r.issues[0].severity == .info)
        #expect(r.status == .accepted)
    }

    @Test func rowRules() {
        // A cell with 2 members: warning.
        #expect(only(good.with("Thôn bản", "F5", .number(2))) == ["nq04-chibo-3dv Thôn bản!E5"])
        // Admitted at 17.
        let young = good.with("Kết nạp", "C4", SubmissionBuilder.date(1999, 3, 16))
        #expect(only(young) == ["nq04-ketnap-18 Kết nạp!H4"])
        #expect(only(good.with("Kết nạp", "C4", SubmissionBuilder.date(1998, 3, 15))) == [])
        // Admitted before the period, and after the report date.
        #expect(only(good.with("Kết nạp", "H4", SubmissionBuilder.date(2015, 12, 31))) == ["nq04-ketnap-trong-ky Kết nạp!H4"])
        #expect(only(good.with("Kết nạp", "H5", SubmissionBuilder.date(2016, 11, 18))) == ["nq04-ketnap-trong-ky Kết nạp!H5"])
    }

    @Test func issuesAreSortedBySheetRowColumn() {
        let b = good.with("Kết nạp", "D5", .string("?")).with("Thông tin", "B4", .string("TGI")).with("Chỉ tiêu", "F7", .string("x y"))
        #expect(b.validate().0.issues.map(\.sheet) == ["Thông tin", "Chỉ tiêu", "Kết nạp"])
    }

    @Test func fileNameWithoutAPeriodIsAMismatch() {
        var b = good
        b.fileName = "NQ04_MNH_moi-nhat.xlsx"
        #expect(only(b) == ["file-name-mismatch -!-"])
        b.fileName = "nq04_mnh_2016.XLSM"
        #expect(only(b) == [])
    }

    @Test func fixedCellsPercentAndRatioRuleWithTolerance() throws {
        let dir = TempDir()
        _ = dir.write("units.csv", "code,name,kind\nA,Unit A,\n")
        let path = dir.write("t.yaml", """
            report: T
            title: Test
            period: month
            units: units.csv
            identify:
              sheet: Info
              fields:
                - { id: unit, cell: B1, label: Unit }
                - { id: period, cell: B2, label: Period }
            forms:
              - sheet: Form
                columns:
                  - { id: now, column: C, label: Now }
                indicators:
                  - { code: N, label: Count, cells: { now: C3 } }
                  - { code: K, label: Part, cells: { now: C4 } }
                  - { code: R, label: Share, type: percent, max: 1, cells: { now: C5 } }
            rules:
              - code: share
                check: R == K / N
                tolerance: 0.0005
                message: "{left} vs {right}"
            """)
        let t = try TemplateLoader.load(path: path)
        func run(_ r: CellValue) -> [String] {
            let wb = WorkbookSnapshot(fileName: "x.xlsx", sheets: [
                SheetSnapshot(name: "Info", index: 0, rows: [[nil, .string("A")], [nil, .string("2016-07")]]),
                SheetSnapshot(name: "Form", index: 1, rows: [[], [], [nil, nil, .number(7)], [nil, nil, .number(3)], [nil, nil, r]]),
            ])
            return Validator(template: t, period: t.period.parse("07/2016")).validate(wb).0.issues.map { "\($0.code) \($0.cell ?? "")" }
        }
        #expect(run(.number(0.4286)) == [])
        #expect(run(.string("42,86%")) == ["number-as-text C5"])
        #expect(run(.number(0.43)) == ["share C5"])
        #expect(run(.number(1.2)) == ["out-of-range C5"])
        #expect(run(.empty) == ["blank-required C5"])
    }
}
