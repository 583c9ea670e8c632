#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A mutex and its condition variable: what a pipeline's caller and its worker thread
/// (`DeflatePipeline`, `ReadAheadReader`) share. `wait()` must be called holding the lock.
final class Monitor: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let cond = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(cond, nil)
    }

    deinit {
        pthread_cond_destroy(cond)
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        cond.deallocate()
    }

    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }
    /// Releases the lock until `broadcast()`, then holds it again.
    func wait() { pthread_cond_wait(cond, mutex) }
    func broadcast() { pthread_cond_broadcast(cond) }
}

/// A pipeline's worker: a thread running `body`, joined by `join()`.
struct WorkerThread {
    private var thread: pthread_t

    /// Starts `body` on a new thread; nil when no thread can be created (the caller then
    /// does the work itself). `body` is kept alive until it returns.
    static func start(_ body: @escaping @Sendable () -> Void) -> WorkerThread? {
        final class Body {
            let run: @Sendable () -> Void
            init(_ run: @escaping @Sendable () -> Void) { self.run = run }
        }
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        var thread = pthread_t()
        let rc = pthread_create(
            &thread, nil,
            { raw in
                Unmanaged<Body>.fromOpaque(raw!).takeRetainedValue().run()
                return nil
            }, context)
        guard rc == 0 else {
            Unmanaged<Body>.fromOpaque(context).release()
            return nil
        }
        return WorkerThread(thread: thread)
    }

    /// Waits for the thread to return.
    func join() { pthread_join(thread, nil) }
}
