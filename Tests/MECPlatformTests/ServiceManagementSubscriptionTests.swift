import Foundation
import MECHTTP
import MECModel
import MECNotifications
import Testing

@testable import MECPlatform

@Suite("MEC 011 service availability subscriptions and notifications")
struct ServiceManagementSubscriptionTests {
    typealias Harness = ServiceManagementHarness

    private static let callback = #""callbackReference":"https://a.example/n""#

    /// A subscription body with the right `subscriptionType` and the given other members.
    private static func subscription(_ members: String) -> String {
        #"{"subscriptionType":"SerAvailabilityNotificationSubscription",\#(members)}"#
    }

    @Test("a subscription is created with 201, Location and a self link, then read back and listed")
    func lifecycle() async throws {
        try await Harness.with { harness in
            let body = Self.subscription(
                #""callbackReference":"https://a.example/n","filteringCriteria":{"serNames":["rnis"]}"#)
            let created = await harness.send(.post, "/applications/app-a/subscriptions", body: body)
            #expect(created.status == 201)
            let location = try #require(created.headers["Location"])
            let id = String(location.split(separator: "/").last ?? "")
            #expect(UUID(uuidString: id) != nil)
            #expect(location == Harness.root + "/applications/app-a/subscriptions/\(id)")
            let subscription = try harness.decode(SerAvailabilityNotificationSubscription.self, created)
            #expect(subscription.links?.selfLink.href == location)
            #expect(subscription.filteringCriteria?.serNames == ["rnis"])

            let read = await harness.send(.get, "/applications/app-a/subscriptions/\(id)")
            #expect(read.status == 200)
            #expect(try harness.decode(SerAvailabilityNotificationSubscription.self, read) == subscription)

            let list = await harness.send(.get, "/applications/app-a/subscriptions")
            #expect(list.status == 200)
            let links = try harness.decode(SubscriptionLinkList.self, list).links
            #expect(links.selfLink.href == Harness.root + "/applications/app-a/subscriptions")
            let entry = SubscriptionLinkListSubscription(
                href: location, subscriptionType: "SerAvailabilityNotificationSubscription")
            #expect(links.subscriptions == [entry])
        }
    }

    @Test("an application instance lists only its own subscriptions")
    func listOwnOnly() async throws {
        try await Harness.with { harness in
            _ = try await harness.subscribe(app: "app-b")
            let list = await harness.send(.get, "/applications/app-a/subscriptions")
            #expect(try harness.decode(SubscriptionLinkList.self, list).links.subscriptions == [])
        }
    }

    @Test(
        "a subscription breaking a rule of the specification is refused with 400 and stores nothing",
        arguments: [
            subscription(#""callbackReference":"/relative""#),
            subscription(#""callbackReference":"ftp://a.example/n""#),
            #"{"subscriptionType":"Other","callbackReference":"https://a.example/n"}"#,
            #"{"subscriptionType":"SerAvailabilityNotificationSubscription"}"#,
            subscription(callback + #","filteringCriteria":{"serNames":["a"],"serInstanceIds":["b"]}"#),
            subscription(callback + #","filteringCriteria":{"states":["GONE"]}"#),
            subscription(callback + #","_links":{"self":{"href":"https://a.example/s"}}"#),
        ]
    )
    func badSubscription(body: String) async throws {
        try await Harness.with { harness in
            #expect(await harness.send(.post, "/applications/app-a/subscriptions", body: body).status == 400)
            let stored = try await harness.count(NotificationEngine.subscriptionsCollection)
            #expect(stored == 0)
        }
    }

    @Test("deleting a subscription answers 204, then 404; another instance's subscription is 404 under one's own path")
    func deletion() async throws {
        try await Harness.with { harness in
            let id = try await harness.subscribe(app: "app-a")
            let other = try await harness.subscribe(app: "app-b")
            #expect(await harness.send(.get, "/applications/app-a/subscriptions/\(other)").status == 404)
            #expect(await harness.send(.delete, "/applications/app-a/subscriptions/\(other)").status == 404)
            #expect(await harness.send(.delete, "/applications/app-a/subscriptions/\(id)").status == 204)
            #expect(await harness.send(.get, "/applications/app-a/subscriptions/\(id)").status == 404)
            #expect(await harness.send(.delete, "/applications/app-a/subscriptions/\(id)").status == 404)
            #expect(try await harness.count(NotificationEngine.subscriptionsCollection) == 1)
        }
    }

    @Test("a registration is notified as the ETSI ServiceAvailabilityNotification with changeType ADDED")
    func notificationBody() async throws {
        try await Harness.with { harness in
            let subscriptionId = try await harness.subscribe(app: "app-b")
            let service = try await harness.register()
            let id = try #require(service.serInstanceId)
            let pending = try #require(harness.sent.first)
            #expect(harness.sent.count == 1)
            #expect(pending.subscriptionId == subscriptionId)
            #expect(pending.appInstanceId == "app-b")
            #expect(pending.callbackReference == "https://app-b.example/notify")
            let json = try #require(try JSONSerialization.jsonObject(with: pending.body) as? [String: Any])
            #expect(json["notificationType"] as? String == "SerAvailabilityNotification")
            let links = try #require(json["_links"] as? [String: Any])
            let subscription = try #require(links["subscription"] as? [String: Any])
            #expect(
                subscription["href"] as? String
                    == Harness.root + "/applications/app-b/subscriptions/\(subscriptionId)")
            let references = try #require(json["serviceReferences"] as? [[String: Any]])
            #expect(references.count == 1)
            let reference = try #require(references.first)
            #expect(reference["serName"] as? String == "rnis")
            #expect(reference["serInstanceId"] as? String == id)
            #expect(reference["state"] as? String == "ACTIVE")
            #expect(reference["changeType"] as? String == "ADDED")
            #expect((reference["link"] as? [String: Any])?["href"] as? String == Harness.root + "/services/\(id)")
            #expect(Set(json.keys) == ["notificationType", "serviceReferences", "_links"])
        }
    }

    @Test(
        "a registration notifies exactly the subscriptions whose filtering criteria match it",
        arguments: [
            (nil, true),
            (#"{}"#, true),
            (#"{"serNames":["rnis"]}"#, true),
            (#"{"serNames":["location","rnis"]}"#, true),
            (#"{"serNames":["location"]}"#, false),
            (#"{"serInstanceIds":["some-other-id"]}"#, false),
            (#"{"serCategories":[{"href":"https://c.example/rni","id":"rni","name":"RNI","version":"v2"}]}"#, true),
            (#"{"serCategories":[{"href":"https://c.example/loc","id":"loc","name":"LOC","version":"v1"}]}"#, false),
            (#"{"states":["ACTIVE"]}"#, true),
            (#"{"states":["INACTIVE","SUSPENDED"]}"#, false),
            (#"{"isLocal":true}"#, true),
            (#"{"isLocal":false}"#, false),
            (#"{"serNames":["rnis"],"states":["ACTIVE"],"isLocal":true}"#, true),
            (#"{"serNames":["rnis"],"states":["SUSPENDED"]}"#, false),
        ] as [(String?, Bool)]
    )
    func matching(criteria: String?, notified: Bool) async throws {
        try await Harness.with { harness in
            _ = try await harness.subscribe(criteria)
            try await harness.register()
            #expect(harness.sent.count == (notified ? 1 : 0))
        }
    }

    @Test("a subscription by instance identifier hears about that service only")
    func byInstanceId() async throws {
        try await Harness.with { harness in
            let watched = try #require(try await harness.register().serInstanceId)
            let other = try #require(try await harness.register(["serName": "other"]).serInstanceId)
            _ = try await harness.subscribe(#"{"serInstanceIds":["\#(watched)"]}"#)
            for id in [other, watched] {
                #expect(await harness.send(.delete, "/applications/app-a/services/\(id)").status == 204)
            }
            #expect(harness.sent.map(\.notification.serviceReferences[0].serInstanceId) == [watched])
        }
    }

    @Test("a state change is STATE_CHANGED, another change ATTRIBUTES_CHANGED, removal REMOVED without a link")
    func changeTypes() async throws {
        try await Harness.with { harness in
            _ = try await harness.subscribe()
            let id = try #require(try await harness.register().serInstanceId)
            let path = "/applications/app-a/services/\(id)"
            let same = Harness.serviceJSON(["serInstanceId": id])
            #expect(await harness.send(.put, path, body: same).status == 200)
            let state = Harness.serviceJSON(["serInstanceId": id, "state": "INACTIVE"])
            #expect(await harness.send(.put, path, body: state).status == 200)
            let attributes = Harness.serviceJSON(["serInstanceId": id, "state": "INACTIVE", "version": "3"])
            #expect(await harness.send(.put, path, body: attributes).status == 200)
            let both = Harness.serviceJSON(["serInstanceId": id, "state": "ACTIVE", "version": "4"])
            #expect(await harness.send(.put, path, body: both).status == 200)
            #expect(await harness.send(.delete, path).status == 204)
            let references = harness.sent.map(\.notification.serviceReferences[0])
            #expect(
                references.map(\.changeType) == [
                    .added, .stateChanged, .attributesChanged, .attributesChanged, .removed,
                ])
            #expect(references.map(\.state) == [.active, .inactive, .inactive, .active, .active])
            #expect(references.map { $0.link == nil } == [false, false, false, false, true])
        }
    }

    @Test("a failing notification hand-off does not fail or undo the change")
    func failingHandOff() async throws {
        try await Harness.with(failingHandOff: true) { harness in
            _ = try await harness.subscribe()
            let service = try await harness.register()
            #expect(service.serInstanceId != nil)
            #expect(try await harness.count(Collections.services) == 1)
        }
    }
}

extension ServiceManagementSubscriptionTests {
    @Test("removing a terminated instance removes its services with REMOVED notifications and its subscriptions")
    func instanceRemoval() async throws {
        try await Harness.with { harness in
            _ = try await harness.subscribe(app: "app-b")
            _ = try await harness.subscribe(app: "app-a")
            let kept = try #require(try await harness.register(app: "app-b").serInstanceId)
            let gone = try #require(try await harness.register(["livenessInterval": 10]).serInstanceId)
            harness.clearSent()
            let count = try await harness.api.removeApplicationInstance("app-a")
            #expect(count == 1)
            let references = harness.sent.map(\.notification.serviceReferences[0])
            #expect(references.map(\.serInstanceId) == [gone])
            #expect(references.map(\.changeType) == [.removed])
            #expect(harness.sent.map(\.appInstanceId) == ["app-b"])
            let remaining = try await harness.count(Collections.services)
            let liveness = try await harness.count(Collections.serviceLiveness)
            let subscriptions = try await harness.count(NotificationEngine.subscriptionsCollection)
            #expect([remaining, liveness, subscriptions] == [1, 0, 1] as [Int])
            #expect(await harness.send(.get, "/services/\(kept)", as: "operator").status == 200)
        }
    }
}
