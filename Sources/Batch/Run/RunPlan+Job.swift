import Foundation
import Reporting

/// What the command line may change in a job file's plan.
public struct RunOverrides: Sendable {
    /// `--period`: another period of the template's kind (`2017`).
    public var period: String?
    /// `--inbox DIR`.
    public var inbox: String?
    /// `--out DIR`: the output folder; the rejected folder and the ledger follow it when
    /// the job file leaves them inside its output folder (see `RunPlan.locations`).
    public var out: String?
    /// `--deadline`: the period's deadline (the job file's holds only for its own period).
    public var deadline: Timestamp?
    /// `--dry-run`.
    public var dryRun = false
    /// `--force`.
    public var force = false

    public init(
        period: String? = nil, inbox: String? = nil, out: String? = nil, deadline: Timestamp? = nil,
        dryRun: Bool = false, force: Bool = false
    ) {
        self.period = period
        self.inbox = inbox
        self.out = out
        self.deadline = deadline
        self.dryRun = dryRun
        self.force = force
    }
}

extension RunPlan {
    /// The plan of `job` with its `template`, as the command line changes it.
    /// `toolVersion` goes into the fingerprint (a new build redoes the work once).
    /// Throws when the period is not one of the template's kind.
    public init(job: JobFile, template: Template, overrides: RunOverrides = .init(), toolVersion: String)
        throws(JobFileError)
    {
        let period = try job.period(of: template, text: overrides.period)
        let places = Self.locations(
            output: job.output, rejected: job.rejected, ledger: job.ledger, out: overrides.out)
        self.init(
            job: job.name, period: period, inbox: overrides.inbox ?? Self.tidy(job.inbox), output: places.output,
            rejected: places.rejected, ledger: places.ledger,
            expectedUnits: job.expectedUnits(of: template).map { ExpectedUnit(code: $0.code, name: $0.name) },
            workbookName: Self.workbookName(templateID: template.id, period: period))
        formats = job.reports.formats.compactMap(OutputFormat.init(rawValue:))
        languages = job.reports.languages
        workers = job.limits.workers
        dryRun = overrides.dryRun
        force = overrides.force
        timeZoneOffset = job.timeZoneOffset
        // The job file's deadline is its own period's: another period has none unless given.
        deadline = overrides.deadline ?? (period.description == job.period(of: template, fallback: period).description ? job.deadline : nil)
        let identify = template.identify
        let periods = template.period
        fileNameParser = { identify.parseFileName($0) { periods.parse($0) != nil } }
        fingerprintInputs = Self.fingerprintInputs(job: job, template: template, toolVersion: toolVersion)
    }

    /// Where the outputs, the rejected copies and the ledger go. Without `--out`, where
    /// the job file says (its `rejected` and `ledger` default to `<output>/rejected` and
    /// `<output>/ledger.sqlite`). With `--out DIR`, the output folder is DIR, and the
    /// rejected folder and the ledger move with it when they are inside the job's output
    /// folder (the defaults always are); one the job file places elsewhere stays there.
    /// Paths are compared after `tidy`, so `Jobs/../out/x/rejected` is inside `out/x`.
    public static func locations(output: String, rejected: String, ledger: String, out: String?)
        -> (output: String, rejected: String, ledger: String)
    {
        let o = tidy(output)
        let r = tidy(rejected)
        let l = tidy(ledger)
        guard var out else { return (o, r, l) }
        while out.count > 1 && out.hasSuffix("/") { out.removeLast() }
        func follow(_ p: String) -> String {
            if p == o { return out }
            if o == "." && !p.hasPrefix("/") && !p.hasPrefix("../") && p != ".." { return out + "/" + p }
            let prefix = o == "/" ? "/" : o + "/"
            return p.hasPrefix(prefix) ? out + "/" + p.dropFirst(prefix.count) : p
        }
        return (out, follow(r), follow(l))
    }

    /// `Jobs/../out/x` → `out/x`: folds `.` and `name/..` so messages show short paths
    /// (purely textual; a leading `..` stays).
    public static func tidy(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if path.hasPrefix("/") { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// What else decides the outputs, each `name=hash`: the tool's version, the job file,
    /// every file in the template's folder (the template, its units and reference lists,
    /// consolidation options), and every file the template reads from elsewhere (a units
    /// file or reference list named by a path outside its folder). An edit to any of them
    /// changes the fingerprint and forces a rerun.
    public static func fingerprintInputs(job: JobFile, template: Template, toolVersion: String) -> [String] {
        func hash(_ path: String) -> String { (try? Inbox.hash(path: path)) ?? "unreadable" }
        var inputs = ["tonghop=\(toolVersion)", "job-file=" + hash(job.path)]
        let fm = FileManager.default
        let dir = (template.path as NSString).deletingLastPathComponent
        let folder = dir.isEmpty ? "." : dir
        var inFolder = Set<String>()
        for name in ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).sorted() where !name.hasPrefix(".") {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: folder + "/" + name, isDirectory: &isDir), !isDir.boolValue else { continue }
            inputs.append("template-folder/\(name)=" + hash(folder + "/" + name))
            inFolder.insert(tidy(folder + "/" + name))
        }
        var outside = Set<String>()
        for file in template.sourceFiles where !inFolder.contains(tidy(file)) { outside.insert(tidy(file)) }
        for file in outside.sorted() { inputs.append("template-input/\(file)=" + hash(file)) }
        return inputs
    }
}
