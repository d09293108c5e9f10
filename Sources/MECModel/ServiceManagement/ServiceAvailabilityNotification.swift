/// A notification that services became available or unavailable (`ServiceAvailabilityNotification`, 8.1.4.2).
public struct ServiceAvailabilityNotification: Codable, Sendable, Equatable {
    /// The value `notificationType` shall have.
    public static let notificationTypeValue = "SerAvailabilityNotification"

    /// Shall be `SerAvailabilityNotification`.
    public var notificationType: String
    /// The services that changed.
    public var serviceReferences: [ServiceReferences]
    /// The link to the subscription this notification belongs to.
    public var links: ServiceAvailabilityNotificationLinks

    /// Creates a notification.
    public init(
        notificationType: String = Self.notificationTypeValue,
        serviceReferences: [ServiceReferences],
        links: ServiceAvailabilityNotificationLinks
    ) {
        self.notificationType = notificationType
        self.serviceReferences = serviceReferences
        self.links = links
    }

    private enum CodingKeys: String, CodingKey {
        case notificationType, serviceReferences
        case links = "_links"
    }
}
