#if canImport(Glibc)
import Glibc
#endif

/// Reads and parses an import file on a second thread while the posting thread validates,
/// hashes and writes: parsing CSV into drafts needs no database, so the two overlap on a
/// machine with two cores. Batches of items pass through a bounded queue, so memory stays
/// flat: at most `batchCountMax` batches of `batchSize` items wait.
///
/// Only sources that touch no database may read ahead (the entries layout); the reading
/// thread is the only one that uses the source once `start` is called.
final class ImportReadAhead: @unchecked Sendable {
    static let batchSize = 512
    static let batchCountMax = 8

    private var mutex = pthread_mutex_t()
    private var changed = pthread_cond_t()
    private var batches: [[ImportItem]] = []
    private var finished = false
    private var cancelled = false
    private var failure: (any Error)?
    /// Bytes of the file read by the reading thread, for progress lines.
    private var bytesReadSoFar: Int64 = 0
    private var thread = pthread_t()
    private var started = false
    private var source: any ImportItemSource
    private let bytesRead: () -> Int64
    private var current: [ImportItem] = []
    private var currentIndex = 0

    /// - Parameters:
    ///   - bytesRead: how far the source has read, asked on the reading thread.
    init(source: any ImportItemSource, bytesRead: @escaping () -> Int64) {
        self.source = source
        self.bytesRead = bytesRead
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&changed, nil)
    }

    deinit {
        cancel()
        pthread_cond_destroy(&changed)
        pthread_mutex_destroy(&mutex)
    }

    /// Starts the reading thread.
    func start() {
        let context = Unmanaged.passRetained(self).toOpaque()
        let code = pthread_create(&thread, nil, { context in
            let readAhead = Unmanaged<ImportReadAhead>.fromOpaque(context!).takeRetainedValue()
            readAhead.readAll()
            return nil
        }, context)
        precondition(code == 0, "cannot start the import's reading thread (pthread_create \(code))")
        started = true
    }

    /// The next item, in file order; `nil` after the last. Rethrows what the reading thread met.
    func next() throws -> ImportItem? {
        if currentIndex < current.count {
            defer { currentIndex += 1 }
            return current[currentIndex]
        }
        pthread_mutex_lock(&mutex)
        while batches.isEmpty && !finished { pthread_cond_wait(&changed, &mutex) }
        if batches.isEmpty {
            let failure = self.failure
            pthread_mutex_unlock(&mutex)
            if let failure { throw failure }
            return nil
        }
        current = batches.removeFirst()
        pthread_cond_broadcast(&changed)
        pthread_mutex_unlock(&mutex)
        currentIndex = 1
        return current[0]
    }

    /// How many bytes of the file the reading thread has read.
    var bytesReadByReader: Int64 {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return bytesReadSoFar
    }

    /// Stops the reading thread and waits for it; safe to call more than once.
    func cancel() {
        guard started else { return }
        pthread_mutex_lock(&mutex)
        cancelled = true
        pthread_cond_broadcast(&changed)
        pthread_mutex_unlock(&mutex)
        pthread_join(thread, nil)
        started = false
    }

    private func readAll() {
        var batch: [ImportItem] = []
        batch.reserveCapacity(ImportReadAhead.batchSize)
        do {
            while let item = try source.next() {
                batch.append(item)
                if batch.count == ImportReadAhead.batchSize {
                    guard hand(batch, last: false) else { return }
                    batch = []
                    batch.reserveCapacity(ImportReadAhead.batchSize)
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

    /// Queues a batch, waiting while the queue is full; `false` when the import was cancelled.
    private func hand(_ batch: [ImportItem], last: Bool) -> Bool {
        let read = bytesRead()
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        while batches.count >= ImportReadAhead.batchCountMax && !cancelled { pthread_cond_wait(&changed, &mutex) }
        guard !cancelled else { return false }
        if !batch.isEmpty { batches.append(batch) }
        bytesReadSoFar = read
        if last { finished = true }
        pthread_cond_broadcast(&changed)
        return true
    }
}

extension ImportReadAhead: ImportItemSource {}
