#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Lines of warnings collected while sheets are read, each once, in the order first met;
/// safe to fill from several threads (a pthread mutex: the XLSX module does without Foundation).
final class WarningLog: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var seen: Set<String> = []
    private var ordered: [String] = []

    init() {
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func add(_ lines: [String]) {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        for l in lines where seen.insert(l).inserted { ordered.append(l) }
    }

    var lines: [String] {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return ordered
    }
}
