import Foundation
import MECAuth
import MECDataPlane
import MECHTTP
import MECHost
import MECTestSupport
import Testing

/// MEC 011 over HTTPS with certificate-bound tokens, as an application sees it.
@Suite("Mp1 end to end", .serialized)
struct Mp1EndToEndTests {
    static let scopes = ["mec_app_support:v1:all", "mec_service_mgmt:v1:all", "mec_notifications:v1:all"]

    static func appInfo(_ name: String) -> String {
        #"{"appName":"\#(name)","appProvider":"example","isInsByMec":false,"#
            + #""endpoint":{"uris":["https://\#(name).example/api"]}}"#
    }

    static func serviceInfo(_ name: String) -> String {
        #"{"serName":"\#(name)","serCategory":{"href":"https://catalogue.example/cat","id":"cat-1","name":"Cache","#
            + #""version":"1"},"version":"1.0","state":"ACTIVE","serializer":"JSON","#
            + #""transportInfo":{"id":"t1","name":"REST","type":"REST_HTTP","protocol":"HTTP","version":"1.1","#
            + #""endpoint":{"uris":["https://\#(name).example/api"]},"security":{}}}"#
    }

    @Test("an application lives its whole life over Mp1 with its bound token")
    func applicationLifecycle() async throws {
        let host = try await TestHost()
        defer { host.remove() }
        let receiver = try CallbackReceiver(authority: host.authority)
        let appFiles = try host.issue("app-1")
        try await host.register("app-1", appFiles, scopes: Self.scopes)
        let token = try await host.token("app-1", with: appFiles, scope: Self.scopes.joined(separator: " "))
        let support = "/mec_app_support/v1"
        let management = "/mec_service_mgmt/v1"

        let registered = try await host.send(
            "POST", support + "/registrations", json: Self.appInfo("app-one"), token: token, with: appFiles)
        #expect(registered.status == 201)
        #expect(try JSON.object(registered.body)["appInstanceId"] as? String == "app-1")
        let ready = try await host.send(
            "POST", support + "/applications/app-1/confirm_ready", json: #"{"indication":"READY"}"#, token: token,
            with: appFiles)
        #expect(ready.status == 204)

        let termination = try await host.send(
            "POST", support + "/applications/app-1/subscriptions",
            json: #"{"subscriptionType":"AppTerminationNotificationSubscription","#
                + #""callbackReference":"\#(receiver.url("termination"))","appInstanceId":"app-1"}"#,
            token: token, with: appFiles)
        #expect(termination.status == 201)

        let callback = try await host.send(
            "POST", management + "/applications/app-1/subscriptions",
            json: #"{"subscriptionType":"SerAvailabilityNotificationSubscription","#
                + #""callbackReference":"\#(receiver.url("availability"))","#
                + #""filteringCriteria":{"serNames":["weather"]}}"#,
            token: token, with: appFiles)
        #expect(callback.status == 201)
        let websocketSubscription = try await host.send(
            "POST", management + "/applications/app-1/subscriptions",
            json: #"{"subscriptionType":"SerAvailabilityNotificationSubscription","#
                + #""callbackReference":"https://unused.example/cb","websockNotifConfig":{"requestWebsocketUri":true},"#
                + #""filteringCriteria":{"serNames":["weather"]}}"#,
            token: token, with: appFiles)
        #expect(websocketSubscription.status == 201)
        let websocketConfig = try JSON.object(websocketSubscription.body)["websockNotifConfig"] as? [String: Any]
        let websocketURI = try #require(websocketConfig?["websocketUri"] as? String)
        #expect(websocketURI.hasPrefix("wss://"))
        let socket = try await WebSocketClient.connect(
            url: websocketURI, caFile: host.caFile, certFile: appFiles.certificate, keyFile: appFiles.key,
            headers: [("Authorization", "Bearer \(token)")])

        let offered = try await host.send(
            "POST", management + "/applications/app-1/services", json: Self.serviceInfo("edge-cache"), token: token,
            with: appFiles)
        #expect(offered.status == 201)
        let ownService = try JSON.object(offered.body)
        let security = (ownService["transportInfo"] as? [String: Any])?["security"] as? [String: Any]
        let oauth = security?["oAuth2Info"] as? [String: Any]
        #expect(oauth?["grantTypes"] as? [String] == ["OAUTH2_CLIENT_CREDENTIALS"])
        #expect(oauth?["tokenEndpoint"] as? String == host.url + "/oauth2/token")
        let discovered = try await host.send(
            "GET", management + "/services?ser_name=edge-cache", token: token, with: appFiles)
        #expect(discovered.status == 200)
        let found = try #require(try JSONSerialization.jsonObject(with: discovered.body) as? [[String: Any]])
        #expect(found.map { $0["serInstanceId"] as? String } == [ownService["serInstanceId"] as? String])

        let otherFiles = try host.issue("app-2")
        try await host.register("app-2", otherFiles, scopes: Self.scopes)
        let otherToken = try await host.token("app-2", with: otherFiles, scope: "mec_service_mgmt:v1:all")
        let weather = try await host.send(
            "POST", management + "/applications/app-2/services", json: Self.serviceInfo("weather"), token: otherToken,
            with: otherFiles)
        #expect(weather.status == 201)
        let weatherId = try JSON.object(weather.body)["serInstanceId"] as? String

        #expect(await receiver.eventually { receiver.bodies("availability").count == 1 })
        let notification = try #require(receiver.bodies("availability").first)
        #expect(notification["notificationType"] as? String == "SerAvailabilityNotification")
        let reference = (notification["serviceReferences"] as? [[String: Any]])?.first
        #expect(reference?["serName"] as? String == "weather")
        #expect(reference?["serInstanceId"] as? String == weatherId)
        #expect(reference?["changeType"] as? String == "ADDED")

        var messages = socket.messages.makeAsyncIterator()
        let message = try await messages.next()
        guard case .text(let text) = message else {
            Issue.record("no websocket notification: \(String(describing: message))")
            return
        }
        let overSocket = try JSON.object(Data(text.utf8))
        #expect(overSocket["notificationType"] as? String == "SerAvailabilityNotification")
        await socket.close()

        let crossing = try await host.send(
            "GET", management + "/applications/app-2/services", token: token, with: appFiles)
        #expect(crossing.status == 403)

        try await host.host.terminateApplication("app-1", maxGracefulTimeout: 60)
        #expect(await receiver.eventually { receiver.bodies("termination").count == 1 })
        let notice = try #require(receiver.bodies("termination").first)
        #expect(notice["notificationType"] as? String == "AppTerminationNotification")
        let confirm = ((notice["_links"] as? [String: Any])?["confirmTermination"] as? [String: Any])?["href"]
        #expect(confirm as? String == host.url + support + "/applications/app-1/confirm_termination")
        let confirmed = try await host.send(
            "POST", support + "/applications/app-1/confirm_termination", json: #"{"operationAction":"TERMINATING"}"#,
            token: token, with: appFiles)
        #expect(confirmed.status == 204)
        let gone = try await host.send("GET", support + "/registrations/app-1", token: token, with: appFiles)
        #expect(gone.status == 404)
        let services = try await host.send(
            "GET", management + "/services?ser_name=edge-cache", token: otherToken, with: otherFiles)
        #expect(String(decoding: services.body, as: UTF8.self) == "[]")

        await receiver.server.shutdown()
        await host.stop()
    }

