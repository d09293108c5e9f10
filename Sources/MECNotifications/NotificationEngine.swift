import Foundation
import MECHTTP
import MECObservability
import MECStore
import Synchronization

/// The subscription and notification engine every MEC API of the platform shares (GS MEC 009 patterns).
///
/// An API registers its subscriptions here and publishes notifications as JSON bodies; the engine stores each
/// notification before `publish` returns, delivers it by HTTP POST to the `callbackReference` or over the
/// subscriber's websocket, retries with capped exponential backoff and full jitter, and removes it from the store
/// only after a 2xx answer (or a completed websocket write).
///
/// ```swift
/// let engine = NotificationEngine(store: store, client: client, baseURL: { server.baseURL }, metrics: m, logger: l)
/// engine.register(routesIn: &router)      // the websocket route, behind the usual middleware
/// try await engine.start()
/// let subscription = try await engine.register(registration) { subscription in try encode(resource, subscription) }
/// try await engine.publish(notification, to: [subscription.id])
/// await engine.stop()
/// ```
///
/// ## Delivery semantics
///
/// - At least once: a notification is removed from the store after it was delivered, in batches; a crash or stop
///   in between delivers it again after the next start. Receivers deduplicate if they must.
/// - In order per subscriber: one notification at a time per subscriber, oldest first, retried until it succeeds
///   or is given up; other subscribers never wait for it.
/// - Given up (dropped and counted) only when older than ``Configuration/maxNotificationAge``, or when the
///   subscription is removed with ``unregister(_:)`` (an expiry notification outlives its subscription).
/// - Websocket subscribers get notifications while their socket is connected; while it is not, notifications wait
///   in the store and flow once it (re)connects.
///
/// An engine runs once: after ``stop()``, create a new one on the same store to run again.
public final class NotificationEngine: Sendable {
    /// Work for the dispatcher: a lane to drive or a socket to watch.
    enum Activation: Sendable {
        case lane(String)
        case socket(channel: String, UpgradedConnection)
    }

    enum Phase: Sendable {
        case idle
        case running(Task<Void, Never>)
        case stopped
    }

    struct State: Sendable {
        var phase = Phase.idle
        var subscriptions: [String: NotificationSubscription] = [:]
        var channels: [String: String] = [:]
        var lanes: [String: DeliveryLane] = [:]
        var apis: [String: NotificationAPI] = [:]
        /// Delivered notifications whose removal from the store is not yet written.
        var acknowledged: Set<String> = []
        var acknowledgementBatch: [String] = []
    }

    /// The collection of subscription records.
    public static let subscriptionsCollection = "notificationSubscriptions"
    /// The collection of pending notifications.
    public static let pendingCollection = "notificationsPending"

    /// The settings the engine runs with.
    public let configuration: Configuration
    let store: any Store
    let client: HTTPClient
    let baseURL: @Sendable () -> String
    let logger: Logger
    let metrics: NotificationMetrics
    let state = Mutex(State())
    let publishGate = SerialGate()
    let activations: AsyncStream<Activation>
    let activationSink: AsyncStream<Activation>.Continuation
    let acknowledgementSignals: AsyncStream<Void>
    let acknowledgementSink: AsyncStream<Void>.Continuation

    /// Creates an engine; nothing runs until ``start()``.
    ///
    /// - Parameters:
    ///   - store: where subscriptions and pending notifications live.
    ///   - client: the HTTP client for callbacks; its concurrency limit bounds deliveries in flight.
    ///   - baseURL: the platform's public `https://host:port`, read when a websocket URI is made.
    ///   - configuration: queue sizes, retry timing and give-up rules.
    ///   - metrics: where the engine's metrics are registered.
    ///   - logger: receives state changes of subscribers (failing, recovered) and dropped notifications.
    public init(
        store: any Store,
        client: HTTPClient,
        baseURL: @escaping @Sendable () -> String,
        configuration: Configuration = Configuration(),
        metrics: MetricsRegistry,
        logger: Logger
    ) {
        self.store = store
        self.client = client
        self.baseURL = baseURL
        self.configuration = configuration
        self.logger = logger
        self.metrics = NotificationMetrics(registry: metrics)
        (activations, activationSink) = AsyncStream.makeStream(of: Activation.self)
        (acknowledgementSignals, acknowledgementSink) = AsyncStream.makeStream(
            of: Void.self,
            bufferingPolicy: .bufferingNewest(1)
        )
    }

