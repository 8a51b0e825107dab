#if canImport(Glibc)
import Glibc
#endif

/// Which thread holds a connection that two threads share: an import's posting thread and
/// its row inserter (`JournalWriter`). The connection is opened `SQLITE_OPEN_NOMUTEX`, which
/// lets any thread use it, one at a time (https://www.sqlite.org/threadsafe.html); the lease
/// says which one, and it changes hands only where the code says so:
///
/// - the posting thread lends it (`lend(to:)`) before it queues rows for the inserter;
/// - it takes it back (`takeBack()`) once the inserter is idle, before it reads or writes.
///
/// `Database` checks the lease on every use. A use by a thread that does not hold it would
/// race the holder on the same connection, so it stops the program instead.
final class ConnectionLease: @unchecked Sendable {
    /// The holder. Written by the thread that holds it, before it hands work to the other
    /// thread through a queue under a mutex (`WriteBehind`), so the other thread reads it
    /// after that mutex orders the two.
    private var holder: pthread_t

    /// A lease held by the calling thread.
    init() { holder = pthread_self() }

    /// Gives the connection to `thread`. Call from the holding thread.
    func lend(to thread: pthread_t) {
        precondition(isHeldHere, "only the thread holding the connection lends it")
        holder = thread
    }

    /// Takes the connection back for the calling thread. Call only once the borrower is idle
    /// (`WriteBehind.wait()` returned).
    func takeBack() { holder = pthread_self() }

    /// Whether the calling thread holds the connection.
    var isHeldHere: Bool { pthread_equal(holder, pthread_self()) != 0 }
}
