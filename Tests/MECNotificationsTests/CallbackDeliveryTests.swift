import Foundation
import MECNotifications
import MECStore
import Testing

@Suite("Callback delivery")
struct CallbackDeliveryTests {
    @Test("A published notification is POSTed as JSON to the callback and then leaves the store")
    func deliversAndRemoves() async throws {
        let environment = try TestEnvironment()
        let receiver = try TestReceiver(tls: environment.tls)
        let store = try environment.openStore()
        let engine = environment.engine(store: store)
        try await engine.start()
        let subscription = try await engine.register(callbackRegistration("s1", url: receiver.url("a"))) { _ in
            Data("{}".utf8)
        }
        #expect(try await engine.publish(body(1), to: [subscription.id, "unknown"]) == 1)
        #expect(await eventually { receiver.numbers("a") == [1] })
        #expect(receiver.all.first?.contentType == "application/json")
        #expect(
            try await eventually { try await store.count(NotificationEngine.pendingCollection) == 0 }
        )
        await engine.stop()
        await receiver.stop()
        await store.close()
    }

    @Test("A receiver answering 503 is retried with backoff, reported failing once, and served when it recovers")
    func retriesUntilSuccess() async throws {
        let environment = try TestEnvironment()
        let receiver = try TestReceiver(tls: environment.tls)
        receiver.failing.withLock { $0["/callback/a"] = 503 }
        let store = try environment.openStore()
        let engine = environment.engine(store: store)
        try await engine.start()
        try await engine.register(callbackRegistration("s1", url: receiver.url("a"))) { _ in Data("{}".utf8) }
        try await engine.publish(body(1), to: ["s1"])
        #expect(await eventually { environment.logLines(containing: "notification subscriber failing").count == 1 })
        try await Task.sleep(for: .milliseconds(600))
        #expect(environment.logLines(containing: "notification subscriber failing").count == 1)
        #expect(environment.metrics.render().contains("mec_notification_failing_subscribers 1"))
        #expect(try await store.count(NotificationEngine.pendingCollection) == 1)
        receiver.failing.withLock { $0.removeAll() }
        #expect(await eventually { receiver.numbers("a") == [1] })
        #expect(await eventually { environment.logLines(containing: "notification subscriber recovered").count == 1 })
        let rendered = environment.metrics.render()
        #expect(rendered.contains("mec_notification_failing_subscribers 0"))
        #expect(rendered.contains(#"mec_notification_deliveries_total{outcome="failed",channel="callback"}"#))
        #expect(rendered.contains(#"mec_notification_deliveries_total{outcome="delivered",channel="callback"} 1"#))
        await engine.stop()
        await receiver.stop()
        await store.close()
    }

    @Test("A receiver that is down for a while gets every notification, in order, once it is back")
    func receiverDownThenUp() async throws {
        let environment = try TestEnvironment()
        let receiver = try TestReceiver(tls: environment.tls)
        let store = try environment.openStore()
        let engine = environment.engine(store: store)
        try await engine.start()
        try await engine.register(callbackRegistration("s1", url: receiver.url("a"))) { _ in Data("{}".utf8) }
        await receiver.stop()
        for n in 0..<20 {
            try await engine.publish(body(n), to: ["s1"])
        }
        // The same logic as a 30 s outage, shortened: retries are capped at the backoff maximum.
        try await Task.sleep(for: .seconds(3))
        #expect(receiver.numbers("a").isEmpty)
        try receiver.restart()
        #expect(await eventually { receiver.numbers("a").count == 20 })
        #expect(receiver.numbers("a") == Array(0..<20))
        await engine.stop()
        await receiver.stop()
        await store.close()
    }

    @Test("A failing subscriber does not delay the others")
    func failingSubscriberIsolated() async throws {
        let environment = try TestEnvironment()
        let receiver = try TestReceiver(tls: environment.tls)
        receiver.failing.withLock { $0["/callback/bad"] = 500 }
        let store = try environment.openStore()
        let engine = environment.engine(store: store)
        try await engine.start()
        try await engine.register(callbackRegistration("bad", url: receiver.url("bad"))) { _ in Data("{}".utf8) }
        try await engine.register(callbackRegistration("good", url: receiver.url("good"))) { _ in Data("{}".utf8) }
        try await engine.register(callbackRegistration("gone", url: "https://127.0.0.1:1/nothing")) { _ in
            Data("{}".utf8)
        }
        for n in 0..<10 {
            try await engine.publish(body(n), to: ["bad", "gone", "good"])
        }
        #expect(await eventually { receiver.numbers("good") == Array(0..<10) })
        #expect(receiver.numbers("bad").isEmpty)
        #expect(await eventually { environment.metrics.render().contains("mec_notification_failing_subscribers 2") })
        await engine.stop()
        await receiver.stop()
        await store.close()
    }

    @Test("A full queue leaves the backlog in the store and pages it in, in order, as the queue drains")
    func overflowPagesFromStore() async throws {
        let environment = try TestEnvironment()
        let receiver = try TestReceiver(tls: environment.tls)
        receiver.failing.withLock { $0["/callback/a"] = 503 }
        let store = try environment.openStore()
        let engine = environment.engine(store: store)
        try await engine.start()
        try await engine.register(callbackRegistration("s1", url: receiver.url("a"))) { _ in Data("{}".utf8) }
        for n in 0..<50 {
            try await engine.publish(body(n), to: ["s1"])
        }
        #expect(try await store.count(NotificationEngine.pendingCollection) == 50)
        receiver.failing.withLock { $0.removeAll() }
        #expect(await eventually { receiver.numbers("a").count == 50 })
        #expect(receiver.numbers("a") == Array(0..<50))
        #expect(try await eventually { try await store.count(NotificationEngine.pendingCollection) == 0 })
        await engine.stop()
        await receiver.stop()
        await store.close()
    }
}
