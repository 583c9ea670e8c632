extension ExcelDate {
    /// Parses the ISO 8601 text of a `t="d"` cell: `2016-11-17`, `2016-11-17T08:30:00`
    /// (optional seconds, fraction and zone, the zone ignored), or a time `08:30:00`. The text is absolute, so the
    /// workbook's date system plays no part. The calendar fields are taken from the text
    /// (checked: `2016-02-30` is refused), seconds rounded half up to whole seconds, and
    /// the value made with the same rule as a serial cell: a date-time whose time is
    /// midnight is a date. Dates before 1900 get serials below 1 and print as written.
    init?(iso8601 s: String) {
        let b = Array(s.utf8)
        func num(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= b.count else { return nil }
            var v = 0
            for k in from..<from + count {
                let d = b[k] &- 48
                guard d <= 9 else { return nil }
                v = v * 10 + Int(d)
            }
            return v
        }
        /// Whole seconds of the day (0 ... 86,400: 23:59:59.5 rounds up to the next day).
        func time(_ at: Int) -> Int? {
            guard let h = num(at, 2), at + 5 <= b.count, b[at + 2] == UInt8(ascii: ":"), let m = num(at + 3, 2)
            else { return nil }
            var sec = 0
            var k = at + 5
            if k < b.count && b[k] == UInt8(ascii: ":") {
                guard let s = num(k + 1, 2) else { return nil }
                sec = s
                k += 3
                if k < b.count && b[k] == UInt8(ascii: ".") {
                    k += 1
                    // Half up on the first fractional digit: .5 and more round up.
                    if k < b.count, b[k] >= UInt8(ascii: "5"), b[k] <= UInt8(ascii: "9") { sec += 1 }
                    while k < b.count, b[k] >= 48, b[k] <= 57 { k += 1 }
                }
            }
            // A zone (`Z`, `+07:00`, `-0500`) is ignored: Excel has no time zones, and
            // openpyxl reads the local time as written.
            if k < b.count && b[k] == UInt8(ascii: "Z") {
                k += 1
            } else if k < b.count && (b[k] == UInt8(ascii: "+") || b[k] == UInt8(ascii: "-")), num(k + 1, 2) != nil {
                k += 3
                if k < b.count && b[k] == UInt8(ascii: ":") { k += 1 }
                if num(k, 2) != nil { k += 2 }
            }
            guard k == b.count, h < 24, m < 60, sec <= 60 else { return nil }
            return h * 3600 + m * 60 + sec
        }
        if b.count >= 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
            let y = num(0, 4), let mo = num(5, 2), let d = num(8, 2), ExcelDate.isValid(year: y, month: mo, day: d)
        {
            var days = ExcelDate.daysFromCivil(y, mo, d)
            var seconds = 0
            if b.count > 10 {
                guard b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " "), let t = time(11) else { return nil }
                seconds = t
                if seconds >= 86_400 {
                    days += 1
                    seconds -= 86_400
                }
            }
            let (cy, cm, cd) = ExcelDate.civil(fromDays: days)
            let day = ExcelDate.serial(year: cy, month: cm, day: cd)
            self.init(serial: day + Double(seconds) / 86_400, kind: seconds == 0 ? .date : .dateTime)
            return
        }
        guard let t = time(0) else { return nil }
        self.init(serial: Double(t % 86_400) / 86_400, kind: .time)
    }
}
