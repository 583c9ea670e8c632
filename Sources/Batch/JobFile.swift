import Foundation
import Reporting
import XLSX
import Yams

/// A job file (`Jobs/nq04-2016.yaml`): which template, which period, where submissions
/// arrive and where outputs go. Paths in the file are relative to the file; `load`
/// resolves them against its folder.
///
/// ```yaml
/// job: 1
/// name: nq04
/// template: nq04/template.yaml
/// period: "2016"
/// deadline: 2016-11-15 17:00
/// inbox: ../Samples/2016
/// output: ../out/nq04-2016
/// rejected: ../out/nq04-2016/rejected
/// ledger: ../out/nq04/ledger.sqlite
/// reports: { formats: [html, json], languages: [vi, en] }
/// limits: { max_file_size_mb: 50, max_entry_size_mb: 256, max_entries: 1000, workers: 0 }
/// units: all
/// ```
public struct JobFile: Sendable {
    /// The job file format version (`job: 1`).
    public var version: Int
    /// The job's name (`nq04`); one name across the job's periods.
    public var name: String
    /// The job file's own path, as given.
    public var path: String
    /// Resolved paths (relative to the job file's folder, made absolute when it is).
    public var template: String
    /// Where submissions arrive (`*.xlsx`, `*.xlsm`, not recursive).
    public var inbox: String
    /// Where the provincial workbook and the reports go.
    public var output: String
    /// Where rejected and unreadable files are copied (never moved).
    public var rejected: String
    /// The ledger database.
    public var ledger: String
    /// The period as written (`2016`, `2016-Q3`, `2016-07`); checked against the template when loaded with it.
    public var period: String
    /// Report formats and languages.
    public var reports: Reports
    /// Reader limits and concurrency.
    public var limits: Limits
    /// The units expected this period.
    public var units: Units
    /// When the period's submissions are due (`deadline: 2016-11-15 17:00`, in `time_zone`
    /// unless it states its own offset); nil: no deadline, so no unit is late.
    public var deadline: Timestamp?
    /// The province's time zone as an offset from UTC in seconds (`time_zone: "+07:00"`,
    /// the default, Vietnam's): receipt and deadline times are shown in it.
    public var timeZoneOffset: Int = JobFile.defaultTimeZoneOffset

    /// Report formats and languages the job writes.
    public struct Reports: Sendable, Hashable {
        /// `html`, `json` (and `text`, which only the CLI prints).
        public var formats: [String] = ["html", "json"]
        /// Languages, each giving its own report files.
        public var languages: [Language] = [.vi, .en]
    }

    /// Reader limits and concurrency.
    public struct Limits: Sendable, Hashable {
        /// Reader limits as written, by key (`max_grid_cells: 500000`), in the key's unit;
        /// every key of `ReaderLimits.settings` may appear.
        public var reader: [String: Double] = [:]
        /// Concurrent validations; 0 means one per core.
        public var workers: Int = 0

        /// Largest file accepted, in MiB (`max_file_size_mb`).
        public var maxFileSizeMB: Int? { reader["max_file_size_mb"].map { Int($0) } }
        /// Largest uncompressed ZIP entry, in MiB (`max_entry_size_mb`).
        public var maxEntrySizeMB: Int? { reader["max_entry_size_mb"].map { Int($0) } }
        /// Most ZIP entries (`max_entries`).
        public var maxEntries: Int? { reader["max_entries"].map { Int($0) } }
    }

    /// Which units must submit.
    public enum Units: Sendable, Hashable {
        /// Every unit of the template's units file.
        case all
        /// These unit codes.
        case only([String])
    }

    /// The expected units, in the template's order (`all`), or in the job's order.
    public func expectedUnits(of template: Template) -> [ReportingUnit] {
        switch units {
        case .all: return template.units
        case .only(let codes): return codes.map { template.unit($0) ?? ReportingUnit(code: $0, name: $0) }
        }
    }

