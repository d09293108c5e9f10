/// The `_links` member of `SubscriptionLinkList` (the `_links` schema).
public struct SubscriptionLinkListLinks: Codable, Sendable, Equatable {
    /// The link to the list itself (JSON `self`).
    public var selfLink: LinkType
    /// One entry per subscription.
    public var subscriptions: [SubscriptionLinkListSubscription]?

    /// Creates the links of a subscription list.
    public init(selfLink: LinkType, subscriptions: [SubscriptionLinkListSubscription]? = nil) {
        self.selfLink = selfLink
        self.subscriptions = subscriptions
    }

    private enum CodingKeys: String, CodingKey {
        case selfLink = "self"
        case subscriptions
    }
}