    /// Gives the engine an API's test and expiry notification builders; call before ``start()``.
    public func register(api: NotificationAPI) {
        state.withLock { $0.apis[api.name] = api }
    }

    /// Loads subscriptions and pending notifications from the store and starts delivering.
    ///
    /// - Throws: ``StoreError`` when the store cannot be read; nothing runs then.
    public func start() async throws {
        let subscriptions = try await store.list(Self.subscriptionsCollection).map {
            try $0.decode(NotificationSubscription.self)
        }
        let pending = try await store.list(Self.pendingCollection).map { try $0.decode(PendingNotification.self) }
        let (orphans, lanes) = load(subscriptions: subscriptions, pending: pending)
        if !orphans.isEmpty {
            _ = try await store.deleteAll(Self.pendingCollection, matching: .key(Self.notificationKey, in: orphans))
            metrics.deliveries.increment(["discarded", "callback"], by: Double(orphans.count))
            logger.warning("pending notifications of removed subscriptions dropped", ["count": "\(orphans.count)"])
        }
        let task = Task { await self.run() }
        let started = state.withLock { state -> Bool in
            guard case .idle = state.phase else { return false }
            state.phase = .running(task)
            return true
        }
        guard started else {
            task.cancel()
            return
        }
        for lane in lanes {
            activationSink.yield(.lane(lane))
        }
        logger.debug("notification engine started", ["pending": "\(pending.count - orphans.count)"])
    }

    /// Stops every loop and closes every websocket; pending notifications stay in the store for the next start.
    public func stop() async {
        let running = state.withLock { state -> Task<Void, Never>? in
            defer { state.phase = .stopped }
            if case .running(let task) = state.phase {
                return task
            }
            return nil
        }
        activationSink.finish()
        let sockets = state.withLock { state in
            state.lanes.values.compactMap(\.socket)
        }
        await withDiscardingTaskGroup { group in
            for socket in sockets {
                group.addTask { await socket.close(code: .goingAway) }
            }
        }
        await running?.value
        logger.debug("notification engine stopped")
    }

    /// Runs the dispatcher, the acknowledgement writer and the expiry check until ``stop()``.
    func run() async {
        await withDiscardingTaskGroup { group in
            group.addTask { await self.acknowledgementLoop() }
            group.addTask { await self.expiryLoop() }
            for await activation in activations {
                switch activation {
                case .lane(let key):
                    group.addTask { await self.runLane(key) }
                case .socket(let channel, let upgraded):
                    group.addTask { await self.watch(upgraded, channel: channel) }
                }
            }
            group.cancelAll()
        }
        await flushAcknowledgements()
        let failing = state.withLock { state in
            state.lanes.values.filter(\.failing).count
        }
        metrics.failingSubscribers.add(-Double(failing))
    }

    /// Fills the caches at start; returns ids of pending notifications whose subscription is gone and the lanes
    /// to start.
    private func load(
        subscriptions: [NotificationSubscription],
        pending: [PendingNotification]
    ) -> (orphans: [String], lanes: [String]) {
        state.withLock { state in
            var orphans: [String] = []
            var lanes: [String] = []
            for subscription in subscriptions {
                state.subscriptions[subscription.id] = subscription
                if let channel = subscription.websocketChannel {
                    state.channels[channel] = subscription.id
                }
            }
            for notification in pending {
                guard state.subscriptions[notification.subscriptionID] != nil || notification.outlivesSubscription
                else {
                    orphans.append(notification.id)
                    continue
                }
                var lane = state.lanes[notification.subscriptionID] ?? DeliveryLane()
                if lane.queue.count < configuration.queueCapacity {
                    lane.queue.append(notification)
                } else {
                    lane.overflow = true
                }
                if !lane.active {
                    lane.active = true
                    lanes.append(notification.subscriptionID)
                }
                state.lanes[notification.subscriptionID] = lane
            }
            metrics.pending.set(Double(pending.count - orphans.count))
            return (orphans, lanes)
        }
    }

    /// The index key holding a pending notification's id, so that batches can be removed by id.
    static let notificationKey = "notify.id"
    /// The index key holding the subscription id of a pending notification or subscription record.
    static let subscriptionKey = "notify.subscription"
    /// The index keys of subscription records.
    static let ownerKey = "notify.owner"
    static let apiKey = "notify.api"
}
