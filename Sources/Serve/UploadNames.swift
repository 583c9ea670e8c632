import Foundation

/// Chooses the inbox name of each upload: the unit's expected name (`NQ04_MNH_2016.xlsx`),
/// or, when a file has it already, the first free resubmission name the template's pattern
/// accepts (`NQ04_MNH_2016_v2.xlsx` … `_v99`). A file already in the inbox is never
/// replaced, so every upload that is placed stays there for the nightly job, which keeps
/// the newest by receipt time. Names being written are held here, so two uploads at once
/// never choose the same name (their temporary files have unique names anyway).
final class UploadNames: @unchecked Sendable {
    private let lock = NSLock()
    private var held: Set<String> = []

    /// The most resubmission names a unit has in one inbox.
    static let maxVersions = 99

    /// Holds and returns a free name in `inbox` for `base`; nil when all are taken.
    func reserve(base: String, in inbox: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        for name in Self.candidates(base) where !held.contains(name) {
            if FileManager.default.fileExists(atPath: inbox + "/" + name) { continue }
            held.insert(name)
            return name
        }
        return nil
    }

    /// Lets a name go (the file is in place, or the upload was discarded).
    func release(_ name: String) {
        lock.lock()
        held.remove(name)
        lock.unlock()
    }

    /// `base`, then `<stem>_v2.<ext>` … `<stem>_v99.<ext>`.
    static func candidates(_ base: String) -> [String] {
        let dot = base.lastIndex(of: ".") ?? base.endIndex
        let stem = base[..<dot]
        let ext = base[dot...]
        return [base] + (2...maxVersions).map { "\(stem)_v\($0)\(ext)" }
    }
}
