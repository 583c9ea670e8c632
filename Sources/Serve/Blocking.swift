import Dispatch

/// Runs blocking work (reading a workbook, SQLite waiting for a lock, fsync) on a Dispatch
/// thread and awaits it, so that the few threads of Swift concurrency that serve every
/// request are never held by one upload.
enum Blocking {
    static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: body()) }
        }
    }
}
