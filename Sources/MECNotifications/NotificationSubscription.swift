import Foundation

/// A subscription as the notification engine keeps it: who gets notified, how, until when, and the API's own
/// subscription resource.
///
/// Exactly one of ``callbackReference`` and ``websocketChannel`` is set: when a subscriber asks for both, the
/// engine picks the websocket and the API answers with `websockNotifConfig` only (GS MEC 009, clause 6.12a).
public struct NotificationSubscription: Sendable, Hashable, Codable {
    /// The subscription identifier, unique across every API of the platform.
    public var id: String
    /// The application instance (or other consumer) that owns the subscription.
    public var owner: String
    /// The API the subscription belongs to, such as `mec_service_mgmt`.
    public var apiName: String
    /// The URI of the subscription resource, used as `_links.subscription.href` in notifications.
    public var href: String
    /// The URI notifications are POSTed to, when delivery is by callback.
    public var callbackReference: String?
    /// The channel the websocket at ``websocketURI`` serves, when delivery is by websocket.
    public var websocketChannel: String?
    /// The `websocketUri` to return in `websockNotifConfig`, when delivery is by websocket.
    public var websocketURI: String?
    /// When the subscription ends; an expiry notification goes out before it is removed.
    public var expiryDeadline: Date?
    /// Whether the expiry notification was already published.
    public var expiryNotified: Bool
    /// The API's own subscription resource as JSON, returned unchanged by GET.
    public var resource: Data
    /// When the subscription was registered.
    public var createdAt: Date

    /// Creates a subscription record; the engine does this in
    /// ``NotificationEngine/register(_:resource:)``.
    public init(
        id: String,
        owner: String,
        apiName: String,
        href: String,
        callbackReference: String? = nil,
        websocketChannel: String? = nil,
        websocketURI: String? = nil,
        expiryDeadline: Date? = nil,
        expiryNotified: Bool = false,
        resource: Data = Data(),
        createdAt: Date = Date()
    ) {
        self.id = id
        self.owner = owner
        self.apiName = apiName
        self.href = href
        self.callbackReference = callbackReference
        self.websocketChannel = websocketChannel
        self.websocketURI = websocketURI
        self.expiryDeadline = expiryDeadline
        self.expiryNotified = expiryNotified
        self.resource = resource
        self.createdAt = createdAt
    }

    /// Where notifications for this subscription go.
    var target: DeliveryTarget? {
        if let websocketChannel {
            return .websocket(channel: websocketChannel)
        }
        return callbackReference.map { .callback(url: $0) }
    }
}
