/// The one way work runs in parallel (`run` and `validate`): a task group holding at most
/// `workers` tasks at a time; results come back in the input order whatever order the
/// tasks finish in. The first failure cancels the rest and is thrown.
public enum Parallel {
    /// Maps `items` through `body` on at most `workers` concurrent tasks (0 or less: one
    /// per core); `progress` is called with (done, total) as results arrive.
    public static func map<T: Sendable, R: Sendable, E: Error>(
        _ items: [T], workers: Int, progress: (@Sendable (Int, Int) -> Void)? = nil,
        _ body: @escaping @Sendable (T) throws(E) -> R
    ) async throws(E) -> [R] {
        let width = min(workers > 0 ? workers : ProcessInfoCores.count, max(1, items.count))
        let outcome: Result<[R], E> = await withTaskGroup(of: (Int, Result<R, E>).self) { group in
            var results = [R?](repeating: nil, count: items.count)
            var next = 0
            var done = 0
            func add() {
                let i = next
                let item = items[i]
                group.addTask {
                    do throws(E) { return (i, .success(try body(item))) } catch { return (i, .failure(error)) }
                }
                next += 1
            }
            while next < items.count && next < width { add() }
            while let (i, r) = await group.next() {
                switch r {
                case .success(let v): results[i] = v
                case .failure(let e):
                    group.cancelAll()
                    return .failure(e)
                }
                done += 1
                progress?(done, items.count)
                if next < items.count { add() }
            }
            return .success(results.map { $0! })
        }
        return try outcome.get()
    }
}
