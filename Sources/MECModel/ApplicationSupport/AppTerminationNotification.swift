/// A notice that an application instance is about to be stopped or terminated (`AppTerminationNotification`,
/// clause 7.1.4.2).
public struct AppTerminationNotification: Codable, Sendable, Equatable {
    /// The value `notificationType` shall have.
    public static let notificationTypeValue = "AppTerminationNotification"

    /// Shall be `AppTerminationNotification`.
    public var notificationType: String
    /// The operation being performed.
    public var operationAction: OperationActionType
    /// The non-zero number of seconds the application has to shut down gracefully.
    public var maxGracefulTimeout: UInt32
    /// The links to the subscription and to the confirmation task.
    public var links: AppTerminationNotificationLinks

    /// Creates a notification.
    public init(
        notificationType: String = Self.notificationTypeValue,
        operationAction: OperationActionType,
        maxGracefulTimeout: UInt32,
        links: AppTerminationNotificationLinks
    ) {
        self.notificationType = notificationType
        self.operationAction = operationAction
        self.maxGracefulTimeout = maxGracefulTimeout
        self.links = links
    }

    private enum CodingKeys: String, CodingKey {
        case notificationType, operationAction, maxGracefulTimeout
        case links = "_links"
    }
}
