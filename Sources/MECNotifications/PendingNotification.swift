import Foundation

/// A notification accepted by the engine and not yet delivered, as it is stored.
struct PendingNotification: Sendable, Hashable, Codable {
    /// The notification identifier, also the document id.
    var id: String
    /// The subscription it is for; its delivery lane.
    var subscriptionID: String
    /// Where it goes when the subscription no longer exists (an expiry notification outlives its subscription).
    var target: DeliveryTarget
    /// The JSON body.
    var payload: Data
    /// When `publish` accepted it.
    var createdAt: Date
    /// Whether it is still delivered after its subscription was removed (only expiry notifications are).
    var outlivesSubscription: Bool
}
