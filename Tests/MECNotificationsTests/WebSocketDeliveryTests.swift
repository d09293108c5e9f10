import Foundation
import MECHTTP
import MECNotifications
import MECObservability
import MECStore
import Synchronization
import Testing

@Suite("Websocket delivery")
struct WebSocketDeliveryTests {
    static func registration(_ id: String) -> SubscriptionRegistration {
        SubscriptionRegistration(
            id: id,
            owner: "app-1",
            apiName: "test_api",
            href: "https://localhost/test_api/v1/subscriptions/\(id)",
            callbackReference: "https://localhost:1/unused",
            requestWebsocketURI: true,
            requestTestNotification: true
        )
    }

    /// Reads the next text message, failing after a generous timeout.
    static func nextText(_ connection: WebSocketConnection) async throws -> String? {
        try await withThrowingTaskGroup(of: String?.self) { group in
            group.addTask {
                for try await message in connection.messages {
                    if case .text(let text) = message {
                        return text
                    }
                }
                return nil
            }
            group.addTask {
                try await Task.sleep(for: .seconds(15))
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    @Test("Notifications flow over the websocket the platform hands out, and a reconnect gets those sent meanwhile")
    func websocketEndToEnd() async throws {
        let environment = try TestEnvironment()
        let platform = try await TestPlatform(environment)
        let subscription = try await platform.engine.register(Self.registration("w1")) { subscription in
            #expect(subscription.callbackReference == nil)
            return Data("{}".utf8)
        }
        let uri = try #require(subscription.websocketURI)
        #expect(uri.hasPrefix("wss://localhost:\(platform.server.port)/mec_notifications/v1/websockets/"))
        try await platform.engine.publish(body(1), to: ["w1"])

        let socket = try await WebSocketClient.connect(url: uri, caFile: environment.caFile)
        let test = try #require(try await Self.nextText(socket))
        #expect(test.contains(#""notificationType":"TestNotification""#))
        #expect(try await Self.nextText(socket)?.contains(#""n":1"#) == true)
        try await platform.engine.publish(body(2), to: ["w1"])
        #expect(try await Self.nextText(socket)?.contains(#""n":2"#) == true)
        await socket.close()

        #expect(
            await eventually {
                (try? await platform.store.count(NotificationEngine.pendingCollection)) == 0
            }
        )
        try await Task.sleep(for: .milliseconds(200))
        for n in 3...5 {
            try await platform.engine.publish(body(n), to: ["w1"])
        }
        try await Task.sleep(for: .milliseconds(300))
        #expect(try await platform.store.count(NotificationEngine.pendingCollection) == 3)
        let again = try await WebSocketClient.connect(url: uri, caFile: environment.caFile)
        for n in 3...5 {
            #expect(try await Self.nextText(again)?.contains(#""n":\#(n)"#) == true)
        }
        await again.close()
        await platform.stop()
    }

    @Test("A websocket request for an unknown channel is refused")
    func unknownChannel() async throws {
        let environment = try TestEnvironment()
        let platform = try await TestPlatform(environment)
        let uri = "wss://localhost:\(platform.server.port)/mec_notifications/v1/websockets/nothing"
        await #expect(throws: WebSocketError.self) {
            _ = try await WebSocketClient.connect(url: uri, caFile: environment.caFile)
        }
        await platform.stop()
    }
}
