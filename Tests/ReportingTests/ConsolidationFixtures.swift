import Reporting
import XLSX

/// A Resolution 04-like spec and in-memory submissions for consolidation tests. The
/// province-wide figures are split over the units by a deterministic largest-remainder
/// split, so the tests check that consolidation adds them back up (and derives the
/// ratios) rather than comparing a value with itself.
enum ConsolidationFixtures {
    static func L(_ vi: String, _ en: String = "") -> Localized { Localized(vi: vi, en: en.isEmpty ? vi : en) }

    static let units: [ConsolidationSpec.Unit] = [
        .init(code: "DBP", name: "Thành ủy Điện Biên Phủ"), .init(code: "MLA", name: "Thị ủy Mường Lay"),
        .init(code: "DBI", name: "Huyện ủy Điện Biên"), .init(code: "DBD", name: "Huyện ủy Điện Biên Đông"),
        .init(code: "MAN", name: "Huyện ủy Mường Ảng"), .init(code: "MCH", name: "Huyện ủy Mường Chà"),
        .init(code: "MNH", name: "Huyện ủy Mường Nhé"), .init(code: "NPO", name: "Huyện ủy Nậm Pồ"),
        .init(code: "TCH", name: "Huyện ủy Tủa Chùa"), .init(code: "TGI", name: "Huyện ủy Tuần Giáo"),
    ]

    static var spec: ConsolidationSpec {
        let both = ["baseline", "current"]
        func ind(_ code: String, _ label: String, _ unit: String, _ cols: [String]) -> ConsolidationSpec.Indicator {
            .init(code: code, label: L(label), unitOfMeasure: L(unit), columns: cols)
        }
        let thon: [ConsolidationSpec.ListColumn] = [
            .init(id: "xa", label: L("Xã, phường, thị trấn")),
            .init(id: "thon", label: L("Tên thôn, bản, tổ dân phố")),
            .init(id: "loai", label: L("Loại")),
            .init(id: "co_chi_bo", label: L("Có chi bộ"), kind: .bool),
            .init(id: "dang_vien", label: L("Số đảng viên"), kind: .integer),
            .init(id: "ghi_chu", label: L("Ghi chú")),
        ]
        let ketNap: [ConsolidationSpec.ListColumn] = [
            .init(id: "ho_ten", label: L("Họ và tên")),
            .init(id: "ngay_sinh", label: L("Ngày sinh"), kind: .date),
            .init(id: "gioi_tinh", label: L("Giới tính")),
            .init(id: "dan_toc", label: L("Dân tộc")),
            .init(id: "xa", label: L("Xã, phường, thị trấn")),
            .init(id: "thon", label: L("Thôn, bản, tổ dân phố")),
            .init(id: "ngay_ket_nap", label: L("Ngày kết nạp"), kind: .date),
            .init(id: "so_qd", label: L("Số quyết định")),
        ]
        return ConsolidationSpec(
            title: L("Báo cáo kết quả thực hiện Nghị quyết số 04-NQ/TU", "Resolution 04-NQ/TU report"),
            units: units,
            columns: [
                .init(id: "baseline", label: L("Tại thời điểm ban hành Nghị quyết (23/5/2016)", "At the resolution")),
                .init(id: "current", label: L("Đến kỳ báo cáo", "At the report date")),
            ],
            baselineColumn: "baseline", currentColumn: "current",
            indicators: [
                ind("KN_CT", "Chỉ tiêu kết nạp đảng viên năm 2016", "đảng viên", ["current"]),
                ind("KN", "Số đảng viên mới được kết nạp", "đảng viên", ["current"]),
                ind("DV", "Tổng số đơn vị cơ sở", "đơn vị", both),
                ind("DV_CO", "Đơn vị cơ sở đã có tổ chức cơ sở đảng", "đơn vị", both),
                ind("DV_CHUA", "Đơn vị cơ sở chưa có tổ chức cơ sở đảng", "đơn vị", both),
                ind("TB", "Tổng số thôn, bản, tổ dân phố", "thôn, bản", both),
                ind("TB_CO", "Thôn, bản, tổ dân phố đã có chi bộ", "thôn, bản", both),
                ind("TB_CHUA", "Thôn, bản, tổ dân phố chưa có chi bộ", "thôn, bản", both),
                ind("TB_TRANG", "Thôn, bản chưa có đảng viên", "thôn, bản", both),
                ind("TCCS_TSVM", "Tổ chức cơ sở đảng đạt \"trong sạch vững mạnh\"", "tổ chức", both),
            ],
            ratios: [
                .init(id: "DV_CO/DV", label: L("Tỷ lệ đơn vị cơ sở đã có tổ chức cơ sở đảng"), numerator: "DV_CO", denominator: "DV"),
                .init(id: "DV_CHUA/DV", label: L("Tỷ lệ đơn vị cơ sở chưa có tổ chức cơ sở đảng"), numerator: "DV_CHUA", denominator: "DV"),
                .init(id: "TB_CHUA/TB", label: L("Tỷ lệ thôn, bản chưa có chi bộ"), numerator: "TB_CHUA", denominator: "TB"),
            ],
            targets: [.init(indicator: "KN", target: "KN_CT", column: "current")],
            lists: [
                .init(list: "ket_nap", sourceSheet: "Kết nạp", sheetName: "Đảng viên kết nạp",
                      title: L("Danh sách đảng viên mới được kết nạp"), columns: ketNap),
            ],
            actionList: .init(
                list: "thon_ban", filter: .init(column: "dang_vien", test: .zero), groupBy: ["xa", "thon"],
                sheetName: "Thôn trắng đảng viên", title: L("Danh sách thôn, bản chưa có đảng viên"),
                columns: thon),
            personKey: .init(list: "ket_nap", sourceSheet: "Kết nạp", columns: ["ho_ten", "ngay_sinh"]),
            placeKey: .init(list: "thon_ban", sourceSheet: "Thôn bản", columns: ["xa", "thon"]))
    }

