import Foundation
import MECStore

extension NotificationEngine {
    /// Publishes one notification body to several subscriptions.
    ///
    /// - Returns: how many subscriptions it was accepted for; unknown ids are skipped.
    /// - Throws: ``StoreError`` when the notifications could not be stored; none was accepted then.
    @discardableResult
    public func publish(_ notification: Data, to subscriptionIDs: some Sequence<String>) async throws -> Int {
        try await publish(subscriptionIDs.map { ($0, notification) })
    }

    /// Publishes a body per subscription, such as notifications that carry their own `_links.subscription`.
    ///
    /// Every accepted notification is in the store when this returns (one write for the whole batch), so a
    /// restart loses none. Order per subscription follows the order of calls, and within a call the order of
    /// `deliveries`.
    ///
    /// - Returns: how many notifications were accepted; those for unknown subscriptions are skipped.
    /// - Throws: ``StoreError`` when the notifications could not be stored; none was accepted then.
    @discardableResult
    public func publish(_ deliveries: [(subscriptionID: String, body: Data)]) async throws -> Int {
        try await publishGate.run {
            let now = Date()
            let accepted: [PendingNotification] = state.withLock { state in
                deliveries.compactMap { delivery in
                    guard let target = state.subscriptions[delivery.subscriptionID]?.target else { return nil }
                    return PendingNotification(
                        id: UUID().uuidString.lowercased(),
                        subscriptionID: delivery.subscriptionID,
                        target: target,
                        payload: delivery.body,
                        createdAt: now,
                        outlivesSubscription: false
                    )
                }
            }
            try await persist(accepted)
            return accepted.count
        }
    }

    /// Publishes the expiry notification of a subscription, which is delivered even after the subscription is
    /// removed.
    func publishExpiry(_ subscription: NotificationSubscription) async throws {
        guard let target = subscription.target else { return }
        let body = try api(subscription.apiName).expiryNotification(subscription)
        _ = try await publishGate.run {
            let notification = PendingNotification(
                id: UUID().uuidString.lowercased(),
                subscriptionID: subscription.id,
                target: target,
                payload: body,
                createdAt: Date(),
                outlivesSubscription: true
            )
            try await persist([notification])
            return 1
        }
    }

    /// Writes notifications in one transaction, then queues them on their lanes; runs inside the publish gate.
    private func persist(_ notifications: [PendingNotification]) async throws {
        guard !notifications.isEmpty else { return }
        let operations = try notifications.map { notification in
            StoreOperation.insert(
                try NewDocument(
                    collection: Self.pendingCollection,
                    id: notification.id,
                    value: notification,
                    indexes: [
                        IndexEntry(Self.notificationKey, notification.id),
                        IndexEntry(Self.subscriptionKey, notification.subscriptionID),
                    ]
                )
            )
        }
        try await store.transaction(operations)
        metrics.pending.add(Double(notifications.count))
        let capacity = configuration.queueCapacity
        let activate: [String] = state.withLock { state in
            var activate: [String] = []
            for notification in notifications {
                var lane = state.lanes[notification.subscriptionID] ?? DeliveryLane()
                if !lane.overflow, lane.queue.count < capacity {
                    lane.queue.append(notification)
                } else {
                    lane.overflow = true
                    lane.skipped += 1
                }
                if !lane.active {
                    lane.active = true
                    activate.append(notification.subscriptionID)
                }
                state.lanes[notification.subscriptionID] = lane
            }
            return activate
        }
        for key in activate {
            activationSink.yield(.lane(key))
        }
    }
}
