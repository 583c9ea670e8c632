import Foundation
import Reporting
import XLSX

extension JobRunner {
    /// `returned/<unit>/<file>` for each unit's current submission that has errors or
    /// warnings (and could be read): the district's own workbook with the problems marked
    /// (`AnnotatedWorkbook`). A file that cannot be rebuilt is logged and skipped: the
    /// unit still gets its report.
    func returnedFiles(files: [InboxFile], reports: [FileReport], current byUnit: [String: Int]) -> [(path: String, bytes: [UInt8])] {
        let c = plan
        var out: [(path: String, bytes: [UInt8])] = []
        for (unit, i) in byUnit.sorted(by: { $0.key < $1.key }) {
            let r = reports[i]
            guard Self.isSafeCode(unit), r.status != .unreadable, r.errorCount + r.warningCount > 0,
                  !files[i].name.contains("/")
            else { continue }
            do {
                let source = try Workbook(path: files[i].path, options: ReadOptions(formulas: true))
                let bytes = try AnnotatedWorkbook.build(source: source, report: r).bytes()
                out.append((c.returnedPath(unit: unit, fileName: files[i].name), bytes))
            } catch {
                logger.warning("\(files[i].name): no annotated copy: \(error)")
            }
        }
        return out
    }

    /// Removes annotated files this run did not write (a unit that has since sent a clean
    /// file, or a replaced file): a clerk must not find an old list of problems. Also the
    /// temporary files a killed run left there.
    func removeStaleReturnedFiles(keeping: Set<String>) {
        let root = plan.returnedFolder
        let fm = FileManager.default
        guard let units = try? fm.contentsOfDirectory(atPath: root) else { return }
        for unit in units where !unit.hasPrefix(".") {
            let folder = root + "/" + unit
            AtomicFile.removeLeftovers(in: folder)  // temporary files of a run that was killed
            guard let names = try? fm.contentsOfDirectory(atPath: folder) else { continue }
            for name in names where !name.hasPrefix(".") && name.lowercased().hasSuffix(".xlsx") && !keeping.contains(folder + "/" + name) {
                try? fm.removeItem(atPath: folder + "/" + name)
            }
            if (try? fm.contentsOfDirectory(atPath: folder))?.isEmpty == true { try? fm.removeItem(atPath: folder) }
        }
    }
}