    /// Largest-remainder split of `total` over `weights` (deterministic, sums exactly).
    static func split(_ total: Int, _ weights: [Int]) -> [Int] {
        let w = weights.reduce(0, +)
        var parts = weights.map { total * $0 / w }
        let rema = weights.enumerated().map { ($0.offset, total * $0.element % w) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        for i in 0..<(total - parts.reduce(0, +)) { parts[rema[i].0] += 1 }
        return parts
    }

    /// Per-unit figures: indicator -> column -> value for each of the ten units,
    /// split from the published province totals, with Mường Nhé's published figures fixed.
    static func unitFigures() -> [String: [String: [String: Double]]] {
        let codes = units.map(\.code)
        let mnh = codes.firstIndex(of: "MNH")!
        let weights = [9, 3, 12, 10, 8, 11, 13, 12, 9, 13]
        // Others share what Mường Nhé does not take.
        func spread(_ total: Int, mnhValue: Int) -> [Int] {
            var w = weights
            w.remove(at: mnh)
            var parts = split(total - mnhValue, w)
            parts.insert(mnhValue, at: mnh)
            return parts
        }
        let dv = split(821, weights)
        let dvCoB = split(630, weights), dvCoC = split(638, weights)
        let tb = split(1_813, weights)
        let tbCoB = split(1_405, weights), tbCoC = split(1_417, weights)
        let trangB = spread(95, mnhValue: 38), trangC = spread(71, mnhValue: 18)
        let kn = spread(1_873, mnhValue: 112), knCT = spread(2_000, mnhValue: 154)
        let tsvmB = split(280, weights), tsvmC = split(301, weights)
        var out: [String: [String: [String: Double]]] = [:]
        for (i, c) in codes.enumerated() {
            func pair(_ b: Int, _ cur: Int) -> [String: Double] { ["baseline": Double(b), "current": Double(cur)] }
            out[c] = [
                "KN_CT": ["current": Double(knCT[i])], "KN": ["current": Double(kn[i])],
                "DV": pair(dv[i], dv[i]), "DV_CO": pair(dvCoB[i], dvCoC[i]),
                "DV_CHUA": pair(dv[i] - dvCoB[i], dv[i] - dvCoC[i]),
                "TB": pair(tb[i], tb[i]), "TB_CO": pair(tbCoB[i], tbCoC[i]),
                "TB_CHUA": pair(tb[i] - tbCoB[i], tb[i] - tbCoC[i]),
                "TB_TRANG": pair(trangB[i], trangC[i]), "TCCS_TSVM": pair(tsvmB[i], tsvmC[i]),
            ]
        }
        return out
    }

    /// A submission for `unit` whose lists agree with its figures: `TB` villages of which
    /// the last `TB_TRANG` have no member, and `KN` admitted members.
    static func submission(_ unit: String, values: [String: [String: Double]], period: String = "2016") -> Submission {
        let tb = Int(values["TB"]?["current"] ?? 0)
        let trang = Int(values["TB_TRANG"]?["current"] ?? 0)
        let co = Int(values["TB_CO"]?["current"] ?? 0)
        var villages: [ListRow] = []
        for i in 0..<tb {
            let empty = i >= tb - trang
            villages.append(ListRow(row: 3 + i, values: [
                "xa": .string("Xã \(unit) \(i % 7 + 1)"), "thon": .string("Bản \(unit)-\(i + 1)"),
                "loai": .string("Bản"), "co_chi_bo": .bool(i < co),
                "dang_vien": .number(empty ? 0 : Double(3 + i % 5)),
            ]))
        }
        var members: [ListRow] = []
        for i in 0..<Int(values["KN"]?["current"] ?? 0) {
            members.append(ListRow(row: 3 + i, values: [
                "ho_ten": .string("Lò Văn \(unit) \(i + 1)"),
                "ngay_sinh": .date(ExcelDate(serial: ExcelDate.serial(year: 1990, month: 1 + i % 12, day: 1 + i % 28))),
                "gioi_tinh": .string(i % 2 == 0 ? "Nam" : "Nữ"), "dan_toc": .string("Thái"),
                "xa": .string("Xã \(unit) \(i % 7 + 1)"), "thon": .string("Bản \(unit)-\(i % max(tb, 1) + 1)"),
                "ngay_ket_nap": .date(ExcelDate(serial: ExcelDate.serial(year: 2016, month: 1 + i % 10, day: 1 + i % 28))),
                "so_qd": .string("\(100 + i)-QĐ/HU"),
            ]))
        }
        return Submission(
            file: "NQ04_\(unit)_\(period).xlsx", unit: unit, period: period, values: values,
            lists: ["thon_ban": villages, "ket_nap": members])
    }

    static func accepted(_ s: Submission) -> FileReport {
        FileReport(file: s.file, status: .accepted, unit: s.unit, period: s.period, issues: [])
    }

    /// All ten units submitted and accepted.
    static func allAccepted() -> ([Submission], [FileReport]) {
        let figures = unitFigures()
        let subs = units.map { submission($0.code, values: figures[$0.code]!) }
        return (subs, subs.map(accepted))
    }
}
