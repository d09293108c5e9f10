/// One subscription in a `SubscriptionLinkList` (the `Subscriptions` schema).
public struct SubscriptionLinkListSubscription: Codable, Sendable, Equatable {
    /// The URI of the subscription.
    public var href: String
    /// The `subscriptionType` of the subscription, such as `SerAvailabilityNotificationSubscription`.
    public var subscriptionType: String

    /// Creates an entry.
    public init(href: String, subscriptionType: String) {
        self.href = href
        self.subscriptionType = subscriptionType
    }
}
