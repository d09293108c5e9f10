/// The `_links` member of a subscription: a self link, included only in HTTP responses.
///
/// This is the `_links2` schema of service management and the `_links1` schema of application support.
public struct SubscriptionLinks: Codable, Sendable, Equatable {
    /// The link to the subscription itself (JSON `self`).
    public var selfLink: LinkType

    /// Creates the links of a subscription.
    public init(selfLink: LinkType) {
        self.selfLink = selfLink
    }

    private enum CodingKeys: String, CodingKey {
        case selfLink = "self"
    }
}
