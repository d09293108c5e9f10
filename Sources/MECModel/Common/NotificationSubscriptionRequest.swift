/// What every subscription type carries for delivery (GS MEC 009): where notifications go and how.
public protocol NotificationSubscriptionRequest: Codable, Sendable {
    /// The URI notifications are POSTed to.
    var callbackReference: String { get }
    /// The link to the subscription; set by the platform in responses.
    var links: SubscriptionLinks? { get set }
    /// Websocket delivery; the platform fills in `websocketUri`.
    var websockNotifConfig: WebsockNotifConfig? { get set }
    /// Whether a test notification comes first.
    var requestTestNotification: Bool? { get }
    /// When the subscription ends.
    var expiryDeadline: TimeStamp? { get }
}

extension AppTerminationNotificationSubscription: NotificationSubscriptionRequest {}
extension SerAvailabilityNotificationSubscription: NotificationSubscriptionRequest {}
