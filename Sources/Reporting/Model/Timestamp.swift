#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A moment with the zone offset it was stated in: a receipt time (`2016-11-14T09:12:00+07:00`),
/// a deadline. Parsed once where it enters (job file, receipt, command line), compared as
/// seconds since 1970, printed back in its own offset (the province's time, not the
/// machine's), so outputs do not depend on the machine's zone.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Whole seconds since 1970-01-01T00:00:00Z.
    public var seconds: Int64
    /// The offset from UTC it is shown in, in seconds (`+07:00` is 25200).
    public var offset: Int

    public init(seconds: Int64, offset: Int = 0) {
        self.seconds = seconds
        self.offset = offset
    }

    /// From seconds since 1970 (fractions dropped), shown in `offset`.
    public init(epoch: Double, offset: Int = 0) {
        self.init(seconds: Int64(epoch.rounded(.down)), offset: offset)
    }

    public static func < (a: Self, b: Self) -> Bool { a.seconds < b.seconds }
    public static func == (a: Self, b: Self) -> Bool { a.seconds == b.seconds }
    public func hash(into h: inout Hasher) { h.combine(seconds) }

    /// The same moment shown in another offset.
    public func shown(in offset: Int) -> Timestamp { Timestamp(seconds: seconds, offset: offset) }

    /// Parses `YYYY-MM-DDTHH:MM[:SS][.fff](Z|±HH:MM|±HHMM)`; a space may stand for `T`.
    /// Without a zone, `defaultOffset` applies (nil: refused). Fractions of a second are dropped.
    public init?(iso text: String, defaultOffset: Int? = nil) {
        let b = Array(text.utf8)
        var i = 0
        func digits(_ n: Int) -> Int? {
            guard i + n <= b.count else { return nil }
            var v = 0
            for k in 0..<n {
                let c = b[i + k]
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            i += n
            return v
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < b.count, b[i] == c else { return false }
            i += 1
            return true
        }
        guard let y = digits(4), expect(45), let mo = digits(2), expect(45), let d = digits(2) else { return nil }
        guard i < b.count, b[i] == 84 || b[i] == 32 else { return nil }  // T or space
        i += 1
        guard let h = digits(2), expect(58), let mi = digits(2) else { return nil }
        var s = 0
        if expect(58) {
            guard let v = digits(2) else { return nil }
            s = v
            if expect(46) || expect(44) {
                while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }
            }
        }
        var offset: Int
        if i == b.count {
            guard let defaultOffset else { return nil }
            offset = defaultOffset
        } else if expect(90) {  // Z
            offset = 0
        } else if i < b.count, b[i] == 43 || b[i] == 45 {
            let sign = b[i] == 45 ? -1 : 1
            i += 1
            guard let oh = digits(2) else { return nil }
            _ = expect(58)
            guard let om = digits(2), oh <= 18, om < 60 else { return nil }
            offset = sign * (oh * 3600 + om * 60)
        } else {
            return nil
        }
        guard i == b.count, (1...12).contains(mo), d >= 1, d <= Self.daysIn(month: mo, year: y), h < 24, mi < 60, s < 61
        else { return nil }
        let local = Self.days(year: y, month: mo, day: d) * 86400 + Int64(h * 3600 + mi * 60 + min(s, 59))
        self.init(seconds: local - Int64(offset), offset: offset)
    }

    /// `2016-11-14T09:12:00+07:00` (`Z` for UTC).
    public var iso: String {
        let p = parts
        var out = "\(Self.pad(p.year, 4))-\(Self.pad(p.month, 2))-\(Self.pad(p.day, 2))T"
        out += "\(Self.pad(p.hour, 2)):\(Self.pad(p.minute, 2)):\(Self.pad(p.second, 2))"
        return out + offsetText
    }

    /// `+07:00`, `-03:30`, `Z`.
    public var offsetText: String {
        if offset == 0 { return "Z" }
        let a = abs(offset)
        return (offset < 0 ? "-" : "+") + Self.pad(a / 3600, 2) + ":" + Self.pad(a / 60 % 60, 2)
    }

    /// `14/11/2016 09:12` in its offset (the reports' style).
    public var dayMonthYearTime: String {
        let p = parts
        return "\(Self.pad(p.day, 2))/\(Self.pad(p.month, 2))/\(p.year) \(Self.pad(p.hour, 2)):\(Self.pad(p.minute, 2))"
    }

    public var description: String { iso }

    /// The calendar fields in its own offset.
    public var parts: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let local = seconds + Int64(offset)
        var days = local / 86400
        var rest = local % 86400
        if rest < 0 {
            rest += 86400
            days -= 1
        }
        let (y, m, d) = Self.civil(days)
        return (y, m, d, Int(rest / 3600), Int(rest / 60 % 60), Int(rest % 60))
    }

    // Howard Hinnant's days-from-civil and civil-from-days (proleptic Gregorian).
    static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = Int64(month > 2 ? month - 3 : month + 9)
        let doy = (153 * mp + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civil(_ z0: Int64) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (Int(yoe + era * 400 + (m <= 2 ? 1 : 0)), Int(m), Int(d))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func pad(_ v: Int, _ n: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, n - s.count)) + s
    }
}

extension Timestamp: Codable {
    /// Encoded as its ISO 8601 text with offset.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let t = Timestamp(iso: text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not an ISO 8601 time with offset: \(text)")
        }
        self = t
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}
