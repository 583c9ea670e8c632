/// The document's properties (`docProps/core.xml` and `docProps/app.xml`).
///
/// `created` comes from the input; by default it is a fixed instant, never the wall
/// clock, so the same workbook gives the same bytes.
public struct DocumentProperties: Hashable, Sendable {
    public var title: String?
    public var subject: String?
    public var author: String?
    public var company: String?
    public var keywords: String?
    public var description: String?
    /// Created and last-modified time (UTC).
    public var created: Timestamp

    public init(
        title: String? = nil, subject: String? = nil, author: String? = nil, company: String? = nil,
        keywords: String? = nil, description: String? = nil, created: Timestamp = .pinned
    ) {
        self.title = title
        self.subject = subject
        self.author = author
        self.company = company
        self.keywords = keywords
        self.description = description
        self.created = created
    }

    /// A UTC instant, written `2016-11-17T00:00:00Z`.
    public struct Timestamp: Hashable, Sendable, CustomStringConvertible {
        public var year, month, day, hour, minute, second: Int

        public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
            self.year = year
            self.month = month
            self.day = day
            self.hour = hour
            self.minute = minute
            self.second = second
        }

        /// Parses `2016-11-17`, `2016-11-17T08:30:00Z` or `2016-11-17T08:30:00`.
        public init?(iso text: String) {
            let b = Array(text.utf8)
            func num(_ r: Range<Int>) -> Int? {
                guard r.upperBound <= b.count else { return nil }
                var v = 0
                for i in r {
                    guard b[i] >= 48 && b[i] <= 57 else { return nil }
                    v = v * 10 + Int(b[i] - 48)
                }
                return v
            }
            guard b.count >= 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
                let y = num(0..<4), let m = num(5..<7), let d = num(8..<10), (1...12).contains(m), (1...31).contains(d)
            else { return nil }
            self.init(year: y, month: m, day: d)
            if b.count == 10 { return }
            guard b.count >= 19, b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " "),
                let h = num(11..<13), let mi = num(14..<16), let s = num(17..<19), h < 24, mi < 60, s < 61,
                b.count == 19 || (b.count == 20 && b[19] == UInt8(ascii: "Z"))
            else { return nil }
            hour = h
            minute = mi
            second = s
        }

        /// 2000-01-01T00:00:00Z: the default, so output never depends on when it ran.
        public static let pinned = Timestamp(year: 2000, month: 1, day: 1)

        public var description: String {
            func p(_ v: Int, _ w: Int) -> String {
                let s = String(v)
                return String(repeating: "0", count: max(0, w - s.count)) + s
            }
            return "\(p(year, 4))-\(p(month, 2))-\(p(day, 2))T\(p(hour, 2)):\(p(minute, 2)):\(p(second, 2))Z"
        }
    }
}
