import Reporting

/// Which submission of a unit counts for a period.
///
/// Files are grouped by the unit and period their validation report gives (what the
/// workbook states). In each group the newest file is current and supersedes the others:
/// newest = latest receipt time (`InboxFile.received`: the receipt's, else the modification
/// time), then the latest modification time; equal times are broken by the file name, the
/// greater name (UTF-8 byte order) being newer, so `NQ04_MNH_2016_v2.xlsx` beats
/// `NQ04_MNH_2016.xlsx`. The newest counts whatever its status: a district that sends a
/// replacement means it, so a rejected replacement leaves the unit rejected until fixed.
/// Files without a unit or period are never grouped (validation gives an unreadable file
/// the unit and period of its name, when the name follows the template's pattern).
public enum Supersession {
    /// Whether `a` is newer than `b`.
    public static func isNewer(_ a: InboxFile, than b: InboxFile) -> Bool {
        if a.received != b.received { return a.received > b.received }
        if a.modified != b.modified { return a.modified > b.modified }
        return Array(b.name.utf8).lexicographicallyPrecedes(Array(a.name.utf8))
    }

    /// For each file, the index of the file that supersedes it, or nil when it is current.
    public static func decide(files: [InboxFile], reports: [FileReport]) -> [Int?] {
        precondition(files.count == reports.count)
        var newest: [String: Int] = [:]  // "unit\u{0}period" -> index
        for i in files.indices {
            guard let unit = reports[i].unit, let period = reports[i].period else { continue }
            let key = unit + "\u{0}" + period
            if let j = newest[key], !isNewer(files[i], than: files[j]) { continue }
            newest[key] = i
        }
        return files.indices.map { i in
            guard let unit = reports[i].unit, let period = reports[i].period else { return nil }
            let winner = newest[unit + "\u{0}" + period]!
            return winner == i ? nil : winner
        }
    }
}
