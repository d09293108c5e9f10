import Foundation
import MECModel

/// The JSON of a `ServiceAvailabilityNotification` encoded once for one change, into which each subscriber's
/// `_links.subscription.href` is put: one change can go to thousands of subscribers, whose notifications differ only
/// in that link.
///
/// `body(subscriptionHref:)` returns exactly the bytes `MECModelCoding.encode` makes of the notification with that
/// link.
struct NotificationBodyTemplate: Sendable {
    private let prefix: Data
    private let suffix: Data
    private let references: [ServiceReferences]

    /// Encodes the notification of `references` once, with a marker where the subscription link goes.
    init(references: [ServiceReferences]) throws {
        self.references = references
        let marker = "subscription-href-" + UUID().uuidString
        let notification = ServiceAvailabilityNotification(
            serviceReferences: references,
            links: ServiceAvailabilityNotificationLinks(subscription: LinkType(href: marker))
        )
        let encoded = try MECModelCoding.encode(notification)
        let markerBytes = Data(marker.utf8)
        if let range = encoded.firstRange(of: markerBytes),
            encoded[range.upperBound...].firstRange(of: markerBytes) == nil
        {
            prefix = encoded[..<range.lowerBound]
            suffix = encoded[range.upperBound...]
        } else {
            // The marker did not come out verbatim and once; every body is then encoded in full.
            prefix = Data()
            suffix = Data()
        }
    }

    /// The notification for the subscription at `subscriptionHref`.
    func notification(subscriptionHref: String) -> ServiceAvailabilityNotification {
        ServiceAvailabilityNotification(
            serviceReferences: references,
            links: ServiceAvailabilityNotificationLinks(subscription: LinkType(href: subscriptionHref))
        )
    }

    /// The encoded notification for the subscription at `subscriptionHref`.
    func body(subscriptionHref: String) throws -> Data {
        guard !prefix.isEmpty, Self.needsNoEscaping(subscriptionHref) else {
            return try MECModelCoding.encode(notification(subscriptionHref: subscriptionHref))
        }
        var body = Data(capacity: prefix.count + subscriptionHref.utf8.count + suffix.count)
        body.append(prefix)
        body.append(contentsOf: subscriptionHref.utf8)
        body.append(suffix)
        return body
    }

    /// Whether the encoder writes `text` as it is: printable ASCII other than the quote and the backslash.
    private static func needsNoEscaping(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
    }
}
