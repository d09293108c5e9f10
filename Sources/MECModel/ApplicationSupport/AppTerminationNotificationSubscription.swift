/// A subscription to termination notices for an application instance (`AppTerminationNotificationSubscription`,
/// clause 7.1.3.2).
public struct AppTerminationNotificationSubscription: Codable, Sendable, Equatable {
    /// The value `subscriptionType` shall have.
    public static let subscriptionTypeValue = "AppTerminationNotificationSubscription"

    /// Shall be `AppTerminationNotificationSubscription`.
    public var subscriptionType: String
    /// The URI notifications are sent to.
    public var callbackReference: String
    /// The link to the subscription; only in responses.
    public var links: SubscriptionLinks?
    /// Asks for notifications over a websocket instead of the callback (GS MEC 009); the answer carries the
    /// `websocketUri` to connect to.
    public var websockNotifConfig: WebsockNotifConfig?
    /// Asks for a test notification as the subscription's first notification (GS MEC 009).
    public var requestTestNotification: Bool?
    /// When the subscription ends; an expiry notification comes shortly before (GS MEC 009).
    public var expiryDeadline: TimeStamp?
    /// The application instance whose termination is reported.
    public var appInstanceId: String

    /// Creates a subscription.
    public init(
        subscriptionType: String = Self.subscriptionTypeValue,
        callbackReference: String,
        links: SubscriptionLinks? = nil,
        appInstanceId: String
    ) {
        self.subscriptionType = subscriptionType
        self.callbackReference = callbackReference
        self.links = links
        self.appInstanceId = appInstanceId
    }

    private enum CodingKeys: String, CodingKey {
        case subscriptionType, callbackReference, appInstanceId
        case websockNotifConfig, requestTestNotification, expiryDeadline
        case links = "_links"
    }
}
