import Foundation
import MECModel
import Testing

@testable import MECPlatform

@Suite("Service availability notification bodies encoded once per change")
struct NotificationBodyTemplateTests {
    static let references = [
        ServiceReferences(
            link: LinkType(href: "https://localhost:8443/mec_service_mgmt/v1/services/s-1"),
            serName: "rnis \"quoted\" \\ é",
            serInstanceId: "s-1",
            state: .active,
            changeType: .added
        )
    ]

    @Test(
        "the body for a subscription is byte for byte the full encoding of its notification",
        arguments: [
            "https://localhost:8443/mec_service_mgmt/v1/applications/app-a/subscriptions/1",
            "https://h/sub?x=\"quote\"&y=back\\slash",
            "https://h/sub/é/\u{1}",
            "",
        ]
    )
    func sameBytes(href: String) throws {
        let template = try NotificationBodyTemplate(references: Self.references)
        let notification = ServiceAvailabilityNotification(
            serviceReferences: Self.references,
            links: ServiceAvailabilityNotificationLinks(subscription: LinkType(href: href))
        )
        #expect(try template.body(subscriptionHref: href) == MECModelCoding.encode(notification))
        #expect(template.notification(subscriptionHref: href) == notification)
    }
}
