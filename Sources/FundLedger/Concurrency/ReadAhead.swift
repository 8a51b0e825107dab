#if canImport(Glibc)
import Glibc
#endif

/// Produces items on a second thread while the calling thread consumes them, so that reading
/// and the work on what is read overlap on a machine with two cores: an import parses CSV
/// while the posting thread validates and writes; `verify` reads and decodes entries while it
/// hashes them. Batches pass through a bounded queue: at most `batchCountMax` batches of
/// `batchSize` items wait, so memory is bounded by that count of items whatever the input's size.
///
/// Once `start()` is called, `produce` runs on the second thread only, until it returns `nil`
/// or throws; whatever it touches (a CSV reader, an SQLite connection) the calling thread must
/// leave alone until `next()` has returned `nil` or `cancel()` has returned. `cancel()` (or
/// releasing the `ReadAhead`) stops the producer at its next batch and waits for it; a producer
/// blocked reading a pipe finishes that read first.
final class ReadAhead<Item: Sendable>: @unchecked Sendable {
    static var batchSize: Int { 512 }
    static var batchCountMax: Int { 8 }

    /// What the two threads share. The producing thread holds this, not the `ReadAhead`, so
    /// that releasing the `ReadAhead` cancels and joins it.
    private let channel: Channel
    private var thread = pthread_t()
    private var started = false
    private var current: [Item] = []
    private var currentIndex = 0

    /// - Parameters:
    ///   - produce: the next item, or `nil` after the last.
    ///   - progress: how far the producer has come, asked on its thread after each batch.
    init(progress: @escaping () -> Int64 = { 0 }, produce: @escaping () throws -> Item?) {
        channel = Channel(produce: produce, progress: progress)
    }

    deinit { cancel() }

    /// Starts the producing thread.
    func start() {
        precondition(!started, "a ReadAhead starts once")
        let channel = self.channel
        thread = ThreadStart.run(named: "reading") { channel.produceAll() }
        started = true
    }

    /// The next item, in the order produced; `nil` after the last, or once cancelled.
    /// Rethrows what the producer threw.
    func next() throws -> Item? {
        if currentIndex < current.count {
            defer { currentIndex += 1 }
            return current[currentIndex]
        }
        // The spent batch goes back to the producing thread, which frees it: memory freed on
        // the thread that allocated it stays out of the allocator's shared arena, whose lock
        // two threads otherwise fight over for every item.
        let spent = current
        current = []
        switch channel.take(returning: spent) {
        case .batch(let batch):
            current = batch
            currentIndex = 1
            return batch[0]
        case .end(let failure):
            join()
            if let failure { throw failure }
            return nil
        }
    }

    /// What the producer's `progress` said after its last batch.
    var progressReported: Int64 { channel.progressReported }

    /// Stops the producing thread and waits for it; safe to call more than once.
    func cancel() {
        channel.cancel()
        join()
    }

    private func join() {
        guard started else { return }
        pthread_join(thread, nil)
        started = false
    }

    /// The bounded queue between the threads, under one mutex.
    private final class Channel: @unchecked Sendable {
        enum Taken {
            case batch([Item])
            case end((any Error)?)
        }

        private var mutex = pthread_mutex_t()
        private var changed = pthread_cond_t()
        private var batches: [[Item]] = []
        private var finished = false
        private var cancelled = false
        private var failure: (any Error)?
        private var progressSoFar: Int64 = 0
        private let produce: () throws -> Item?
        private let progress: () -> Int64

        init(produce: @escaping () throws -> Item?, progress: @escaping () -> Int64) {
            self.produce = produce
            self.progress = progress
            pthread_mutex_init(&mutex, nil)
            pthread_cond_init(&changed, nil)
        }

        deinit {
            pthread_cond_destroy(&changed)
            pthread_mutex_destroy(&mutex)
        }

        /// Batches the consumer is done with, for the producing thread to free.
        private var spent: [[Item]] = []

        /// The next batch, waiting for it; the end once the producer finished or was cancelled.
        /// `used` is the consumer's last batch, handed back to be freed by the producer.
        func take(returning used: [Item]) -> Taken {
            pthread_mutex_lock(&mutex)
            defer { pthread_mutex_unlock(&mutex) }
            if !used.isEmpty && !finished && !cancelled { spent.append(used) }
            while batches.isEmpty && !finished && !cancelled { pthread_cond_wait(&changed, &mutex) }
            guard !cancelled, !batches.isEmpty else { return .end(cancelled ? nil : failure) }
            let batch = batches.removeFirst()
            pthread_cond_broadcast(&changed)
            return .batch(batch)
        }

        var progressReported: Int64 {
            pthread_mutex_lock(&mutex)
            defer { pthread_mutex_unlock(&mutex) }
            return progressSoFar
        }

        func cancel() {
            pthread_mutex_lock(&mutex)
            cancelled = true
            pthread_cond_broadcast(&changed)
            pthread_mutex_unlock(&mutex)
        }

        /// The producing thread's work: batches into the queue until the end, an error or cancel.
        func produceAll() {
            var batch: [Item] = []
            batch.reserveCapacity(ReadAhead.batchSize)
            do {
                while let item = try produce() {
                    batch.append(item)
                    if batch.count == ReadAhead.batchSize {
                        guard hand(batch, last: false) else { return }
                        batch = []
                        batch.reserveCapacity(ReadAhead.batchSize)
                    }
                }
                _ = hand(batch, last: true)
            } catch {
                pthread_mutex_lock(&mutex)
                if !batch.isEmpty { batches.append(batch) }
                failure = error
                finished = true
                pthread_cond_broadcast(&changed)
                pthread_mutex_unlock(&mutex)
            }
        }

        /// Queues a batch, waiting while the queue is full; `false` when cancelled. Frees the
        /// batches the consumer handed back, on this thread, after unlocking.
        private func hand(_ batch: [Item], last: Bool) -> Bool {
            let reached = progress()
            pthread_mutex_lock(&mutex)
            while batches.count >= ReadAhead.batchCountMax && !cancelled { pthread_cond_wait(&changed, &mutex) }
            var used: [[Item]] = []
            swap(&used, &spent)
            let going = !cancelled
            if going {
                if !batch.isEmpty { batches.append(batch) }
                progressSoFar = reached
                if last { finished = true }
                pthread_cond_broadcast(&changed)
            }
            pthread_mutex_unlock(&mutex)
            used.removeAll()
            return going
        }
    }
}

/// What a new thread runs: a non-generic box, since a C thread function captures nothing.
final class ThreadStart {
    let body: () -> Void
    private init(_ body: @escaping () -> Void) { self.body = body }

    /// Starts a thread running `body`, to be joined with `pthread_join`. `role` names it in
    /// the failure message.
    static func run(named role: String, _ body: @escaping () -> Void) -> pthread_t {
        var thread = pthread_t()
        let code = pthread_create(&thread, nil, { context in
            Unmanaged<ThreadStart>.fromOpaque(context!).takeRetainedValue().body()
            return nil
        }, Unmanaged.passRetained(ThreadStart(body)).toOpaque())
        precondition(code == 0, "cannot start a \(role) thread (pthread_create \(code))")
        return thread
    }
}
