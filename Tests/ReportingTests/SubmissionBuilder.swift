import XLSX

@testable import Reporting

/// An in-memory Resolution 04 submission whose figures are all consistent; tests break
/// one thing at a time with `set` and check what validation says.
struct SubmissionBuilder {
    var fileName = "NQ04_MNH_2016.xlsx"
    var order: [String] = ["Thông tin", "Chỉ tiêu", "Thôn bản", "Kết nạp"]
    var hidden: Set<String> = []
    var cells: [String: [CellRef: SheetCell]] = [:]

    static func date(_ y: Int, _ m: Int, _ d: Int) -> CellValue { .date(ExcelDate(serial: ExcelDate.serial(year: y, month: m, day: d))) }

    init() {
        put("Thông tin", "A1", .string("BÁO CÁO KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT SỐ 04-NQ/TU"))
        let info: [(String, CellValue)] = [
            ("Mã biểu mẫu", .string("NQ04")), ("Mã đơn vị", .string("MNH")), ("Tên đơn vị", .string("Huyện ủy Mường Nhé")),
            ("Kỳ báo cáo", .string("2016")), ("Ngày báo cáo", Self.date(2016, 11, 17)), ("Người lập biểu", .string("Lò Văn Minh")),
            ("Điện thoại", .string("0215 3831 234")),
        ]
        for (i, (label, v)) in info.enumerated() {
            put("Thông tin", "A\(i + 3)", .string(label))
            put("Thông tin", "B\(i + 3)", v)
        }
        put("Chỉ tiêu", "A1", .string("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"))
        put("Chỉ tiêu", "A2", .string("(Số liệu từ 01/01/2016 đến 17/11/2016)"))
        for (c, h) in zip(["A", "B", "C", "D", "E", "F", "G"], ["Mã chỉ tiêu", "STT", "Chỉ tiêu", "Đơn vị tính", "Tại thời điểm ban hành", "Đến kỳ báo cáo", "Ghi chú"]) {
            put("Chỉ tiêu", "\(c)4", .string(h))
        }
        let figures: [(String, Double?, Double)] = [
            ("KN_CT", nil, 2), ("KN", nil, 2), ("DV", 10, 10), ("DV_CO", 7, 8), ("DV_CHUA", 3, 2), ("TB", 5, 5),
            ("TB_CO", 2, 3), ("TB_CHUA", 3, 2), ("TB_TRANG", 2, 1), ("TCCS_TSVM", 4, 5),
        ]
        for (i, (code, base, cur)) in figures.enumerated() {
            let r = i + 5
            put("Chỉ tiêu", "A\(r)", .string(code))
            put("Chỉ tiêu", "B\(r)", .number(Double(i + 1)))
            put("Chỉ tiêu", "C\(r)", .string("Chỉ tiêu \(code)"))
            if let base { put("Chỉ tiêu", "E\(r)", .number(base)) }
            put("Chỉ tiêu", "F\(r)", .number(cur))
        }
        put("Thôn bản", "A1", .string("DANH SÁCH THÔN, BẢN"))
        for (c, h) in zip(["A", "B", "C", "D", "E", "F", "G"], ["STT", "Xã, phường, thị trấn", "Tên thôn, bản, tổ dân phố", "Loại", "Có chi bộ", "Số đảng viên", "Ghi chú"]) {
            put("Thôn bản", "\(c)3", .string(h))
        }
        let villages: [(String, String, String, String, Double)] = [
            ("Xã Mường Nhé", "Bản Mường Nhé", "Bản", "Có", 12), ("Xã Mường Nhé", "Bản Nậm Là", "Bản", "Có", 5),
            ("Xã Chung Chải", "Bản Chung Chải", "Bản", "Có", 3), ("Xã Chung Chải", "Bản Tả Ló San", "Bản", "Không", 2),
            ("Xã Sín Thầu", "Bản A Pa Chải", "Bản", "Không", 0),
        ]
        for (i, v) in villages.enumerated() {
            let r = i + 4
            put("Thôn bản", "A\(r)", .number(Double(i + 1)))
            put("Thôn bản", "B\(r)", .string(v.0))
            put("Thôn bản", "C\(r)", .string(v.1))
            put("Thôn bản", "D\(r)", .string(v.2))
            put("Thôn bản", "E\(r)", .string(v.3))
            put("Thôn bản", "F\(r)", .number(v.4))
        }
        put("Kết nạp", "A1", .string("DANH SÁCH ĐẢNG VIÊN MỚI ĐƯỢC KẾT NẠP"))
        for (c, h) in zip(["A", "B", "C", "D", "E", "F", "G", "H", "I"], ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Xã, phường, thị trấn", "Thôn, bản, tổ dân phố", "Ngày kết nạp", "Số quyết định"]) {
            put("Kết nạp", "\(c)3", .string(h))
        }
        let members: [(String, CellValue, String, String, String, String, CellValue, String)] = [
            ("Giàng A Páo", Self.date(1990, 5, 1), "Nam", "Mông", "Xã Mường Nhé", "Bản Nậm Là", Self.date(2016, 3, 15), "694-QĐ/HU"),
            ("Lò Thị Xuân", Self.date(1995, 2, 28), "Nữ", "Thái", "Xã Chung Chải", "Bản Chung Chải", Self.date(2016, 9, 2), "701-QĐ/HU"),
        ]
        for (i, m) in members.enumerated() {
            let r = i + 4
            put("Kết nạp", "A\(r)", .number(Double(i + 1)))
            put("Kết nạp", "B\(r)", .string(m.0))
            put("Kết nạp", "C\(r)", m.1)
            put("Kết nạp", "D\(r)", .string(m.2))
            put("Kết nạp", "E\(r)", .string(m.3))
            put("Kết nạp", "F\(r)", .string(m.4))
            put("Kết nạp", "G\(r)", .string(m.5))
            put("Kết nạp", "H\(r)", m.6)
            put("Kết nạp", "I\(r)", .string(m.7))
        }
    }

    mutating func put(_ sheet: String, _ a1: String, _ v: CellValue, formula: Bool = false) {
        if !order.contains(sheet) { order.append(sheet) }
        cells[sheet, default: [:]][CellRef(a1)!] = SheetCell(value: v, hasFormula: formula)
    }

    /// Changes one cell (`.empty` clears it).
    func with(_ sheet: String, _ a1: String, _ v: CellValue, formula: Bool = false) -> SubmissionBuilder {
        var b = self
        if case .empty = v, !formula {
            b.cells[sheet]?[CellRef(a1)!] = nil
        } else {
            b.put(sheet, a1, v, formula: formula)
        }
        return b
    }

    var snapshot: WorkbookSnapshot {
        WorkbookSnapshot(
            fileName: fileName,
            sheets: order.enumerated().map { i, name in
                SheetSnapshot(name: name, index: i, hidden: hidden.contains(name), cells: cells[name] ?? [:])
            })
    }

    func validate(period: String? = "2016") -> (FileReport, Submission?) {
        Validator(template: nq04, period: period.flatMap { nq04.period.parse($0) }).validate(snapshot)
    }

    /// The codes of the issues validation reports, in report order.
    func codes(period: String? = "2016") -> [String] { validate(period: period).0.issues.map(\.code) }
}
