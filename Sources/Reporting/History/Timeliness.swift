/// Completeness and timeliness of a period: for every expected unit, whether its figures
/// came in by the deadline, late (by how long), not at all, or were rejected and a
/// corrected file is awaited. Computed from every submission the job has seen for the
/// period (the ledger keeps files that have since left the inbox), by receipt time, never
/// by when the job ran; so the same history gives the same bytes.
public struct Timeliness: Codable, Sendable, Hashable {
    /// When the period's files were due; nil when the job sets no deadline (then a unit
    /// with figures is `received`, never late).
    public var deadline: Timestamp?
    /// Every expected unit, in report order.
    public var units: [Unit]

    /// A unit's standing against the deadline.
    public enum State: String, Codable, Sendable, Hashable, CaseIterable {
        /// An acceptable file arrived by the deadline.
        case onTime = "on-time"
        /// The first acceptable file arrived after the deadline.
        case late
        /// Figures are in; the job has no deadline.
        case received
        /// The current file is rejected or unreadable: a corrected file is awaited.
        case rejected
        /// Nothing arrived.
        case missing
    }

    /// One unit.
    public struct Unit: Codable, Sendable, Hashable {
        public var code: String
        public var name: String
        public var state: State
        /// When the file that decides the state arrived: the first acceptable one; for a
        /// rejected unit, its first file.
        public var received: Timestamp?
        /// Seconds after the deadline (late units only).
        public var lateBy: Int64?
        /// An earlier file of the period was rejected before the accepted one came.
        public var afterCorrection: Bool
        /// Files the unit sent for the period.
        public var files: Int
        /// The approved figures stand while a later file awaits the province's review.
        public var held: Bool

        public init(
            code: String, name: String, state: State, received: Timestamp?, lateBy: Int64?, afterCorrection: Bool,
            files: Int, held: Bool = false
        ) {
            self.code = code
            self.name = name
            self.state = state
            self.received = received
            self.lateBy = lateBy
            self.afterCorrection = afterCorrection
            self.files = files
            self.held = held
        }
    }

    /// A file a unit sent: when it counts as received and whether it was acceptable.
    public struct Attempt: Sendable, Hashable {
        public var received: Timestamp
        public var acceptable: Bool

        public init(received: Timestamp, acceptable: Bool) {
            self.received = received
            self.acceptable = acceptable
        }
    }

    public init(deadline: Timestamp?, units: [Unit]) {
        self.deadline = deadline
        self.units = units
    }

    /// The standing of every expected unit (`code`, `name`) from the files each sent for the
    /// period and whether its current file is acceptable (`current[code]`: true accepted,
    /// false rejected, absent: none).
    public static func compute(
        deadline: Timestamp?, expected: [(code: String, name: String)], attempts: [String: [Attempt]],
        current: [String: Bool], held: Set<String> = []
    ) -> Timeliness {
        var units: [Unit] = []
        for (code, name) in expected {
            let sent = (attempts[code] ?? []).sorted { $0.received < $1.received }
            guard let isAcceptable = current[code], let first = sent.first else {
                units.append(Unit(code: code, name: name, state: .missing, received: nil, lateBy: nil,
                    afterCorrection: false, files: sent.count, held: held.contains(code)))
                continue
            }
            guard isAcceptable, let accepted = sent.first(where: \.acceptable) else {
                units.append(Unit(code: code, name: name, state: .rejected, received: first.received, lateBy: nil,
                    afterCorrection: false, files: sent.count, held: held.contains(code)))
                continue
            }
            let corrected = sent.contains { !$0.acceptable && $0.received <= accepted.received }
            var state = State.received
            var lateBy: Int64?
            if let deadline {
                state = accepted.received <= deadline ? .onTime : .late
                if state == .late { lateBy = accepted.received.seconds - deadline.seconds }
            }
            units.append(Unit(code: code, name: name, state: state, received: accepted.received, lateBy: lateBy,
                afterCorrection: corrected, files: sent.count, held: held.contains(code)))
        }
        return Timeliness(deadline: deadline, units: units)
    }

    /// How many units are in each state.
    public func count(_ state: State) -> Int { units.filter { $0.state == state }.count }

    /// `8/10 on time, 1 late, 1 missing` (states with no unit left out; `received` when the
    /// job has no deadline).
    public var summary: String { summary(Self.englishWords) }

    /// The same in Vietnamese: `8/10 đúng hạn, 1 muộn, 1 chưa nộp`.
    public var summaryVietnamese: String { summary(Self.vietnameseWords) }

    public func summary(_ language: Language) -> String { language == .vi ? summaryVietnamese : summary }

    static let englishWords: [State: String] = [
        .onTime: "on time", .late: "late", .received: "received", .rejected: "rejected, awaiting a corrected file",
        .missing: "missing",
    ]
    static let vietnameseWords: [State: String] = [
        .onTime: "đúng hạn", .late: "nộp muộn", .received: "đã nộp", .rejected: "bị từ chối, chờ bản sửa",
        .missing: "chưa nộp",
    ]

    private func summary(_ words: [State: String]) -> String {
        let lead: State = deadline == nil ? .received : .onTime
        var parts = ["\(count(lead))/\(units.count) \(words[lead]!)"]
        for s in [State.late, .rejected, .missing] where count(s) > 0 { parts.append("\(count(s)) \(words[s]!)") }
        return parts.joined(separator: ", ")
    }

    /// `17 h 20 min`, `2 d 3 h`, `45 min` (English), `17 giờ 20 phút` (Vietnamese).
    public static func duration(_ seconds: Int64, _ language: Language) -> String {
        let minutes = max(1, (seconds + 59) / 60)
        let d = minutes / 1440, h = minutes / 60 % 24, m = minutes % 60
        let (dw, hw, mw) = language == .vi ? ("ngày", "giờ", "phút") : ("d", "h", "min")
        if d > 0 { return h > 0 ? "\(d) \(dw) \(h) \(hw)" : "\(d) \(dw)" }
        if h > 0 { return m > 0 ? "\(h) \(hw) \(m) \(mw)" : "\(h) \(hw)" }
        return "\(m) \(mw)"
    }

    /// A unit's state in words: `late by 17 h 20 min`, `nộp muộn 17 giờ 20 phút`.
    public static func words(_ u: Unit, _ language: Language, duration withDuration: Bool = true) -> String {
        var s = (language == .vi ? vietnameseWords : englishWords)[u.state]!
        if withDuration, let late = u.lateBy { s += " " + (language == .vi ? "" : "by ") + duration(late, language) }
        if u.afterCorrection { s += language == .vi ? " (sau khi sửa)" : " (after correction)" }
        if u.held { s += language == .vi ? "; có bản mới chờ duyệt" : "; a newer file awaits review" }
        return s
    }
}
