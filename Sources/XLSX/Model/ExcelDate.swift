/// A date-typed cell: the serial number, the workbook's date system, and what the
/// number format shows (date, date-time, time of day, or elapsed duration).
public struct ExcelDate: Hashable, Sendable {
    /// What a date-styled number stands for.
    public enum Kind: String, Hashable, Sendable {
        case date, dateTime, time, duration
    }

    /// Days since the epoch of the date system, with the time of day as the fraction.
    public var serial: Double
    /// True for the 1904 date system (epoch 1904-01-01), false for 1900.
    public var is1904: Bool
    /// What the cell's format shows.
    public var kind: Kind

    public init(serial: Double, is1904: Bool = false, kind: Kind = .date) {
        self.serial = serial
        self.is1904 = is1904
        self.kind = kind
    }

    /// Calendar fields of the serial, minding the 1900 leap-year bug (serial 60 is
    /// 1900-02-29, a day that never was). Nil for serials before the epoch or absurdly large.
    public var components: DateComponents? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if seconds >= 86_400 { days += 1; seconds -= 86_400 }
        let (y, m, d): (Int, Int, Int)
        if is1904 {
            (y, m, d) = ExcelDate.civil(fromDays: days + ExcelDate.days1904Epoch)
        } else if days == 60 {
            (y, m, d) = (1900, 2, 29)
        } else if days == 0 {
            (y, m, d) = (1900, 1, 0)
        } else {
            // Serials after 60 count the phantom 29 Feb 1900.
            let adjusted = days < 60 ? days : days - 1
            (y, m, d) = ExcelDate.civil(fromDays: adjusted + ExcelDate.days1900Epoch)
        }
        return DateComponents(
            year: y, month: m, day: d,
            hour: seconds / 3600, minute: (seconds / 60) % 60, second: seconds % 60)
    }

    /// The serial of a calendar date in the 1900 system (or 1904 when asked).
    public static func serial(year: Int, month: Int, day: Int, is1904: Bool = false) -> Double {
        let days = daysFromCivil(year, month, day)
        if is1904 { return Double(days - days1904Epoch) }
        let s = days - days1900Epoch
        // Dates from 1 March 1900 are one more, counting Excel's phantom 29 Feb 1900.
        return Double(s >= 60 ? s + 1 : s)
    }

    /// Plain calendar fields; no Foundation dependency, no time zone.
    public struct DateComponents: Hashable, Sendable {
        public var year, month, day, hour, minute, second: Int
    }

    // Days from 1970-01-01 to 1899-12-31 (serial 1 is 1900-01-01) and to 1904-01-01.
    static let days1900Epoch = daysFromCivil(1899, 12, 31)
    static let days1904Epoch = daysFromCivil(1904, 1, 1)

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01.
    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (m <= 2 ? y + 1 : y, m, d)
    }
}
