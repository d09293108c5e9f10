import Foundation
import MECStore

/// What an API hands to ``NotificationEngine/register(_:resource:)`` when a subscriber creates a subscription.
///
/// ```swift
/// let registration = SubscriptionRegistration(
///     id: UUID().uuidString,
///     owner: appInstanceId,
///     apiName: "mec_service_mgmt",
///     href: "\(apiRoot)/mec_service_mgmt/v1/applications/\(appInstanceId)/subscriptions/\(id)",
///     callbackReference: body.callbackReference,
///     requestWebsocketURI: body.websockNotifConfig?.requestWebsocketUri == true,
///     requestTestNotification: body.requestTestNotification == true
/// )
/// ```
public struct SubscriptionRegistration: Sendable {
    /// The subscription identifier; the API makes it so that it can build ``href``.
    public var id: String
    /// The application instance (or other consumer) that owns the subscription.
    public var owner: String
    /// The API the subscription belongs to; selects the ``NotificationAPI`` hooks.
    public var apiName: String
    /// The URI of the subscription resource.
    public var href: String
    /// The subscriber's `callbackReference`, if given.
    public var callbackReference: String?
    /// Whether `websockNotifConfig.requestWebsocketUri` was true.
    public var requestWebsocketURI: Bool
    /// Whether `requestTestNotification` was true.
    public var requestTestNotification: Bool
    /// The subscriber's `expiryDeadline`, if given.
    public var expiryDeadline: Date?
    /// Index entries the API wants to find the subscription by, such as `serName`; keys starting with `notify.` are
    /// the engine's own.
    public var indexes: [IndexEntry]

    /// Creates a registration.
    public init(
        id: String,
        owner: String,
        apiName: String,
        href: String,
        callbackReference: String? = nil,
        requestWebsocketURI: Bool = false,
        requestTestNotification: Bool = false,
        expiryDeadline: Date? = nil,
        indexes: [IndexEntry] = []
    ) {
        self.id = id
        self.owner = owner
        self.apiName = apiName
        self.href = href
        self.callbackReference = callbackReference
        self.requestWebsocketURI = requestWebsocketURI
        self.requestTestNotification = requestTestNotification
        self.expiryDeadline = expiryDeadline
        self.indexes = indexes
    }
}
