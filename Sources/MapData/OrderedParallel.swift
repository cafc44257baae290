import Dispatch
import Foundation

/// Runs `produce` for indices 0..<count on several worker threads and hands the results to
/// `consume` on the calling thread, in index order.
///
/// Each worker makes its own state (a sequence context with its own Pango font map and Cairo
/// surfaces), so nothing that is not thread-safe is shared. At most `window` results are produced
/// ahead of the consumer: memory stays flat however long the sequence. The first error, from a
/// worker or from `consume`, stops the run and is rethrown once every worker has stopped.
///
/// A worker takes `run` consecutive indices at a time. A sequence context keeps what one frame
/// measured for the next (a snapshot's ground held is carried forward by its change): with one
/// index at a time, two workers alternate and each frame measures its snapshot afresh (~24 ms of a
/// ~65 ms national frame), which held two workers to ~1.4× one. The window grows to hold every
/// worker's run twice.
public enum OrderedParallel {
    public static func run<State, Output: Sendable>(
        count: Int, workers: Int, window: Int, run: Int = 1,
        makeState: @escaping @Sendable () throws -> State,
        produce: @escaping @Sendable (inout State, Int) throws -> Output,
        consume: (Int, Output) throws -> Void
    ) throws {
        guard count > 0 else { return }
        let run = max(1, run)
        let shared = Shared<Output>(window: max(window, run > 1 ? 2 * workers * run : workers, 1), run: run, workers: max(1, workers))
        let group = DispatchGroup()
        for _ in 0..<max(1, min(workers, count)) {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                shared.work(count: count, makeState: makeState, produce: produce)
            }
        }
        defer {
            shared.cancel()
            group.wait()
        }
        for index in 0..<count {
            let output = try shared.take(index)
            do { try consume(index, output) } catch {
                shared.fail(error)
                throw error
            }
        }
    }

    /// The state the threads share, guarded by one condition lock.
    private final class Shared<Output: Sendable>: @unchecked Sendable {
        let window: Int
        let run: Int
        let workers: Int
        let condition = NSCondition()
        var next = 0
        var consumed = 0
        var results: [Int: Output] = [:]
        var error: (any Error)?
        var stopped = false

        init(window: Int, run: Int, workers: Int) {
            self.window = window
            self.run = run
            self.workers = workers
        }

        /// The indices the next worker takes: a run, shorter near the end so that the last ones are
        /// shared by every worker instead of left to one.
        func span(count: Int) -> Int { min(run, max(1, (count - next + workers - 1) / workers)) }

        func work<State>(
            count: Int, makeState: () throws -> State, produce: (inout State, Int) throws -> Output
        ) {
            var state: State
            do { state = try makeState() } catch {
                fail(error)
                return
            }
            while true {
                condition.lock()
                while !stopped && next < count && next + span(count: count) > consumed + window { condition.wait() }
                if stopped || next >= count {
                    condition.unlock()
                    return
                }
                let first = next
                next += span(count: count)
                let end = next
                condition.unlock()
                for index in first..<end {
                    do {
                        let output = try produce(&state, index)
                        condition.lock()
                        results[index] = output
                        condition.broadcast()
                        let stop = stopped
                        condition.unlock()
                        if stop { return }
                    } catch {
                        fail(error)
                        return
                    }
                }
            }
        }

        func take(_ index: Int) throws -> Output {
            condition.lock()
            defer { condition.unlock() }
            while true {
                if let error { throw error }
                if let output = results.removeValue(forKey: index) {
                    consumed = index + 1
                    condition.broadcast()
                    return output
                }
                condition.wait()
            }
        }

        func fail(_ e: any Error) {
            condition.lock()
            if error == nil { error = e }
            stopped = true
            condition.broadcast()
            condition.unlock()
        }

        func cancel() {
            condition.lock()
            stopped = true
            condition.broadcast()
            condition.unlock()
        }
    }
}
