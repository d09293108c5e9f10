/// A subscription to changes in service availability (`SerAvailabilityNotificationSubscription`, clause 8.1.3.2).
public struct SerAvailabilityNotificationSubscription: Codable, Sendable, Equatable {
    /// The value `subscriptionType` shall have.
    public static let subscriptionTypeValue = "SerAvailabilityNotificationSubscription"

    /// Shall be `SerAvailabilityNotificationSubscription`.
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
    /// Which services to report on; every service when absent.
    public var filteringCriteria: FilteringCriteria?

    /// Creates a subscription.
    public init(
        subscriptionType: String = Self.subscriptionTypeValue,
        callbackReference: String,
        links: SubscriptionLinks? = nil,
        filteringCriteria: FilteringCriteria? = nil
    ) {
        self.subscriptionType = subscriptionType
        self.callbackReference = callbackReference
        self.links = links
        self.filteringCriteria = filteringCriteria
    }

    private enum CodingKeys: String, CodingKey {
        case subscriptionType, callbackReference, filteringCriteria
        case websockNotifConfig, requestTestNotification, expiryDeadline
        case links = "_links"
    }
}
