import Foundation
import Synchronization

/// Answers of `GET /services` per query, valid until the next write to the services, so that a repeated query is
/// answered on the network thread without a store read.
///
/// Every write to the service collection goes through ``ServiceManagementAPI/writingServices(_:)``, which calls
/// ``invalidate()`` once the write has ended. An answer is kept under the generation read before its store read
/// began, so one that raced with a write is never used.
final class DiscoveryAnswerCache: Sendable {
    private struct State {
        var generation: UInt64 = 0
        var answers: [String: Data] = [:]
    }

    private let state = Mutex(State())
    private let capacity: Int

    /// Creates an empty cache that holds at most `capacity` answers.
    init(capacity: Int = 1024) {
        self.capacity = capacity
    }

    /// The current generation; read it before the store read whose answer is to be kept.
    var generation: UInt64 {
        state.withLock { $0.generation }
    }

    /// The answer kept for `key`, if no write happened since it was read.
    func answer(_ key: String) -> Data? {
        state.withLock { $0.answers[key] }
    }

    /// Keeps `answer` for `key` if no write happened since `generation` was read.
    func keep(_ answer: Data, for key: String, generation: UInt64) {
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.answers.count >= capacity {
                state.answers.removeAll(keepingCapacity: true)
            }
            state.answers[key] = answer
        }
    }

    /// Forgets every answer; called after each write to the services.
    func invalidate() {
        state.withLock { state in
            state.generation &+= 1
            state.answers.removeAll(keepingCapacity: true)
        }
    }
}
