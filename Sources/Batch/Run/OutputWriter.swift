import Foundation
import XLSX

/// Writes a run's outputs on a thread of its own while the run fills the ledger's
/// transaction; `wait()` is called before the commit, so the run still counts only once
/// every output is on disk. Copies of rejected files first, then the outputs, each through
/// `AtomicFile` (a file already holding the same bytes is left alone).
///
/// One writer, not one per core: file creations in one folder serialise on the folder's
/// lock in the kernel, and a second writer only spins on it (measured: three times the
/// system time for more wall time; docs/PERFORMANCE.md, "What the third session changed").
///
/// The ledger's write lock is held while the outputs are written (the transaction is open):
/// runs of jobs that share one ledger file wait for each other (`Ledger` waits up to a
/// minute for the lock).
final class OutputWriter: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written by the thread before it signals `done`, read only after `wait()`.
    private var failure: BatchError?
    private(set) var writtenCount = 0
    private(set) var unchangedCount = 0
    // Set before the thread starts, released by the thread.
    private var garbage: Any?

    /// Starts writing. `garbage` is released on the writer's thread once the outputs are
    /// written (large data the run no longer needs: freeing it costs time the writer's
    /// thread has and the run's task has not).
    init(copies: [(from: String, to: String)], outputs: [(path: String, bytes: [UInt8])], thenFree garbage: Any? = nil) {
        self.garbage = garbage
        let thread = Thread { [self] in
            do throws(BatchError) {
                for copy in copies { try count(AtomicFile.copy(from: copy.from, to: copy.to)) }
                for o in outputs { try count(AtomicFile.writeIfChangedOrFail(o.bytes, to: o.path)) }
            } catch {
                failure = error
            }
            done.signal()
            self.garbage = nil
        }
        thread.name = "tonghop-writer"
        thread.start()
    }

    private func count(_ wrote: Bool) {
        if wrote { writtenCount += 1 } else { unchangedCount += 1 }
    }

    /// Blocks until every output is written; throws the first failure (the rest of the
    /// outputs are then not written: the run fails and its ledger transaction rolls back).
    func wait() throws(BatchError) {
        done.wait()
        done.signal()  // a second wait returns at once
        if let failure { throw failure }
    }
}
