import Foundation
import XLSX

extension AtomicFile {
    /// Copies a file atomically (read whole, written through `writeIfChanged`), unless the
    /// target already holds the same bytes (then this returns false).
    @discardableResult
    static func copy(from source: String, to path: String) throws(BatchError) -> Bool {
        guard let data = FileManager.default.contents(atPath: source) else {
            throw .cannotRead(path: source, reason: "cannot read the file")
        }
        return try writeIfChangedOrFail([UInt8](data), to: path)
    }

    /// `writeIfChanged`, its failure as the run's `BatchError.cannotWrite`.
    @discardableResult
    static func writeIfChangedOrFail(_ bytes: [UInt8], to path: String) throws(BatchError) -> Bool {
        do { return try writeIfChanged(bytes, to: path) } catch {
            if case .io(let p, let m) = error { throw .cannotWrite(path: p, reason: m) }
            throw .cannotWrite(path: path, reason: error.description)
        }
    }
}