    /// Reads and resolves a job file. Unknown keys (`StrictYAML`) and wrong values are errors with the line.
    public static func load(path: String) throws(JobFileError) -> JobFile {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw JobFileError(file: path, line: nil, "cannot read the job file")
        }
        return try parse(yaml: text, path: path)
    }

    /// Parses a job file's text; `path` names it in errors and anchors its relative paths.
    public static func parse(yaml: String, path: String) throws(JobFileError) -> JobFile {
        let root: Node
        do {
            guard let n = try Yams.compose(yaml: yaml) else { throw JobFileError(file: path, line: 1, "the job file is empty") }
            root = n
        } catch let e as JobFileError {
            throw e
        } catch {
            throw JobFileError(file: path, line: nil, "not valid YAML: \(error)")
        }
        guard case .mapping(let top) = root else { throw JobFileError(file: path, line: root.mark?.line, "a job file is a mapping") }
        let raw: Raw
        do throws(StrictYAML.Failure) {
            raw = try StrictYAML.decode(Raw.self, from: root)
        } catch {
            switch error {
            case .unknownKey(let u):
                throw JobFileError(file: path, line: u.mark?.line, u.message)
            case .decoding(let e):
                let (keys, what) = JobFileError.describe(e)
                var node: Node? = root
                var line = root.mark?.line
                for k in keys {
                    if case .mapping(let m)? = node { node = m[k] } else if case .sequence(let s)? = node, let i = Int(k), i < s.count { node = s[i] } else { break }
                    if let l = node?.mark?.line { line = l }
                }
                throw JobFileError(file: path, line: line, what)
            case .other(let e):
                throw JobFileError(file: path, line: nil, "\(e)")
            }
        }
        func line(_ key: String) -> Int? { top[key]?.mark?.line }
        guard raw.job == 1 else { throw JobFileError(file: path, line: line("job"), "unsupported job file version \(raw.job) (this build reads 1)") }
        let dir = (path as NSString).deletingLastPathComponent
        func resolve(_ p: String) -> String {
            let joined = p.hasPrefix("/") ? p : (dir.isEmpty ? p : (dir as NSString).appendingPathComponent(p))
            return (joined as NSString).standardizingPath
        }
        var reports = Reports()
        if let r = raw.reports {
            if let f = r.formats {
                for x in f where !["html", "json", "text"].contains(x) {
                    throw JobFileError(file: path, line: line("reports"), "unknown report format '\(x)' (expected html, json)")
                }
                reports.formats = f
            }
            if let l = r.languages {
                reports.languages = []
                for x in l {
                    guard let lang = Language(rawValue: x) else {
                        throw JobFileError(file: path, line: line("reports"), "unknown language '\(x)' (expected vi, en)")
                    }
                    reports.languages.append(lang)
                }
            }
        }
        let limits = try Self.limits(raw.limits?.values, top: top, path: path)
        let units = raw.units?.value ?? .all
        let output = resolve(raw.output)
        var offset = defaultTimeZoneOffset
        if let z = raw.time_zone {
            guard let o = Self.offset(z) else {
                throw JobFileError(file: path, line: line("time_zone"), "time_zone must be an offset from UTC such as \"+07:00\"; it is '\(z)'")
            }
            offset = o
        }
        var deadline: Timestamp?
        if let d = raw.deadline {
            guard let t = Timestamp(iso: d, defaultOffset: offset) else {
                throw JobFileError(file: path, line: line("deadline"), "deadline must be a date and time such as 2016-11-15 17:00 (or 2016-11-15T17:00:00+07:00); it is '\(d)'")
            }
            deadline = t.shown(in: offset)
        }
        var job = JobFile(
            version: raw.job, name: raw.name, path: path, template: resolve(raw.template), inbox: resolve(raw.inbox),
            output: output, rejected: raw.rejected.map(resolve) ?? output + "/rejected",
            ledger: raw.ledger.map(resolve) ?? output + "/ledger.sqlite", period: raw.period, reports: reports,
            limits: limits, units: units)
        job.deadline = deadline
        job.timeZoneOffset = offset
        return job
    }

    private struct Raw: Decodable {
        var job: Int
        var name: String
        var template: String
        var period: String
        var inbox: String
        var output: String
        var rejected: String?
        var ledger: String?
        var reports: RawReports?
        var limits: RawLimits?
        var units: RawUnits?
        var deadline: String?
        var time_zone: String?
    }
    private struct RawReports: Decodable {
        var formats: [String]?
        var languages: [String]?
    }
    /// `limits:` reads the keys of `ReaderLimits.settings` and `workers`, and no other.
    private struct RawLimits: Decodable {
        var values: [String: Double] = [:]
        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Key.self)
            for key in ReaderLimits.settings.map(\.key) + ["workers"] {
                if let v = try c.decodeIfPresent(Double.self, forKey: Key(stringValue: key)) { values[key] = v }
            }
        }
    }
    /// `units: all` or `units: [MNH, dbp]`.
    private struct RawUnits: Decodable {
        var value: Units
        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let s = try? c.decode(String.self), s == "all" {
                value = .all
            } else if let codes = try? c.decode([String].self) {
                value = .only(codes)
            } else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "units is 'all' or a list of unit codes"))
            }
        }
    }

    /// The `limits:` section: reader limits must be greater than 0 (and whole, but for a
    /// ratio), `workers` 0 or more; a mistake names the key and its line.
    private static func limits(_ raw: [String: Double]?, top: Node.Mapping, path: String) throws(JobFileError) -> Limits {
        var limits = Limits()
        guard let raw else { return limits }
        var lines: [String: Int] = [:]
        if case .mapping(let m)? = top["limits"] {
            for (k, _) in m { if let key = k.string { lines[key] = k.mark?.line } }
        }
        for (key, value) in raw.sorted(by: { $0.key < $1.key }) {
            let line = lines[key] ?? top["limits"]?.mark?.line
            if key == "workers" {
                guard value >= 0, value < 1e6, value == value.rounded() else {
                    throw JobFileError(file: path, line: line, "limits.workers must be a whole number, 0 or more (0 = one per core); it is \(text(value))")
                }
                limits.workers = Int(value)
                continue
            }
            guard let setting = ReaderLimits.setting(key: key) else { continue }  // RawLimits reads no other key
            guard value > 0 else {
                throw JobFileError(file: path, line: line, "limits.\(key) must be greater than 0; it is \(text(value))")
            }
            guard value < 1e12 else {
                throw JobFileError(file: path, line: line, "limits.\(key) is too large; it is \(text(value))")
            }
            guard setting.unit == .ratio || value == value.rounded() else {
                throw JobFileError(file: path, line: line, "limits.\(key) must be a whole number; it is \(text(value))")
            }
            limits.reader[key] = value
        }
        return limits
    }

    /// Vietnam's offset, +07:00 (the provinces this tool is for).
    public static let defaultTimeZoneOffset = 7 * 3600

    /// `+07:00`, `+0700`, `-03:30`, `Z`, `UTC` as seconds east of UTC.
    public static func offset(_ text: String) -> Int? {
        if text == "Z" || text == "UTC" { return 0 }
        return Timestamp(iso: "2000-01-01T00:00:00" + text).map { $0.offset }
    }

    private static func text(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v) }
}

