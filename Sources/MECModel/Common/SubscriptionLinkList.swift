/// The subscriptions of one application instance (`SubscriptionLinkList`, clause 6.2.2).
public struct SubscriptionLinkList: Codable, Sendable, Equatable {
    /// The links to the list itself and to each subscription.
    public var links: SubscriptionLinkListLinks

    /// Creates a subscription list.
    public init(links: SubscriptionLinkListLinks) {
        self.links = links
    }

    private enum CodingKeys: String, CodingKey {
        case links = "_links"
    }
}
