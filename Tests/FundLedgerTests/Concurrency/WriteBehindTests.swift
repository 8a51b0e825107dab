import Foundation
import Testing
@testable import FundLedger

/// `WriteBehind`: batches consumed on a second thread, in order, with a bounded queue; a
/// failure stops the consuming and reaches the producer; `wait()` is the hand-over point.
@Suite struct WriteBehindTests {
    /// What the consuming thread records; read by the test only after `wait()` or `finish()`.
    final class Log: @unchecked Sendable {
        var batches: [[Int]] = []
    }

    struct Refused: Error, Equatable { let batch: Int }

    @Test func consumesEveryBatchInTheOrderSubmitted() throws {
        let log = Log()
        let behind = WriteBehind<[Int]> { log.batches.append($0) }
        behind.start()
        // Many more batches than the queue holds, so submit has to wait for the consumer.
        let count = WriteBehind<[Int]>.queuedBatchCountMax * 10
        for number in 0..<count { try behind.submit([number, number * 2]) }
        try behind.finish()
        #expect(log.batches.count == count)
        #expect(log.batches == (0..<count).map { [$0, $0 * 2] })
    }

    @Test func waitReturnsOnceEverythingSubmittedIsConsumed() throws {
        let log = Log()
        // The consumer is held on its first batch until wait() is waiting: the queue is
        // certainly not empty when wait() is called, with no sleep deciding it.
        let gate = DispatchSemaphore(value: 0)
        let behind = WriteBehind<[Int]> { batch in
            if batch == [0] { gate.wait() }
            log.batches.append(batch)
        }
        behind.start()
        for number in 0..<10 { try behind.submit([number]) }
        let opener = Thread {
            while !behind.hasWaiter { sched_yield() }
            gate.signal()
        }
        opener.start()
        #expect(behind.wait() == nil)
        #expect(log.batches.count == 10)
        #expect(behind.blockedWaitCount == 1)
        // Nothing is queued now: waiting again does not block.
        #expect(behind.wait() == nil)
        #expect(behind.blockedWaitCount == 1)
        try behind.finish()
    }

    @Test func aFailureDropsTheRestAndIsThrownToTheProducer() throws {
        let log = Log()
        let behind = WriteBehind<[Int]> { batch in
            if batch == [3] { throw Refused(batch: 3) }
            log.batches.append(batch)
        }
        behind.start()
        var thrownBySubmit: (any Error)?
        for number in 0..<200 {
            do { try behind.submit([number]) } catch { thrownBySubmit = error; break }
        }
        let failure = behind.wait()
        #expect(failure as? Refused == Refused(batch: 3))
        #expect(log.batches == [[0], [1], [2]])
        #expect(throws: Refused(batch: 3)) { try behind.finish() }
        // Submitting went on until the producer heard of the failure, at the latest by 200.
        if let thrownBySubmit { #expect(thrownBySubmit as? Refused == Refused(batch: 3)) }
    }

    @Test func waitOnTheConsumingThreadReturnsAtOnce() throws {
        let log = Log()
        final class Box: @unchecked Sendable { var behind: WriteBehind<[Int]>? }
        let box = Box()
        let behind = WriteBehind<[Int]> { batch in
            // What the database hook does when the inserter itself reads: no self-deadlock.
            #expect(box.behind?.isConsumingThread == true)
            _ = box.behind?.wait()
            log.batches.append(batch)
        }
        box.behind = behind
        behind.start()
        #expect(!behind.isConsumingThread)
        for number in 0..<5 { try behind.submit([number]) }
        try behind.finish()
        #expect(log.batches.count == 5)
        box.behind = nil
    }

    @Test func stoppingDropsWhatIsQueuedAndJoins() throws {
        let log = Log()
        // The consumer is held on its first batch until stop() has begun, so every other
        // batch is still queued when the thread stops, with no sleep deciding it.
        let started = DispatchSemaphore(value: 0), gate = DispatchSemaphore(value: 0)
        let behind = WriteBehind<[Int]> { batch in
            if batch == [0] { started.signal(); gate.wait() }
            log.batches.append(batch)
        }
        behind.start()
        for number in 0..<WriteBehind<[Int]>.queuedBatchCountMax { try behind.submit([number]) }
        started.wait()
        let opener = Thread {
            while !behind.isStopping { sched_yield() }
            gate.signal()
        }
        opener.start()
        behind.stop()
        // The thread is joined: it consumed the batch it was on, and dropped the rest.
        #expect(log.batches == [[0]])
        behind.stop()   // a second stop is harmless
    }
}