/// A job file that cannot be read or has a mistake; `description` is `what [file:line]`.
public struct JobFileError: Error, Sendable, CustomStringConvertible {
    /// The job file, the line (when known) and what is wrong.
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(message) [\(file)\(line.map { ":\($0)" } ?? "")]" }

    static func describe(_ e: DecodingError) -> ([String], String) {
        func keys(_ p: [any CodingKey]) -> [String] { p.map { $0.intValue.map(String.init) ?? $0.stringValue } }
        switch e {
        case .keyNotFound(let k, let c): return (keys(c.codingPath), "missing key '\(k.stringValue)'")
        case .typeMismatch(let t, let c): return (keys(c.codingPath), "\(keys(c.codingPath).joined(separator: ".")) has the wrong kind of value (expected \(t))")
        case .valueNotFound(_, let c): return (keys(c.codingPath), "\(keys(c.codingPath).joined(separator: ".")) has no value")
        case .dataCorrupted(let c): return (keys(c.codingPath), c.debugDescription)
        @unknown default: return ([], "\(e)")
        }
    }
}

extension JobFile {
    /// The job's period (or `text`, the command line's `--period`), parsed once against the
    /// template's kind: the one place a period's text becomes a `Period`; everything after
    /// carries the value.
    public func period(of template: Template, text: String? = nil) throws(JobFileError) -> Period {
        let written = text ?? period
        guard let p = template.period.parse(written) else {
            throw JobFileError(
                file: path, line: nil,
                "the period '\(written)' is not a \(template.period.rawValue) period of this template (e.g. 2016, 2016-Q3, 2016-07)")
        }
        return p
    }
}

extension JobFile.Limits {
    /// The reader limits these job limits ask for (defaults where the job says nothing).
    public var readerLimits: ReaderLimits {
        var l = ReaderLimits.default
        for setting in ReaderLimits.settings {
            if let v = reader[setting.key] { setting.apply(v, to: &l) }
        }
        return l
    }
}

extension JobFile {
    /// The job file's own period, or `fallback` when its text is not one of the template's.
    func period(of template: Template, fallback: Period) -> Period {
        template.period.parse(period) ?? fallback
    }
}
