/// The `_links` member of `AppTerminationNotification` (the `_links2` schema of application support).
public struct AppTerminationNotificationLinks: Codable, Sendable, Equatable {
    /// The link to the related subscription.
    public var subscription: LinkType
    /// The task resource to confirm termination at before the timeout expires.
    public var confirmTermination: LinkType?

    /// Creates the links of a notification.
    public init(subscription: LinkType, confirmTermination: LinkType? = nil) {
        self.subscription = subscription
        self.confirmTermination = confirmTermination
    }
}
