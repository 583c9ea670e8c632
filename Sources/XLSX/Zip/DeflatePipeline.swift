#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Deflates a streaming sheet on a second thread while the caller builds the next rows:
/// the caller hands over filled buffers (at most two waiting), the worker runs the CRC,
/// zlib and the temporary-file writes. Memory stays flat (a few buffers); output is the
/// same bytes as deflating in the caller's thread, since one stream sees the same input.
final class DeflatePipeline: @unchecked Sendable {
    private let compressor: EntryCompressor
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let cond = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var thread = pthread_t()
    private var queue: [[UInt8]] = []
    private var spare: [[UInt8]] = []
    private var closed = false
    private var done = false
    private var failure: XLSXWriteError?
    private let bufferCapacity: Int

    init(compressor: EntryCompressor, bufferCapacity: Int) {
        self.compressor = compressor
        self.bufferCapacity = bufferCapacity
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(cond, nil)
        let context = Unmanaged.passRetained(self).toOpaque()
        let rc = pthread_create(&thread, nil, { raw in
            let pipeline = Unmanaged<DeflatePipeline>.fromOpaque(raw!).takeRetainedValue()
            pipeline.work()
            return nil
        }, context)
        if rc != 0 {
            // No thread: deflate in the caller's thread instead.
            Unmanaged<DeflatePipeline>.fromOpaque(context).release()
            done = true
            threadless = true
        }
    }

    private var threadless = false

    deinit {
        pthread_cond_destroy(cond)
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        cond.deallocate()
    }

    /// Hands `buffer` over and gives back an empty one to fill next.
    func submit(_ buffer: inout [UInt8]) throws(XLSXWriteError) {
        if threadless {
            try compressor.write(buffer)
            buffer.removeAll(keepingCapacity: true)
            return
        }
        pthread_mutex_lock(mutex)
        while queue.count >= 2 && failure == nil { pthread_cond_wait(cond, mutex) }
        if let failure {
            pthread_mutex_unlock(mutex)
            throw failure
        }
        var next = spare.popLast() ?? []
        swap(&next, &buffer)
        queue.append(next)
        pthread_cond_broadcast(cond)
        pthread_mutex_unlock(mutex)
        if buffer.capacity < bufferCapacity { buffer.reserveCapacity(bufferCapacity) }
    }

    /// Waits for the worker to drain everything, then ends the deflate stream.
    func finish() throws(XLSXWriteError) -> CompressedEntry {
        if !threadless {
            pthread_mutex_lock(mutex)
            closed = true
            pthread_cond_broadcast(cond)
            while !done { pthread_cond_wait(cond, mutex) }
            let failure = self.failure
            let running = !joined
            joined = true
            pthread_mutex_unlock(mutex)
            if running { pthread_join(thread, nil) }
            if let failure { throw failure }
        }
        return try compressor.finish()
    }

    /// Stops the worker without ending the stream (a sheet dropped before writing).
    func abandon() {
        guard !threadless else { return }
        pthread_mutex_lock(mutex)
        let running = !joined
        joined = true
        closed = true
        failure = failure ?? .tooLate(sheet: "", setting: "a row after abandoning")
        pthread_cond_broadcast(cond)
        pthread_mutex_unlock(mutex)
        if running { pthread_join(thread, nil) }
    }

    private var joined = false

    private func work() {
        pthread_mutex_lock(mutex)
        while true {
            while queue.isEmpty && !closed { pthread_cond_wait(cond, mutex) }
            if queue.isEmpty { break }
            var buffer = queue.removeFirst()
            let failed = failure != nil
            pthread_mutex_unlock(mutex)
            var error: XLSXWriteError?
            if !failed {
                do { try compressor.write(buffer) } catch let e { error = e }
            }
            buffer.removeAll(keepingCapacity: true)
            pthread_mutex_lock(mutex)
            if let error, failure == nil { failure = error }
            spare.append(buffer)
            pthread_cond_broadcast(cond)
        }
        done = true
        pthread_cond_broadcast(cond)
        pthread_mutex_unlock(mutex)
    }
}
