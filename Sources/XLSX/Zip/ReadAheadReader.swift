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
    private let monitor = Monitor()
    private var worker: WorkerThread?
    // Shared with the worker, under `monitor`.
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
        for _ in 0..<ReadAheadReader.bufferCount {
            let b = UnsafeMutableRawBufferPointer.allocate(byteCount: ReadAheadReader.bufferSize, alignment: 64)
            all.append(b)
            spare.append(b)
        }
        worker = WorkerThread.start { [self] in work() }
    }

    deinit {
        for b in all { b.deallocate() }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(XLSXError) -> Int {
        guard worker != nil else { return try source.read(into: buffer) }
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
                monitor.lock()
                spare.append(c.buffer)
                monitor.broadcast()
                monitor.unlock()
            }
            monitor.lock()
            while ready.isEmpty && !ended { monitor.wait() }
            if !ready.isEmpty {
                current = ready.removeFirst()
                offset = 0
                monitor.unlock()
                continue
            }
            let failure = self.failure
            monitor.unlock()
            close()
            if let failure { throw failure }
            return 0
        }
    }

    /// Stops the worker (if it still runs) and waits for it. Safe to call twice.
    func close() {
        guard let worker else { return }
        monitor.lock()
        cancelled = true
        monitor.broadcast()
        monitor.unlock()
        worker.join()
        self.worker = nil
        // What the worker left is read in order from `ready` by no one: the caller
        // stopped, or everything was already taken.
        ready.removeAll()
        current = nil
    }

    /// True once the worker has returned (or never ran); for tests.
    var workerExited: Bool {
        monitor.lock()
        defer { monitor.unlock() }
        return exited || worker == nil
    }

    private func work() {
        defer {
            monitor.lock()
            exited = true
            monitor.unlock()
        }
        while true {
            monitor.lock()
            while spare.isEmpty && !cancelled { monitor.wait() }
            if cancelled {
                monitor.unlock()
                return
            }
            let buffer = spare.removeLast()
            monitor.unlock()

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

            monitor.lock()
            if filled > 0 { ready.append(Chunk(buffer: buffer, count: filled)) } else { spare.append(buffer) }
            if atEnd || caught != nil {
                failure = caught
                ended = true
            }
            let stop = ended || cancelled
            monitor.broadcast()
            monitor.unlock()
            if stop { return }
        }
    }
}
