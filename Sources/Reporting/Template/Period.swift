import XLSX

/// How long a reporting period is.
public enum PeriodKind: String, Sendable, Codable, CaseIterable {
    case year, quarter, month

    /// Parses a period of this kind: `2016`, `2016-Q3`, `2016-07`. Also accepts a
    /// number cell's text (`2016.0`) for years, and `Q3/2016`, `07/2016` forms.
    public func parse(_ text: String) -> Period? {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        switch self {
        case .year:
            var s = t
            if s.hasSuffix(".0") { s.removeLast(2) }
            guard s.count == 4, let y = Int(s), y >= 1900, y <= 9999 else { return nil }
            return Period(kind: .year, year: y, index: 1)
        case .quarter:
            let parts = t.split(whereSeparator: { $0 == "-" || $0 == "/" }).map(String.init)
            guard parts.count == 2 else { return nil }
            let (yText, qText) = parts[0].hasPrefix("Q") ? (parts[1], parts[0]) : (parts[0], parts[1])
            guard qText.hasPrefix("Q"), let q = Int(qText.dropFirst()), (1...4).contains(q),
                let y = Int(yText), yText.count == 4
            else { return nil }
            return Period(kind: .quarter, year: y, index: q)
        case .month:
            let parts = t.split(whereSeparator: { $0 == "-" || $0 == "/" }).map(String.init)
            guard parts.count == 2 else { return nil }
            let (yText, mText) = parts[0].count == 4 ? (parts[0], parts[1]) : (parts[1], parts[0])
            guard let m = Int(mText), (1...12).contains(m), let y = Int(yText), yText.count == 4
            else { return nil }
            return Period(kind: .month, year: y, index: m)
        }
    }
}

/// One reporting period: a year, a quarter or a month.
public struct Period: Sendable, Hashable, CustomStringConvertible {
    public var kind: PeriodKind
    public var year: Int
    /// The quarter (1–4) or month (1–12); 1 for a year.
    public var index: Int

    public init(kind: PeriodKind, year: Int, index: Int) {
        self.kind = kind
        self.year = year
        self.index = index
    }

    /// The year `y`.
    public static func year(_ y: Int) -> Period { Period(kind: .year, year: y, index: 1) }
    /// Quarter `q` (1–4) of year `y`.
    public static func quarter(_ y: Int, _ q: Int) -> Period { Period(kind: .quarter, year: y, index: q) }
    /// Month `m` (1–12) of year `y`.
    public static func month(_ y: Int, _ m: Int) -> Period { Period(kind: .month, year: y, index: m) }

    /// The last day of the period (year, month, day), from `endSerial`.
    public var lastDay: (year: Int, month: Int, day: Int) {
        let c = ExcelDate(serial: endSerial).components
        return (c?.year ?? year, c?.month ?? 12, c?.day ?? 31)
    }

    /// The canonical text: `2016`, `2016-Q3`, `2016-07`.
    public var description: String {
        switch kind {
        case .year: return String(year)
        case .quarter: return "\(year)-Q\(index)"
        case .month: return "\(year)-" + (index < 10 ? "0" : "") + String(index)
        }
    }

    /// First day of the period as an Excel serial (1900 system).
    public var startSerial: Double {
        switch kind {
        case .year: return ExcelDate.serial(year: year, month: 1, day: 1)
        case .quarter: return ExcelDate.serial(year: year, month: (index - 1) * 3 + 1, day: 1)
        case .month: return ExcelDate.serial(year: year, month: index, day: 1)
        }
    }

    /// Last day of the period as an Excel serial (1900 system).
    public var endSerial: Double {
        let (y, m): (Int, Int)
        switch kind {
        case .year: (y, m) = (year + 1, 1)
        case .quarter: (y, m) = index == 4 ? (year + 1, 1) : (year, index * 3 + 1)
        case .month: (y, m) = index == 12 ? (year + 1, 1) : (year, index + 1)
        }
        return ExcelDate.serial(year: y, month: m, day: 1) - 1
    }
}

extension Period: Comparable {
    /// The period before this one of the same kind: 2015 for 2016, 2016-Q2 for 2016-Q3,
    /// 2015-12 for 2016-01.
    public var previous: Period {
        switch kind {
        case .year: return .year(year - 1)
        case .quarter: return index == 1 ? .quarter(year - 1, 4) : .quarter(year, index - 1)
        case .month: return index == 1 ? .month(year - 1, 12) : .month(year, index - 1)
        }
    }

    /// The same period a year earlier (2015-Q3 for 2016-Q3): what "year over year" compares.
    public var yearEarlier: Period { Period(kind: kind, year: year - 1, index: index) }

    public static func < (a: Period, b: Period) -> Bool { (a.year, a.index) < (b.year, b.index) }
}
