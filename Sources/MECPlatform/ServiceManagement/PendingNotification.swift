import Foundation
import MECModel

/// One `ServiceAvailabilityNotification` to deliver to one subscriber, computed by the service management API and
/// handed to the notification engine.
public struct PendingNotification: Sendable, Equatable {
    /// The identifier of the subscription the notification belongs to.
    public var subscriptionId: String
    /// The application instance that owns the subscription.
    public var appInstanceId: String
    /// Where to POST the notification (the subscription's `callbackReference`).
    public var callbackReference: String
    /// The notification.
    public var notification: ServiceAvailabilityNotification
    /// The JSON request body to send: `notification` encoded with `MECModelCoding`.
    public var body: Data

    /// Creates a pending notification, encoding `notification` as its body.
    public init(
        subscriptionId: String,
        appInstanceId: String,
        callbackReference: String,
        notification: ServiceAvailabilityNotification
    ) throws {
        self.subscriptionId = subscriptionId
        self.appInstanceId = appInstanceId
        self.callbackReference = callbackReference
        self.notification = notification
        self.body = try MECModelCoding.encode(notification)
    }

    /// Creates a pending notification whose body the caller encoded from `notification`.
    init(
        subscriptionId: String,
        appInstanceId: String,
        callbackReference: String,
        notification: ServiceAvailabilityNotification,
        body: Data
    ) {
        self.subscriptionId = subscriptionId
        self.appInstanceId = appInstanceId
        self.callbackReference = callbackReference
        self.notification = notification
        self.body = body
    }
}
