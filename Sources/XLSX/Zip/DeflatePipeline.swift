/// Deflates a streaming sheet on a second thread while the caller builds the next rows:
/// the caller hands over filled buffers (at most two waiting), the worker runs the CRC,
/// zlib and the temporary-file writes. Memory stays flat (a few buffers); output is the
/// same bytes as deflating in the caller's thread, since one stream sees the same input.
final class DeflatePipeline: @unchecked Sendable {
    private let compressor: EntryCompressor
    private let monitor = Monitor()
    private var worker: WorkerThread?
    private var queue: [[UInt8]] = []
    private var spare: [[UInt8]] = []
    private var closed = false
    private var done = false
    private var failure: XLSXWriteError?
    private let bufferCapacity: Int

    init(compressor: EntryCompressor, bufferCapacity: Int) {
        self.compressor = compressor
        self.bufferCapacity = bufferCapacity
        worker = WorkerThread.start { [self] in work() }
        if worker == nil { done = true }  // no thread: deflate in the caller's thread instead
    }

    private var threadless: Bool { worker == nil }

    /// Hands `buffer` over and gives back an empty one to fill next.
    func submit(_ buffer: inout [UInt8]) throws(XLSXWriteError) {
        if threadless {
            try compressor.write(buffer)
            buffer.removeAll(keepingCapacity: true)
            return
        }
        monitor.lock()
        while queue.count >= 2 && failure == nil { monitor.wait() }
        if let failure {
            monitor.unlock()
            throw failure
        }
        var next = spare.popLast() ?? []
        swap(&next, &buffer)
        queue.append(next)
        monitor.broadcast()
        monitor.unlock()
        if buffer.capacity < bufferCapacity { buffer.reserveCapacity(bufferCapacity) }
    }

    /// Waits for the worker to drain everything, then ends the deflate stream.
    func finish() throws(XLSXWriteError) -> CompressedEntry {
        if !threadless {
            monitor.lock()
            closed = true
            monitor.broadcast()
            while !done { monitor.wait() }
            let failure = self.failure
            let running = !joined
            joined = true
            monitor.unlock()
            if running { worker?.join() }
            if let failure { throw failure }
        }
        return try compressor.finish()
    }

    /// Stops the worker without ending the stream (a sheet dropped before writing).
    func abandon() {
        guard !threadless else { return }
        monitor.lock()
        let running = !joined
        joined = true
        closed = true
        failure = failure ?? .tooLate(sheet: "", setting: "a row after abandoning")
        monitor.broadcast()
        monitor.unlock()
        if running { worker?.join() }
    }

    private var joined = false

    private func work() {
        monitor.lock()
        while true {
            while queue.isEmpty && !closed { monitor.wait() }
            if queue.isEmpty { break }
            var buffer = queue.removeFirst()
            let failed = failure != nil
            monitor.unlock()
            var error: XLSXWriteError?
            if !failed {
                do { try compressor.write(buffer) } catch let e { error = e }
            }
            buffer.removeAll(keepingCapacity: true)
            monitor.lock()
            if let error, failure == nil { failure = error }
            spare.append(buffer)
            monitor.broadcast()
        }
        done = true
        monitor.broadcast()
        monitor.unlock()
    }
}
