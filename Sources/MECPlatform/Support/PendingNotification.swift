import Foundation

/// A notification to deliver to one subscriber; the notification engine takes it from here.
public struct PendingNotification: Sendable, Equatable {
    /// The subscription it answers.
    public var subscriptionId: String
    /// Where to POST it.
    public var callbackReference: String
    /// The JSON body, exactly as the API defines the notification.
    public var body: Data

    /// Creates a notification.
    public init(subscriptionId: String, callbackReference: String, body: Data) {
        self.subscriptionId = subscriptionId
        self.callbackReference = callbackReference
        self.body = body
    }
}

/// Hands notifications to the delivery engine; returns once they are durably queued.
public typealias NotificationHandOff = @Sendable ([PendingNotification]) async throws -> Void
