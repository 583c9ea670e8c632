extension ExcelDate {
    /// Parses the ISO 8601 text of a `t="d"` cell: `2016-11-17`, `2016-11-17T08:30:00`
    /// (optional fraction and `Z`), or a time `08:30:00`.
    init?(iso8601 s: String, is1904: Bool) {
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
        func time(_ at: Int) -> Double? {
            guard let h = num(at, 2), at + 5 <= b.count, b[at + 2] == UInt8(ascii: ":"), let m = num(at + 3, 2)
            else { return nil }
            var sec = 0.0
            var k = at + 5
            if k < b.count && b[k] == UInt8(ascii: ":") {
                guard let s = num(k + 1, 2) else { return nil }
                sec = Double(s)
                k += 3
                if k < b.count && b[k] == UInt8(ascii: ".") {
                    var frac = 0.0, scale = 0.1
                    k += 1
                    while k < b.count, b[k] >= 48, b[k] <= 57 {
                        frac += Double(b[k] - 48) * scale
                        scale /= 10
                        k += 1
                    }
                    sec += frac
                }
            }
            if k < b.count && b[k] == UInt8(ascii: "Z") { k += 1 }
            guard k == b.count, h < 24, m < 60, sec < 61 else { return nil }
            return (Double(h) * 3600 + Double(m) * 60 + sec) / 86_400
        }
        if b.count >= 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
            let y = num(0, 4), let mo = num(5, 2), let d = num(8, 2), (1...12).contains(mo), (1...31).contains(d)
        {
            let day = ExcelDate.serial(year: y, month: mo, day: d, is1904: is1904)
            if b.count == 10 {
                self.init(serial: day, is1904: is1904, kind: .date)
                return
            }
            guard b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " "), let t = time(11) else { return nil }
            self.init(serial: day + t, is1904: is1904, kind: .dateTime)
            return
        }
        guard let t = time(0) else { return nil }
        self.init(serial: t, is1904: is1904, kind: .time)
    }
}
