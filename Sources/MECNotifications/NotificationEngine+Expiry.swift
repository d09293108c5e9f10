import Foundation
import MECStore

extension NotificationEngine {
    /// Checks deadlines every ``Configuration/expiryCheckInterval`` until stopped.
    func expiryLoop() async {
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: configuration.expiryCheckInterval)
            } catch {
                return
            }
            await checkExpiry(now: Date())
        }
    }

    /// Publishes the expiry notification of every subscription within ``Configuration/expiryNotice`` of its
    /// deadline, and removes every subscription past its deadline whose expiry notification was published.
    ///
    /// The expiry notification outlives the subscription: it is delivered after the removal if the subscriber
    /// could not be reached before.
    func checkExpiry(now: Date) async {
        let (seconds, attoseconds) = configuration.expiryNotice.components
        let notice = Double(seconds) + Double(attoseconds) / 1e18
        let candidates = state.withLock { state in
            state.subscriptions.values.filter { $0.expiryDeadline != nil }
        }
        for candidate in candidates {
            guard let deadline = candidate.expiryDeadline else { continue }
            var subscription = candidate
            if !subscription.expiryNotified, now >= deadline.addingTimeInterval(-notice) {
                do {
                    try await publishExpiry(subscription)
                    subscription.expiryNotified = true
                    try await markExpiryNotified(subscription)
                } catch {
                    logger.error(
                        "expiry notification could not be published",
                        ["subscription_id": subscription.id, "error": "\(error)"]
                    )
                    continue
                }
            }
            if subscription.expiryNotified, now >= deadline {
                do {
                    _ = try await store.delete(Self.subscriptionsCollection, id: subscription.id)
                    _ = forget(subscription.id, droppingQueue: false)
                    logger.info("subscription expired", ["subscription_id": subscription.id])
                } catch {
                    logger.error("expired subscription could not be removed", ["subscription_id": subscription.id])
                }
            }
        }
    }

    /// Records that the expiry notification went out, unless the deadline changed meanwhile.
    private func markExpiryNotified(_ subscription: NotificationSubscription) async throws {
        guard let current = state.withLock({ $0.subscriptions[subscription.id] }),
            current.expiryDeadline == subscription.expiryDeadline
        else { return }
        var updated = current
        updated.expiryNotified = true
        let stored = try await store.get(Self.subscriptionsCollection, id: subscription.id)
        _ = try await store.update(
            Self.subscriptionsCollection,
            id: subscription.id,
            body: DocumentCoding.encode(updated),
            indexes: stored?.indexes ?? Self.indexes(of: updated),
            ifVersion: stored?.version
        )
        state.withLock { state in
            if state.subscriptions[subscription.id] != nil {
                state.subscriptions[subscription.id]?.expiryNotified = true
            }
        }
    }
}
