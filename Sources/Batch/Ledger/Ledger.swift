import Foundation
import GRDB
import Reporting

/// The job's memory between runs: an embedded SQLite database (GRDB, WAL journal) holding
/// every submission seen, every run, the accepted figures and the issues of each submission.
///
/// Wall-clock times live here and only here; the run's outputs never contain them. Every
/// write happens in one transaction, so a run killed at any moment leaves the ledger as it was.
public final class Ledger: Sendable {
    /// The database file.
    public let path: String
    let db: DatabasePool

    /// Opens (creating if needed) and migrates the ledger at `path`.
    public init(path: String) throws(BatchError) {
        self.path = path
        do {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            var config = Configuration()
            config.foreignKeysEnabled = true
            // A run holds the write lock while it writes its outputs; another job sharing
            // this ledger waits for it rather than failing.
            config.busyMode = .timeout(60)
            db = try DatabasePool(path: path, configuration: config)
            let migrator = Ledger.migrator
            if try db.read({ try migrator.hasBeenSuperseded($0) }) {
                throw BatchError.ledger(
                    path: path, reason: "the ledger was written by a newer tonghop (unknown schema migrations)")
            }
            try migrator.migrate(db)
        } catch let e as BatchError {
            throw e
        } catch {
            throw .ledger(path: path, reason: "\(error)")
        }
    }

    /// The migrations applied in order, names never changed once released.
    public static var migrationNames: [String] { migrator.migrations }

    func write<T>(_ body: (Database) throws -> T) throws(BatchError) -> T {
        do { return try db.write(body) } catch let e as BatchError { throw e } catch {
            throw .ledger(path: path, reason: "\(error)")
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(BatchError) -> T {
        do { return try db.read(body) } catch let e as BatchError { throw e } catch {
            throw .ledger(path: path, reason: "\(error)")
        }
    }
}

/// Times in the ledger: ISO 8601 UTC with milliseconds, sortable as text.
enum LedgerTime {
    static func string(_ date: Date) -> String {
        var t = time_t(date.timeIntervalSince1970.rounded(.down))
        var tm = tm()
        gmtime_r(&t, &tm)
        let ms = Int((date.timeIntervalSince1970 - Double(t)) * 1000)
        func pad(_ v: Int32, _ n: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, n - s.count)) + s
        }
        return "\(pad(tm.tm_year + 1900, 4))-\(pad(tm.tm_mon + 1, 2))-\(pad(tm.tm_mday, 2))T"
            + "\(pad(tm.tm_hour, 2)):\(pad(tm.tm_min, 2)):\(pad(tm.tm_sec, 2)).\(pad(Int32(ms), 3))Z"
    }
}
