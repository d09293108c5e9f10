import Foundation
import MECHTTP
import MECSecurity
import Testing

/// Notifications survive a subscriber outage and a platform restart in the middle of it.
@Suite("Notification outage", .serialized)
struct NotificationOutageTests {
    /// How long the receiver stays down: 30 s as the platform promises; `MEC_OUTAGE_SECONDS` shortens it locally.
    static let outage = Double(ProcessInfo.processInfo.environment["MEC_OUTAGE_SECONDS"] ?? "") ?? 30

    @Test("a receiver down for 30 s, across a platform restart, gets every notification once it is back")
    func outageAcrossRestart() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mec-outage-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var host = try await TestHost(directory: directory)
        let files = try host.issue("app-1")
        try await host.register("app-1", files, scopes: Mp1EndToEndTests.scopes)
        let scope = Mp1EndToEndTests.scopes.joined(separator: " ")
        var token = try await host.token("app-1", with: files, scope: scope)
        let management = "/mec_service_mgmt/v1"

        var receiver = try CallbackReceiver(authority: host.authority)
        let port = receiver.server.port
        let subscribed = try await host.send(
            "POST", management + "/applications/app-1/subscriptions",
            json: #"{"subscriptionType":"SerAvailabilityNotificationSubscription","#
                + #""callbackReference":"\#(receiver.url("outage"))"}"#,
            token: token, with: files)
        #expect(subscribed.status == 201)
        await receiver.server.shutdown()
        let down = ContinuousClock.now

        let names = (1...4).map { "service-\($0)" }
        for name in names.prefix(2) {
            let offered = try await host.send(
                "POST", management + "/applications/app-1/services", json: Mp1EndToEndTests.serviceInfo(name),
                token: token, with: files)
            #expect(offered.status == 201)
        }
        try await Task.sleep(for: .seconds(Self.outage / 3))
        await host.stop()
        host = try await TestHost(directory: directory)
        // The restarted host listens on another port, which is the audience of its tokens.
        token = try await host.token("app-1", with: files, scope: scope)
        for name in names.suffix(2) {
            let offered = try await host.send(
                "POST", management + "/applications/app-1/services", json: Mp1EndToEndTests.serviceInfo(name),
                token: token, with: files)
            #expect(offered.status == 201)
        }
        let remaining = Duration.seconds(Self.outage) - (ContinuousClock.now - down)
        if remaining > .zero {
            try await Task.sleep(for: remaining)
        }
        #expect(receiver.bodies("outage").isEmpty)
        receiver = try CallbackReceiver(authority: host.authority, port: port)
        #expect(await receiver.eventually { receiver.bodies("outage").count == names.count })
        let announced = receiver.bodies("outage").compactMap {
            (($0["serviceReferences"] as? [[String: Any]])?.first?["serName"]) as? String
        }
        #expect(announced == names)
        await receiver.server.shutdown()
        await host.stop()
    }
}
