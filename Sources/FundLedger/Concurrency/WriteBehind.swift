#if canImport(Glibc)
import Glibc
#endif

/// Consumes batches on a second thread while the calling thread goes on producing them: the
/// mirror of `ReadAhead`. An import validates and hashes the next entries while the rows of
/// the last ones are inserted. At most `queuedBatchCountMax` batches wait, so memory stays
/// bounded whatever the input's size.
///
/// Batches are consumed one at a time, in the order submitted. Once one fails, the rest are
/// dropped and the failure is thrown by the next `submit(_:)` or by `finish()`. Whatever
/// `consume` touches (an SQLite connection) the calling thread leaves alone until `wait()`
/// returns: `wait()` is the hand-over point.
final class WriteBehind<Batch>: @unchecked Sendable {
    static var queuedBatchCountMax: Int { 32 }

    /// What the two threads share. The consuming thread holds this, not the `WriteBehind`, so
    /// that releasing the `WriteBehind` stops and joins it.
    private let channel: Channel
    private var thread = pthread_t()
    private var started = false
    /// How many times `wait()` found the consumer busy and blocked: each is a bubble in the
    /// pipeline, so a caller that waits per batch gains nothing (`ImportPipelineTests` checks
    /// that appending never waits).
    private(set) var blockedWaitCount = 0

    init(consume: @escaping (Batch) throws -> Void) {
        channel = Channel(consume: consume)
    }

    deinit { stop() }

    /// Starts the consuming thread.
    func start() {
        precondition(!started, "a WriteBehind starts once")
        let channel = self.channel
        thread = ThreadStart.run(named: "writing") { channel.consumeAll() }
        started = true
    }

    /// Queues `batch`, waiting while the queue is full.
    ///
    /// - Throws: what an earlier batch's `consume` threw; `batch` is then dropped.
    func submit(_ batch: Batch) throws {
        precondition(started, "submit after start() and before finish()")
        if let failure = channel.put(batch) { throw failure }
    }

    /// Waits until every batch submitted has been consumed (or dropped after a failure), so
    /// that the calling thread may use what `consume` uses. Returns at once on the consuming
    /// thread itself.
    ///
    /// - Returns: the failure of a batch, if one failed.
    @discardableResult
    func wait() -> (any Error)? {
        guard started, !isConsumingThread else { return nil }
        let (failure, blocked) = channel.waitUntilIdle()
        if blocked { blockedWaitCount += 1 }
        return failure
    }

    /// Whether a thread is waiting in `wait()`, and whether `stop()` has begun: what a test
    /// waits for, instead of sleeping, before it lets a held consumer go on.
    var hasWaiter: Bool { channel.state.waiters > 0 }
    var isStopping: Bool { channel.state.stopping }

    /// The consuming thread, once started: what a `ConnectionLease` is lent to.
    var consumingThread: pthread_t {
        precondition(started, "the consuming thread exists once started")
        return thread
    }

    /// Whether the caller runs on the consuming thread.
    var isConsumingThread: Bool { started && pthread_equal(pthread_self(), thread) != 0 }

    /// Waits for every batch submitted, stops the consuming thread and joins it.
    ///
    /// - Throws: what a batch's `consume` threw.
    func finish() throws {
        let failure = wait()
        stop()
        if let failure { throw failure }
    }

    /// Stops the consuming thread after the batch it is on, dropping the queued ones, and
    /// joins it; safe to call more than once.
    func stop() {
        guard started else { return }
        channel.stop()
        pthread_join(thread, nil)
        started = false
        channel.drop()
    }

    /// The bounded queue between the threads, under one mutex.
    private final class Channel: @unchecked Sendable {
        private var mutex = pthread_mutex_t()
        private var changed = pthread_cond_t()
        private var batches: [Batch] = []
        /// Batches consumed, for the producing thread to free (see `put`).
        private var consumed: [Batch] = []
        private var busy = false
        private var stopping = false
        private var waiters = 0
        private var failure: (any Error)?
        private let consume: (Batch) throws -> Void

        init(consume: @escaping (Batch) throws -> Void) {
            self.consume = consume
            pthread_mutex_init(&mutex, nil)
            pthread_cond_init(&changed, nil)
        }

        deinit {
            pthread_cond_destroy(&changed)
            pthread_mutex_destroy(&mutex)
        }

        /// Queues a batch, waiting while the queue is full; the failure instead, once there is one.
        ///
        /// Frees the batches consumed since the last call, here on the producing thread that
        /// allocated them, after unlocking: memory freed on the thread that allocated it stays
        /// out of the allocator's shared arena, whose lock the two threads otherwise fight
        /// over for every entry.
        func put(_ batch: Batch) -> (any Error)? {
            pthread_mutex_lock(&mutex)
            while batches.count >= WriteBehind.queuedBatchCountMax && failure == nil && !stopping {
                pthread_cond_wait(&changed, &mutex)
            }
            var used: [Batch] = []
            swap(&used, &consumed)
            let failure = self.failure
            if failure == nil {
                batches.append(batch)
                pthread_cond_broadcast(&changed)
            }
            pthread_mutex_unlock(&mutex)
            used.removeAll()
            return failure
        }

        /// Waits until the queue is empty and no batch is being consumed.
        func waitUntilIdle() -> (failure: (any Error)?, blocked: Bool) {
            pthread_mutex_lock(&mutex)
            defer { pthread_mutex_unlock(&mutex) }
            let blocked = busy || !batches.isEmpty
            waiters += 1
            while busy || !batches.isEmpty { pthread_cond_wait(&changed, &mutex) }
            waiters -= 1
            return (failure, blocked)
        }

        /// How many threads wait for the queue to empty, and whether it is stopping.
        var state: (waiters: Int, stopping: Bool) {
            pthread_mutex_lock(&mutex)
            defer { pthread_mutex_unlock(&mutex) }
            return (waiters, stopping)
        }

        func stop() {
            pthread_mutex_lock(&mutex)
            stopping = true
            pthread_cond_broadcast(&changed)
            pthread_mutex_unlock(&mutex)
        }

        /// The consuming thread's work: each batch in turn until stopped.
        func consumeAll() {
            pthread_mutex_lock(&mutex)
            while true {
                while batches.isEmpty && !stopping { pthread_cond_wait(&changed, &mutex) }
                if stopping { break }
                let batch = batches.removeFirst()
                busy = true
                let failed = failure != nil
                pthread_mutex_unlock(&mutex)
                var thrown: (any Error)?
                if !failed {
                    do { try consume(batch) } catch { thrown = error }
                }
                pthread_mutex_lock(&mutex)
                consumed.append(batch)
                if let thrown, failure == nil { failure = thrown }
                busy = false
                pthread_cond_broadcast(&changed)
            }
            // What was not consumed is freed by the producer too (`drop`).
            consumed += batches
            batches.removeAll()
            busy = false
            pthread_cond_broadcast(&changed)
            pthread_mutex_unlock(&mutex)
        }

        /// Frees the batches consumed, on the calling (producing) thread.
        func drop() {
            pthread_mutex_lock(&mutex)
            var used: [Batch] = []
            swap(&used, &consumed)
            pthread_mutex_unlock(&mutex)
            used.removeAll()
        }
    }
}
