import Foundation

/// The `TestNotification` and `ExpiryNotification` bodies shared by the MEC APIs (GS MEC 009 patterns, as in
/// GS MEC 013 and GS MEC 028).
///
/// ```json
/// {"_links":{"subscription":{"href":"https://…/subscriptions/1"}},"notificationType":"TestNotification"}
/// {"_links":{"subscription":{"href":"…"}},"expiryDeadline":{"nanoSeconds":0,"seconds":1714564800},
///  "notificationType":"ExpiryNotification"}
/// ```
public enum StandardNotifications {
    private struct Link: Encodable {
        var href: String
    }

    private struct Links: Encodable {
        var subscription: Link
    }

    private struct TimeStamp: Encodable {
        var seconds: Int64
        var nanoSeconds: Int64
    }

    private struct Test: Encodable {
        var notificationType = "TestNotification"
        var _links: Links
    }

    private struct Expiry: Encodable {
        var notificationType = "ExpiryNotification"
        var _links: Links
        var expiryDeadline: TimeStamp
        var timeStamp: TimeStamp
    }

    /// A `TestNotification` linking to the subscription.
    public static func test(subscriptionHref: String) throws -> Data {
        try encoder.encode(Test(_links: Links(subscription: Link(href: subscriptionHref))))
    }

    /// An `ExpiryNotification` linking to the subscription, with its deadline and the time it was made.
    public static func expiry(subscriptionHref: String, deadline: Date, now: Date = Date()) throws -> Data {
        try encoder.encode(
            Expiry(
                _links: Links(subscription: Link(href: subscriptionHref)),
                expiryDeadline: timeStamp(deadline),
                timeStamp: timeStamp(now)
            )
        )
    }

    private static func timeStamp(_ date: Date) -> TimeStamp {
        let interval = date.timeIntervalSince1970
        let seconds = interval.rounded(.down)
        return TimeStamp(seconds: Int64(seconds), nanoSeconds: Int64(((interval - seconds) * 1e9).rounded(.down)))
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
