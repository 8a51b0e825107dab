#if canImport(Glibc)
import Glibc
#endif

/// Runs `work` on each of `count` items on up to `threads` threads and returns the results in
/// item order: consolidation opens and verifies each fund's ledger on its own thread, each
/// with its own SQLite connection. The items are taken in order from a shared counter, so a
/// large file does not hold up the rest.
func parallelMap<Result: Sendable>(count: Int, threads: Int, _ work: @escaping @Sendable (Int) -> Result) -> [Result] {
    let shared = ParallelResults<Result>(count: count)
    let run = { while let index = shared.take() { shared.put(work(index), at: index) } }
    var started: [pthread_t] = []
    for _ in 1..<max(1, min(threads, count)) { started.append(ThreadStart.run(named: "consolidation", run)) }
    run()
    for thread in started { pthread_join(thread, nil) }
    return shared.results.map { $0! }
}

/// The number of processors online, for work split over threads.
func processorCount() -> Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

/// The results of `parallelMap`, filled under a lock.
private final class ParallelResults<Result>: @unchecked Sendable {
    var mutex = pthread_mutex_t()
    var next = 0
    var results: [Result?]
    init(count: Int) {
        results = Array(repeating: nil, count: count)
        pthread_mutex_init(&mutex, nil)
    }
    deinit { pthread_mutex_destroy(&mutex) }
    func take() -> Int? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        guard next < results.count else { return nil }
        defer { next += 1 }
        return next
    }
    func put(_ result: Result, at index: Int) {
        pthread_mutex_lock(&mutex)
        results[index] = result
        pthread_mutex_unlock(&mutex)
    }
}
