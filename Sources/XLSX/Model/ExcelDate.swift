/// A date-typed cell: one normalised value, built once where the reader makes the cell
/// and carried unchanged through validation, consolidation and the writer.
///
/// - `serial` is always in the **1900 date system** (serial 1 is 1900-01-01, serial 60
///   the phantom 1900-02-29 that Excel and the spec keep): a 1904-system workbook's
///   serials are moved here, by `ExcelDate(cellSerial:format:system:)`, and nowhere else.
///   A time of day (`kind == .time`) is the fraction of a day alone, and a duration the
///   elapsed days: neither belongs to a date system, so neither is moved.
/// - `kind` is what the text shows, decided from the number format *and* the value
///   (see `ExcelDate(cellSerial:format:system:)`), so that nothing the value holds is
///   dropped: a date-only format on `45306.4375` is a date-time.
public struct ExcelDate: Hashable, Sendable {
    /// What a date-styled number stands for.
    public enum Kind: String, Hashable, Sendable {
        case date, dateTime, time, duration
    }

    /// The date system a workbook's serials count in (`<workbookPr date1904="1"/>`).
    public enum System: Hashable, Sendable {
        /// Serial 1 is 1900-01-01 (Excel for Windows; the default).
        case d1900
        /// Serial 0 is 1904-01-01 (old Excel for Mac).
        case d1904
    }

    /// Days in the 1900 date system with the time of day as the fraction (for `.time`
    /// the fraction alone, for `.duration` elapsed days).
    public var serial: Double
    /// What the text shows.
    public var kind: Kind

    /// A value whose serial is already in the 1900 system (or a time / duration).
    public init(serial: Double, kind: Kind = .date) {
        self.serial = serial
        self.kind = kind
    }

    /// Days between the two systems' epochs (1904-system serial 0, 1904-01-01, in the
    /// 1900 system). The only place this number is written.
    public static let offset1904 = 1462.0

    /// Serial 2,958,466 is 10000-01-01, past the last day Excel shows.
    static let endOfCalendar = 2_958_466.0

    /// The value of a number cell whose style has a date format of kind `format`: the
    /// reader's one conversion (the number format decides the kind, the value the text).
    ///
    /// - a duration (`[h]:mm:ss`) stays a duration, its serial unmoved;
    /// - a serial in [0, 1) under a time format, or under any date format in the 1900
    ///   system (where serial 0 is `1900-01-00`, no date), is a time of day;
    /// - otherwise it is a date, moved to the 1900 system: a date-time when its time,
    ///   rounded half up to whole seconds (as Excel shows it), is not midnight, a date
    ///   alone when it is; so a time-only format on a serial >= 1 keeps its date;
    /// - nil (the caller keeps the number) for a value that is no day of Excel's
    ///   calendar: negative, past 9999-12-31, not finite (Excel shows `####`).
    public init?(cellSerial raw: Double, format: Kind, system: System) {
        guard raw.isFinite else { return nil }
        if format == .duration {
            self.init(serial: raw, kind: .duration)
            return
        }
        guard raw >= 0 else { return nil }
        if raw < 1 && (format == .time || system == .d1900) {
            self.init(serial: raw, kind: .time)
            return
        }
        let serial = system == .d1904 ? raw + ExcelDate.offset1904 : raw
        guard serial < ExcelDate.endOfCalendar else { return nil }
        self.init(serial: serial, kind: ExcelDate.secondOfDay(serial) == 0 ? .date : .dateTime)
    }

    /// The second of the day (0 ..< 86,400) the serial shows: its fraction rounded to
    /// milliseconds, then half up to whole seconds, as Excel displays it; a time that
    /// rounds up to 24:00:00 counts as 0 (the next day, see `components`).
    @inline(__always) static func secondOfDay(_ serial: Double) -> Int {
        let s = wholeSeconds(serial - serial.rounded(.down))
        return s == 86_400 ? 0 : s
    }

    /// A fraction of a day in whole seconds (0 ... 86,400), rounded to milliseconds first
    /// (so that `10:30:00.5` stored as a binary fraction still rounds up) then half up.
    @inline(__always) static func wholeSeconds(_ fraction: Double) -> Int {
        let ms = Int((fraction * 86_400_000).rounded())
        return (ms + 500) / 1000
    }

    /// Calendar fields of the serial (1900 system), minding the 1900 leap-year bug (serial
    /// 60 is 1900-02-29, a day that never was); serials below 1 count back from
    /// 1899-12-31 (proleptic Gregorian), for ISO dates before 1900. The time is rounded
    /// half up to whole seconds. Nil outside 0001-01-01 ... 9999-12-31.
    public var components: DateComponents? {
        guard serial.isFinite, serial > ExcelDate.firstSerial, serial < ExcelDate.endOfCalendar else { return nil }
        var days = Int(serial.rounded(.down))
        var seconds = ExcelDate.wholeSeconds(serial - Double(days))
        if seconds >= 86_400 { days += 1; seconds -= 86_400 }
        let (y, m, d): (Int, Int, Int)
        if days == 60 {
            (y, m, d) = (1900, 2, 29)
        } else {
            // Serials after 60 count the phantom 29 Feb 1900.
            (y, m, d) = ExcelDate.civil(fromDays: (days < 60 ? days : days - 1) + ExcelDate.days1900Epoch)
        }
        return DateComponents(
            year: y, month: m, day: d,
            hour: seconds / 3600, minute: (seconds / 60) % 60, second: seconds % 60)
    }

    /// The serial (1900 system) of a calendar date; dates before 1900 give serials
    /// below 1 (1899-12-31 is 0).
    public static func serial(year: Int, month: Int, day: Int) -> Double {
        let s = daysFromCivil(year, month, day) - days1900Epoch
        // Dates from 1 March 1900 are one more, counting Excel's phantom 29 Feb 1900.
        return Double(s >= 60 ? s + 1 : s)
    }

    /// The number of days in a month of the proleptic Gregorian calendar (February 1900
    /// has 28: Excel's phantom 29th is a serial, not a day). The one leap-year rule.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    /// True when year, month and day name a real day (years 1 ... 9999).
    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        (1...9999).contains(year) && (1...12).contains(month) && day >= 1 && day <= daysInMonth(year: year, month: month)
    }

    /// Plain calendar fields; no Foundation dependency, no time zone.
    public struct DateComponents: Hashable, Sendable {
        public var year, month, day, hour, minute, second: Int
    }

    // Days from 1970-01-01 to 1899-12-31 (serial 0; serial 1 is 1900-01-01).
    static let days1900Epoch = daysFromCivil(1899, 12, 31)
    /// The serial of 0000-12-31: `components` starts after it.
    static let firstSerial = Double(daysFromCivil(0, 12, 31) - days1900Epoch)

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
