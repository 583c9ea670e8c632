#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Inflates a large entry on a second thread while the caller parses what came before:
/// the worker reads the compressed bytes, runs zlib, the CRC-32 and the size and ratio
/// checks (`ZipEntryReader`) into a few fixed buffers; the caller takes them in order.
/// The caller sees the same bytes, and the same error at the same place in the stream,
/// as reading `ZipEntryReader` directly; only the time moves to the other core.
///
/// Memory is `bufferCount × bufferSize` (4 × 256 KiB) whatever the entry's size.
/// `close()` (or the end of the entry) stops and joins the worker; it must be called
/// before the reader is dropped when the caller stops early.
final class ReadAheadReader: EntryStream, @unchecked Sendable {
    /// Entries smaller than this (uncompressed) are read in the caller's thread: a
    /// thread costs more than it saves on a small part.
    static let threshold: Int64 = 1 << 20
    static let bufferSize = 256 * 1024
    static let bufferCount = 4

    private struct Chunk {
        let buffer: UnsafeMutableRawBufferPointer
        let count: Int
    }

    private let source: ZipEntryReader
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let cond = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var thread = pthread_t()
    private var running = false
    // Shared with the worker, under `mutex`.
    private var ready: [Chunk] = []
    private var spare: [UnsafeMutableRawBufferPointer] = []
    private var ended = false
    private var cancelled = false
    private var failure: XLSXError?
    private var exited = false
    // The caller's side.
    private var current: Chunk?
    private var offset = 0
    private var all: [UnsafeMutableRawBufferPointer] = []

    /// Starts the worker; when no thread can be created the entry is read in the
    /// caller's thread instead.
    init(_ source: ZipEntryReader) {
        self.source = source
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(cond, nil)
        for _ in 0..<ReadAheadReader.bufferCount {
            let b = UnsafeMutableRawBufferPointer.allocate(byteCount: ReadAheadReader.bufferSize, alignment: 64)
            all.append(b)
            spare.append(b)
        }
        let context = Unmanaged.passRetained(self).toOpaque()
        let rc = pthread_create(
            &thread, nil,
            { raw in
                let reader = Unmanaged<ReadAheadReader>.fromOpaque(raw!).takeRetainedValue()
                reader.work()
                return nil
            }, context)
        if rc == 0 {
            running = true
        } else {
            Unmanaged<ReadAheadReader>.fromOpaque(context).release()
        }
    }

    deinit {
        for b in all { b.deallocate() }
        pthread_cond_destroy(cond)
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        cond.deallocate()
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(XLSXError) -> Int {
        guard running else { return try source.read(into: buffer) }
        if buffer.count == 0 { return 0 }
        while true {
            if let c = current {
                if offset < c.count {
                    let n = min(buffer.count, c.count - offset)
                    buffer.baseAddress!.copyMemory(from: c.buffer.baseAddress! + offset, byteCount: n)
                    offset += n
                    return n
                }
                current = nil
                pthread_mutex_lock(mutex)
                spare.append(c.buffer)
                pthread_cond_broadcast(cond)
                pthread_mutex_unlock(mutex)
            }
            pthread_mutex_lock(mutex)
            while ready.isEmpty && !ended { pthread_cond_wait(cond, mutex) }
            if !ready.isEmpty {
                current = ready.removeFirst()
                offset = 0
                pthread_mutex_unlock(mutex)
                continue
            }
            let failure = self.failure
            pthread_mutex_unlock(mutex)
            close()
            if let failure { throw failure }
            return 0
        }
    }

    /// Stops the worker (if it still runs) and waits for it. Safe to call twice.
    func close() {
        guard running else { return }
        pthread_mutex_lock(mutex)
        cancelled = true
        pthread_cond_broadcast(cond)
        pthread_mutex_unlock(mutex)
        pthread_join(thread, nil)
        running = false
        // What the worker left is read in order from `ready` by no one: the caller
        // stopped, or everything was already taken.
        ready.removeAll()
        current = nil
    }

    /// True once the worker has returned (or never ran); for tests.
    var workerExited: Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return exited || !running
    }

    private func work() {
        defer {
            pthread_mutex_lock(mutex)
            exited = true
            pthread_mutex_unlock(mutex)
        }
        while true {
            pthread_mutex_lock(mutex)
            while spare.isEmpty && !cancelled { pthread_cond_wait(cond, mutex) }
            if cancelled {
                pthread_mutex_unlock(mutex)
                return
            }
            let buffer = spare.removeLast()
            pthread_mutex_unlock(mutex)

            var filled = 0
            var atEnd = false
            var caught: XLSXError?
            do throws(XLSXError) {
                while filled < buffer.count {
                    let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
                    if n == 0 {
                        atEnd = true
                        break
                    }
                    filled += n
                }
            } catch {
                caught = error
            }

            pthread_mutex_lock(mutex)
            if filled > 0 { ready.append(Chunk(buffer: buffer, count: filled)) } else { spare.append(buffer) }
            if atEnd || caught != nil {
                failure = caught
                ended = true
            }
            let stop = ended || cancelled
            pthread_cond_broadcast(cond)
            pthread_mutex_unlock(mutex)
            if stop { return }
        }
    }
}