    @Test("a DNS rule answers while ACTIVE and stops answering when set INACTIVE, over the real data plane")
    func dnsRules() async throws {
        let host = try await TestHost()
        defer { host.remove() }
        let operatorFiles = try host.issue("operator-1")
        try await host.register("operator-1", operatorFiles, scopes: [MECScope.operator])
        let token = try await host.token("operator-1", with: operatorFiles, scope: MECScope.operator)
        let path = "/mec_app_support/v1/applications/app-9/dns_rules/r1"
        let rule =
            #"{"dnsRuleId":"r1","domainName":"cache.mec.example","ipAddressType":"IP_V4","#
            + #""ipAddress":"10.20.30.40","ttl":45,"state":"ACTIVE"}"#
        let created = try await host.send("PUT", path, json: rule, token: token, with: operatorFiles)
        #expect(created.status == 201)
        let numeric = rule.replacingOccurrences(of: "cache.mec.example", with: "cache.mec.123")
            .replacingOccurrences(of: "\"r1\"", with: "\"r2\"")
        let refused = try await host.send(
            "PUT", "/mec_app_support/v1/applications/app-9/dns_rules/r2", json: numeric, token: token,
            with: operatorFiles)
        #expect(refused.status == 400)
        let endpoint = try #require(host.host.dnsEndpoint)
        let active = try await runProgram([
            "dig", "@\(endpoint.address)", "-p", "\(endpoint.port)", "+short", "+tries=3", "+time=2",
            "cache.mec.example", "A",
        ])
        #expect(active.output.trimmingCharacters(in: .whitespacesAndNewlines) == "10.20.30.40")

        let etag = try #require(created.headers["ETag"])
        var headers = HTTPHeaders()
        headers["Authorization"] = "Bearer \(token)"
        headers["Content-Type"] = MediaType.json
        headers["If-Match"] = etag
        let inactive = try await host.client(operatorFiles).execute(
            HTTPClientRequest(
                method: "PUT", url: host.url + path, headers: headers,
                body: Data(rule.replacingOccurrences(of: "\"ACTIVE\"", with: "\"INACTIVE\"").utf8)))
        #expect(inactive.status == 200)
        let after = try await runProgram([
            "dig", "@\(endpoint.address)", "-p", "\(endpoint.port)", "+tries=3", "+time=2", "cache.mec.example", "A",
        ])
        #expect(after.output.contains("status: REFUSED") || after.output.contains("status: NXDOMAIN"))
        #expect(!after.output.contains("10.20.30.40"))
        await host.stop()
    }
}
