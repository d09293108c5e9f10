import Foundation
import MECModel
import MECNotifications
import Synchronization

/// The decoded `SerAvailabilityNotificationSubscription` of each availability subscription, so that a service change
/// does not decode the stored JSON of every subscription again.
///
/// An entry is used only while the subscription's stored JSON is byte for byte the one it was decoded from. Each
/// call keeps only the subscriptions it was given, so removed ones leave with the next change.
final class AvailabilityCriteriaCache: Sendable {
    private struct Entry: Sendable {
        var resource: Data
        var subscription: SerAvailabilityNotificationSubscription
    }

    private let entries = Mutex<[String: Entry]>([:])

    /// The decoded resources of `subscriptions`, in their order.
    ///
    /// - Throws: A decoding error when a stored resource is not a `SerAvailabilityNotificationSubscription`.
    func decoded(_ subscriptions: [NotificationSubscription]) throws -> [SerAvailabilityNotificationSubscription] {
        let previous = entries.withLock { $0 }
        var next: [String: Entry] = [:]
        next.reserveCapacity(subscriptions.count)
        let decoded = try subscriptions.map { stored in
            if let entry = previous[stored.id], entry.resource == stored.resource {
                next[stored.id] = entry
                return entry.subscription
            }
            let subscription = try MECModelCoding.decode(
                SerAvailabilityNotificationSubscription.self,
                from: stored.resource
            )
            next[stored.id] = Entry(resource: stored.resource, subscription: subscription)
            return subscription
        }
        entries.withLock { $0 = next }
        return decoded
    }
}
