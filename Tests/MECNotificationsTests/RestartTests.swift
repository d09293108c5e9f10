import Foundation
import MECNotifications
import MECStore
import Testing

@Suite("Restart on the same store")
struct RestartTests {
    @Test("A new engine on the same store file delivers every notification left pending, in order, once")
    func pendingSurvivesRestart() async throws {
        let environment = try TestEnvironment()
        let receiver = try TestReceiver(tls: environment.tls)
        await receiver.stop()
        let first = try environment.openStore()
        let engine = environment.engine(store: first)
        try await engine.start()
        try await engine.register(callbackRegistration("s1", url: receiver.url("a"))) { _ in Data("{}".utf8) }
        try await engine.register(callbackRegistration("s2", url: receiver.url("b"))) { _ in Data("{}".utf8) }
        for n in 0..<30 {
            try await engine.publish(body(n), to: ["s1", "s2"])
        }
        await engine.stop()
        await first.close()

        try receiver.restart()
        let second = try environment.openStore()
        let restarted = environment.engine(store: second)
        try await restarted.start()
        #expect(restarted.subscription("s1")?.callbackReference == receiver.url("a"))
        #expect(await eventually { receiver.numbers("a").count == 30 && receiver.numbers("b").count == 30 })
        try await Task.sleep(for: .milliseconds(300))
        #expect(receiver.numbers("a") == Array(0..<30))
        #expect(receiver.numbers("b") == Array(0..<30))
        #expect(try await eventually { try await second.count(NotificationEngine.pendingCollection) == 0 })
        await restarted.stop()
        await receiver.stop()
        await second.close()
    }

    @Test("Notifications delivered before a stop are not delivered again by the next engine")
    func deliveredStayDelivered() async throws {
        let environment = try TestEnvironment()
        let receiver = try TestReceiver(tls: environment.tls)
        let first = try environment.openStore()
        let engine = environment.engine(store: first)
        try await engine.start()
        try await engine.register(callbackRegistration("s1", url: receiver.url("a"))) { _ in Data("{}".utf8) }
        for n in 0..<5 {
            try await engine.publish(body(n), to: ["s1"])
        }
        #expect(await eventually { receiver.numbers("a").count == 5 })
        await engine.stop()
        await first.close()

        let second = try environment.openStore()
        let restarted = environment.engine(store: second)
        try await restarted.start()
        try await restarted.publish(body(5), to: ["s1"])
        #expect(await eventually { receiver.numbers("a").count == 6 })
        try await Task.sleep(for: .milliseconds(300))
        #expect(receiver.numbers("a") == Array(0..<6))
        await restarted.stop()
        await receiver.stop()
        await second.close()
    }
}
