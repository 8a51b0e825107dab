#if canImport(Glibc)
import Glibc
#endif
import CSQLite

/// While a long write runs (an import), a thread asks the kernel every `interval` to start
/// writing the WAL's dirty pages to the device (Linux `sync_file_range`, which does not
/// wait). The commit's fsync of the WAL then finds most pages already written, instead of
/// waiting for all of them at the end: 0.7 s for the 320 MB WAL of a million entries.
///
/// Only the WAL: the thread opens and closes its own descriptor, and closing any descriptor
/// of a file drops every POSIX lock the process holds on it, SQLite's locks on the database
/// file included (https://www.sqlite.org/howtocorrupt.html, section 2.2). SQLite keeps no
/// lock on the WAL itself; its WAL locks are on the `-shm` file.
///
/// Durability is SQLite's as before: this only starts writing earlier what SQLite syncs
/// anyway, and never replaces a sync. Without `sync_file_range` (not Linux) it does nothing.
final class BackgroundWriteBack {
    private let walPath: String
    private let intervalMilliseconds: Int
    private var mutex = pthread_mutex_t()
    private var changed = pthread_cond_t()
    private var stopping = false
    private var thread: pthread_t?

    /// - Parameter databasePath: the database file; its WAL is `databasePath-wal`.
    init(databasePath: String, intervalMilliseconds: Int = 50) {
        walPath = databasePath + "-wal"
        self.intervalMilliseconds = intervalMilliseconds
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&changed, nil)
    }

    deinit {
        stop()
        pthread_cond_destroy(&changed)
        pthread_mutex_destroy(&mutex)
    }

    func start() {
        precondition(thread == nil, "a BackgroundWriteBack starts once")
        thread = ThreadStart.run(named: "write-back") { [self] in run() }
    }

    /// Stops the thread and waits for it; safe to call more than once.
    func stop() {
        guard let thread else { return }
        pthread_mutex_lock(&mutex)
        stopping = true
        pthread_cond_broadcast(&changed)
        pthread_mutex_unlock(&mutex)
        pthread_join(thread, nil)
        self.thread = nil
    }

    private func run() {
        // Opened once it exists: the WAL may appear with the first write.
        var descriptor: Int32 = -1
        defer { if descriptor >= 0 { close(descriptor) } }
        pthread_mutex_lock(&mutex)
        while !stopping {
            var deadline = timespec()
            clock_gettime(CLOCK_REALTIME, &deadline)
            let nanoseconds = Int(deadline.tv_nsec) + intervalMilliseconds * 1_000_000
            deadline.tv_sec += nanoseconds / 1_000_000_000
            deadline.tv_nsec = nanoseconds % 1_000_000_000
            _ = pthread_cond_timedwait(&changed, &mutex, &deadline)
            if stopping { break }
            pthread_mutex_unlock(&mutex)
            if descriptor < 0 { descriptor = open(walPath, O_RDONLY | O_CLOEXEC) }
            if descriptor >= 0 { _ = cpf_start_writeback(descriptor) }
            pthread_mutex_lock(&mutex)
        }
        pthread_mutex_unlock(&mutex)
    }
}
