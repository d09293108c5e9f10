/// The `_links` member of `ServiceAvailabilityNotification` (the `_links3` schema of service management).
public struct ServiceAvailabilityNotificationLinks: Codable, Sendable, Equatable {
    /// The link to the related subscription.
    public var subscription: LinkType

    /// Creates the links of a notification.
    public init(subscription: LinkType) {
        self.subscription = subscription
    }
}
