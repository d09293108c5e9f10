import Foundation
import MECObservability
import MECStore
import Synchronization

/// Writes ``AuditEvent``s to the store without making requests wait.
///
/// ``record(_:)`` only appends to a bounded in-memory queue and returns; ``run()`` writes queued events in batches,
/// one transaction per batch. When the queue is full, or the store fails, events are dropped, never silently: each
/// drop counts in `mec_audit_events_dropped_total` and is logged (at most once a second, with the running total).
public final class AuditTrail: Sendable {
    /// The store collection.
    public static let collection = "audit-events"

    private struct State {
        var queue: [AuditEvent] = []
        var finished = false
        var lastDropLog: ContinuousClock.Instant?
    }

    private let store: any Store
    private let capacity: Int
    private let logger: Logger
    private let state = Mutex(State())
    private let wakeups: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation
    private let recorded: CounterFamily
    private let dropped: CounterFamily

    /// Creates a trail.
    ///
    /// - Parameters:
    ///   - capacity: the most events waiting to be written; more are dropped and counted.
    public init(store: any Store, capacity: Int = 10_000, metrics: MetricsRegistry, logger: Logger) {
        self.store = store
        self.capacity = capacity
        self.logger = logger
        (wakeups, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        recorded = metrics.counter(
            "mec_audit_events_total",
            help: "Security audit events written to the store, by kind.",
            labels: ["kind"]
        )
        dropped = metrics.counter(
            "mec_audit_events_dropped_total",
            help: "Security audit events that could not be written, by reason (queue_full, store_failed, stopped).",
            labels: ["reason"]
        )
    }

    /// Queues an event; never blocks.
    public func record(_ event: AuditEvent) {
        let accepted = state.withLock { state -> Bool in
            guard !state.finished, state.queue.count < capacity else { return false }
            state.queue.append(event)
            return true
        }
        if accepted {
            wake.yield()
        } else {
            drop(1, reason: state.withLock { $0.finished } ? "stopped" : "queue_full")
        }
    }

    /// Writes queued events until ``finish()`` is called and the queue is empty.
    public func run() async {
        for await _ in wakeups {
            await writeQueued()
        }
        await writeQueued()
    }

    /// Stops accepting events; ``run()`` writes what is queued, then returns.
    public func finish() {
        state.withLock { $0.finished = true }
        wake.finish()
    }

    /// Events waiting to be written.
    public var pending: Int { state.withLock { $0.queue.count } }

    private func writeQueued() async {
        while true {
            let batch = state.withLock { state -> [AuditEvent] in
                let batch = Array(state.queue.prefix(256))
                state.queue.removeFirst(batch.count)
                return batch
            }
            guard !batch.isEmpty else { return }
            do {
                let operations = try batch.map { event in
                    StoreOperation.insert(
                        try NewDocument(
                            collection: Self.collection,
                            id: event.id,
                            value: event,
                            indexes: [IndexEntry("kind", event.kind.rawValue)]
                                + (event.clientId.map { [IndexEntry("clientId", $0)] } ?? [])
                        )
                    )
                }
                try await store.transaction(operations)
                for event in batch {
                    recorded.increment([event.kind.rawValue])
                }
            } catch {
                logger.error("audit events not written", ["count": String(batch.count), "error": "\(error)"])
                drop(batch.count, reason: "store_failed")
            }
        }
    }

    private func drop(_ count: Int, reason: String) {
        dropped.increment([reason], by: Double(count))
        let now = ContinuousClock.now
        let shouldLog = state.withLock { state -> Bool in
            if let last = state.lastDropLog, now - last < .seconds(1) { return false }
            state.lastDropLog = now
            return true
        }
        if shouldLog {
            logger.warning(
                "audit events dropped",
                ["reason": reason, "dropped_total": String(Int(dropped.value([reason])))]
            )
        }
    }
}
