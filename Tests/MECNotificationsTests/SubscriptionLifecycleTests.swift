import Foundation
import MECNotifications
import MECStore
import Testing

@Suite("Subscription lifecycle")
struct SubscriptionLifecycleTests {
    @Test("requestTestNotification sends a TestNotification linking to the subscription before anything else")
    func testNotification() async throws {
        let environment = try TestEnvironment()
        let receiver = try TestReceiver(tls: environment.tls)
        let store = try environment.openStore()
        let engine = environment.engine(store: store)
        try await engine.start()
        let subscription = try await engine.register(callbackRegistration("s1", url: receiver.url("a"), test: true)) {
            subscription in
            #expect(subscription.callbackReference == receiver.url("a"))
            #expect(subscription.websocketURI == nil)
            return Data(#"{"subscriptionType":"TestSubscription"}"#.utf8)
        }
        try await engine.publish(body(1), to: [subscription.id])
        #expect(await eventually { receiver.bodies("a").count == 2 })
        let first = receiver.bodies("a")[0]
        #expect(first["notificationType"] as? String == "TestNotification")
        let links = first["_links"] as? [String: Any]
        #expect((links?["subscription"] as? [String: Any])?["href"] as? String == subscription.href)
        #expect(receiver.numbers("a") == [1])
        #expect(engine.subscription("s1")?.resource == Data(#"{"subscriptionType":"TestSubscription"}"#.utf8))
        await engine.stop()
        await receiver.stop()
        await store.close()
    }

    @Test("A subscription gets an ExpiryNotification before its deadline and is removed at the deadline")
    func expiry() async throws {
        let environment = try TestEnvironment()
        let receiver = try TestReceiver(tls: environment.tls)
        let store = try environment.openStore()
        let engine = environment.engine(store: store)
        try await engine.start()
        let deadline = Date().addingTimeInterval(2.5)
        try await engine.register(callbackRegistration("s1", url: receiver.url("a"), expiry: deadline)) { _ in
            Data("{}".utf8)
        }
        #expect(await eventually { receiver.bodies("a").count == 1 })
        let notification = receiver.bodies("a")[0]
        #expect(notification["notificationType"] as? String == "ExpiryNotification")
        let stamp = notification["expiryDeadline"] as? [String: Any]
        #expect(stamp?["seconds"] as? Int == Int(deadline.timeIntervalSince1970))
        #expect(await eventually { engine.subscription("s1") == nil })
        #expect(try await store.get(NotificationEngine.subscriptionsCollection, id: "s1") == nil)
        #expect(try await engine.publish(body(1), to: ["s1"]) == 0)
        await engine.stop()
        await receiver.stop()
        await store.close()
    }

    @Test("Removing a subscription drops its undelivered notifications and counts them")
    func unregisterDropsPending() async throws {
        let environment = try TestEnvironment()
        let receiver = try TestReceiver(tls: environment.tls)
        receiver.failing.withLock { $0["/callback/a"] = 503 }
        let store = try environment.openStore()
        let engine = environment.engine(store: store)
        try await engine.start()
        try await engine.register(callbackRegistration("s1", url: receiver.url("a"))) { _ in Data("{}".utf8) }
        for n in 0..<5 {
            try await engine.publish(body(n), to: ["s1"])
        }
        #expect(try await engine.unregister("s1"))
        #expect(try await store.count(NotificationEngine.pendingCollection) == 0)
        // An attempt already in flight may still land; wait for it before the receiver starts accepting.
        try await Task.sleep(for: .milliseconds(500))
        receiver.failing.withLock { $0.removeAll() }
        try await Task.sleep(for: .milliseconds(800))
        #expect(receiver.numbers("a").isEmpty)
        #expect(environment.metrics.render().contains("mec_notification_pending 0"))
        await engine.stop()
        await receiver.stop()
        await store.close()
    }

    @Test("A subscription without a usable callback or websocket request is refused")
    func invalidSubscription() async throws {
        let environment = try TestEnvironment()
        let store = try environment.openStore()
        let engine = environment.engine(store: store)
        let error = await #expect(throws: NotificationError.self) {
            try await engine.register(callbackRegistration("s1", url: "not a uri")) { _ in Data("{}".utf8) }
        }
        #expect(error?.code == .invalidSubscription)
        #expect(error?.httpError.status == 400)
        await store.close()
    }
}
