import Foundation

/// The hooks one MEC API gives the engine: how its test and expiry notifications look.
///
/// The defaults build the shapes most MEC APIs share (`TestNotification` and `ExpiryNotification` with
/// `_links.subscription`; see ``StandardNotifications``). An API whose schemas differ registers its own builders
/// with ``NotificationEngine/register(api:)``.
public struct NotificationAPI: Sendable {
    /// The API name, as in ``SubscriptionRegistration/apiName``.
    public var name: String
    /// Builds the body of the test notification sent when `requestTestNotification` is true.
    public var testNotification: @Sendable (NotificationSubscription) throws -> Data
    /// Builds the body of the notification sent before a subscription reaches its `expiryDeadline`.
    public var expiryNotification: @Sendable (NotificationSubscription) throws -> Data

    /// Creates the hooks of an API; omitted builders use ``StandardNotifications``.
    public init(
        name: String,
        testNotification: @escaping @Sendable (NotificationSubscription) throws -> Data = {
            try StandardNotifications.test(subscriptionHref: $0.href)
        },
        expiryNotification: @escaping @Sendable (NotificationSubscription) throws -> Data = {
            try StandardNotifications.expiry(subscriptionHref: $0.href, deadline: $0.expiryDeadline ?? Date())
        }
    ) {
        self.name = name
        self.testNotification = testNotification
        self.expiryNotification = expiryNotification
    }
}
