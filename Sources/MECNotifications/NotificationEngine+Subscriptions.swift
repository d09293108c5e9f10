import Foundation
import MECHTTP
import MECStore

extension NotificationEngine {
    /// Registers a subscription and, when asked, queues its test notification.
    ///
    /// The engine chooses the delivery: a websocket when `requestWebsocketURI` is true (with a fresh channel and
    /// its `websocketUri`), otherwise the `callbackReference`. `resource` receives the chosen delivery and returns
    /// the API's subscription JSON to store, which should then hold `websockNotifConfig.websocketUri` or
    /// `callbackReference`, not both.
    ///
    /// The test notification (GS MEC 009, clause 6.12a) is the first notification of the subscription: POSTed to
    /// the callback right away, or sent over the websocket as soon as the subscriber connects.
    ///
    /// - Throws: ``NotificationError`` with code `invalidSubscription` when neither delivery is possible, and
    ///   ``StoreError`` (`conflict` for an id in use).
    @discardableResult
    public func register(
        _ registration: SubscriptionRegistration,
        resource: (NotificationSubscription) throws -> Data
    ) async throws -> NotificationSubscription {
        var subscription = NotificationSubscription(
            id: registration.id,
            owner: registration.owner,
            apiName: registration.apiName,
            href: registration.href,
            expiryDeadline: registration.expiryDeadline
        )
        if registration.requestWebsocketURI {
            let channel = Self.makeChannelID()
            subscription.websocketChannel = channel
            subscription.websocketURI = websocketURI(channel: channel)
        } else if let callback = registration.callbackReference, Self.isCallbackURI(callback) {
            subscription.callbackReference = callback
        } else {
            throw NotificationError(.invalidSubscription, "callbackReference is not an absolute http or https URI")
        }
        subscription.resource = try resource(subscription)
        let document = try NewDocument(
            collection: Self.subscriptionsCollection,
            id: subscription.id,
            value: subscription,
            indexes: Self.indexes(of: subscription) + registration.indexes
        )
        _ = try await store.insert(document)
        state.withLock { state in
            state.subscriptions[subscription.id] = subscription
            if let channel = subscription.websocketChannel {
                state.channels[channel] = subscription.id
            }
        }
        if registration.requestTestNotification {
            let body = try api(subscription.apiName).testNotification(subscription)
            try await publish([(subscription.id, body)])
        }
        return subscription
    }

    /// Replaces the API's subscription JSON and, when given, the expiry deadline (a PUT on the subscription).
    ///
    /// - Parameter ifVersion: the store version the client saw (If-Match), or nil.
    /// - Throws: ``StoreError`` with code `notFound` or `versionMismatch`.
    @discardableResult
    public func update(
        _ id: String,
        resource: Data,
        expiryDeadline: Date?,
        indexes: [IndexEntry] = [],
        ifVersion: Int64? = nil
    ) async throws -> NotificationSubscription {
        guard var subscription = state.withLock({ $0.subscriptions[id] }) else {
            throw StoreError(.notFound, "subscription does not exist")
        }
        subscription.resource = resource
        if subscription.expiryDeadline != expiryDeadline {
            subscription.expiryDeadline = expiryDeadline
            subscription.expiryNotified = false
        }
        _ = try await store.update(
            collection: Self.subscriptionsCollection,
            id: id,
            value: subscription,
            indexes: Self.indexes(of: subscription) + indexes,
            ifVersion: ifVersion
        )
        state.withLock { $0.subscriptions[id] = subscription }
        return subscription
    }

    /// Removes a subscription (a DELETE by its subscriber); its undelivered notifications are dropped and counted
    /// with outcome `discarded`, and its websocket, if any, is closed.
    ///
    /// - Returns: whether the subscription existed.
    @discardableResult
    public func unregister(_ id: String) async throws -> Bool {
        let existed = try await store.delete(Self.subscriptionsCollection, id: id)
        let dropped = try await store.deleteAll(
            Self.pendingCollection, matching: .key(Self.subscriptionKey, equals: id))
        let socket = forget(id, droppingQueue: true)
        if dropped > 0 {
            metrics.deliveries.increment(["discarded", "callback"], by: Double(dropped))
            metrics.pending.add(-Double(dropped))
        }
        await socket?.close(code: .goingAway)
        return existed
    }

    /// The subscription with this id, or nil.
    public func subscription(_ id: String) -> NotificationSubscription? {
        state.withLock { $0.subscriptions[id] }
    }

    /// The subscriptions of an API, oldest first, optionally of one owner and matching the API's own index
    /// entries.
    public func subscriptions(
        apiName: String,
        owner: String? = nil,
        matching filter: DocumentFilter = .all
    ) async throws -> [NotificationSubscription] {
        var selection = filter.and(Self.apiKey, equals: apiName)
        if let owner {
            selection = selection.and(Self.ownerKey, equals: owner)
        }
        return try await store.list(Self.subscriptionsCollection, matching: selection).map {
            try $0.decode(NotificationSubscription.self)
        }
    }

    /// The subscriptions of an API that this engine delivers to, oldest first (by registration time, then id): those
    /// loaded at start and those registered since.
    ///
    /// ``publish(_:)`` accepts notifications for exactly these, so an API that works out its notifications from
    /// this list reads nothing from the store; ``subscriptions(apiName:owner:matching:)`` reads the store instead.
    public func deliverableSubscriptions(apiName: String) -> [NotificationSubscription] {
        let subscriptions = state.withLock { state in state.subscriptions.values.filter { $0.apiName == apiName } }
        return subscriptions.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    /// Drops a subscription from the caches; returns its websocket for the caller to close.
    func forget(_ id: String, droppingQueue: Bool) -> WebSocketConnection? {
        state.withLock { state in
            guard let subscription = state.subscriptions.removeValue(forKey: id) else { return nil }
            if let channel = subscription.websocketChannel {
                state.channels[channel] = nil
            }
            guard droppingQueue, var lane = state.lanes[id] else { return nil }
            lane.queue.removeAll()
            lane.overflow = false
            let socket = lane.socket
            lane.socket = nil
            state.lanes[id] = lane
            return socket
        }
    }

    func api(_ name: String) -> NotificationAPI {
        state.withLock { $0.apis[name] } ?? NotificationAPI(name: name)
    }

    func websocketURI(channel: String) -> String {
        var base = baseURL()
        if base.hasPrefix("https://") {
            base = "wss://" + base.dropFirst("https://".count)
        } else if base.hasPrefix("http://") {
            base = "ws://" + base.dropFirst("http://".count)
        }
        return base + configuration.websocketPath + "/" + channel
    }

    static func indexes(of subscription: NotificationSubscription) -> [IndexEntry] {
        [
            IndexEntry(ownerKey, subscription.owner),
            IndexEntry(apiKey, subscription.apiName),
        ]
    }

    static func isCallbackURI(_ value: String) -> Bool {
        guard let url = URL(string: value), let scheme = url.scheme?.lowercased() else { return false }
        return (scheme == "https" || scheme == "http") && url.host?.isEmpty == false
    }

    /// A channel id that cannot be guessed: 128 random bits, hex.
    static func makeChannelID() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
