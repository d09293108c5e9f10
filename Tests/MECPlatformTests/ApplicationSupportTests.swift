import Foundation
import MECHTTP
import MECModel
import Testing

@testable import MECPlatform

@Suite("MEC 011 application support")
struct ApplicationSupportTests {
    static let base = "/mec_app_support/v1"
    static let appInfo =
        #"{"appName":"edge-cache","appProvider":"acme","isInsByMec":false,"#
        + #""endpoint":{"uris":["https://cache.example/api"]}}"#

    static func withAPI(_ body: (ApplicationSupportAPI, Responder, PlatformHarness) async throws -> Void)
        async throws
    {
        let harness = try PlatformHarness()
        let api = harness.applicationSupport()
        let responder = harness.responder { api.register(in: &$0) }
        try await body(api, responder, harness)
        await api.stop()
        await harness.close()
    }

    static func register(_ responder: Responder, _ id: String) async -> Response {
        await responder.send(.post, base + "/registrations", as: "app:\(id)", json: appInfo)
    }

    @Test("an instance registers itself, reads and updates its registration, and deregisters")
    func registrationLifecycle() async throws {
        try await Self.withAPI { _, responder, _ in
            let created = await Self.register(responder, "app-1")
            #expect(created.status == 201)
            #expect(created.headers["Location"] == "https://mec.test\(Self.base)/registrations/app-1")
            #expect(created.object["appInstanceId"] as? String == "app-1")

            let read = await responder.send(.get, Self.base + "/registrations/app-1", as: "app:app-1")
            #expect(read.status == 200)
            let etag = try #require(read.headers["ETag"])

            let renamed = Self.appInfo.replacingOccurrences(of: "edge-cache", with: "edge-cache-2")
            let stale = await responder.send(
                .put,
                Self.base + "/registrations/app-1",
                as: "app:app-1",
                json: renamed,
                headers: ["If-Match": "\"999\""]
            )
            #expect(stale.status == 412)
            let updated = await responder.send(
                .put,
                Self.base + "/registrations/app-1",
                as: "app:app-1",
                json: renamed,
                headers: ["If-Match": etag]
            )
            #expect(updated.status == 204)
            let again = await responder.send(.get, Self.base + "/registrations/app-1", as: "app:app-1")
            #expect(again.object["appName"] as? String == "edge-cache-2")
            #expect(again.headers["ETag"] != etag)

            #expect(await responder.send(.delete, Self.base + "/registrations/app-1", as: "app:app-1").status == 204)
            #expect(await responder.send(.get, Self.base + "/registrations/app-1", as: "app:app-1").status == 404)
        }
    }

    @Test(
        "registration refuses bad bodies, impostors and duplicates, and changes nothing",
        arguments: [
            (#"{"appProvider":"x"}"#, "app:app-1", 400),
            (#"{"appName":"x","isInsByMec":false}"#, "app:app-1", 400),
            (
                #"{"appName":"x","appInstanceId":"other","isInsByMec":false,"endpoint":{"uris":["https://a/b"]}}"#,
                "app:app-1", 403
            ),
            ("not json", "app:app-1", 400),
            (Self.appInfo, "nobody", 403),
        ])
    func badRegistrations(body: String, caller: String, status: Int) async throws {
        try await Self.withAPI { _, responder, harness in
            let response = await responder.send(.post, Self.base + "/registrations", as: caller, json: body)
            #expect(response.status == status)
            #expect(response.headers["Content-Type"] == "application/problem+json")
            let stored = try await harness.store.count(Collections.registrations)
            #expect(stored == 0)
        }
    }

    @Test("a second registration of the same instance conflicts")
    func duplicateRegistration() async throws {
        try await Self.withAPI { _, responder, _ in
            #expect(await Self.register(responder, "app-1").status == 201)
            #expect(await Self.register(responder, "app-1").status == 409)
        }
    }

    @Test(
        "another instance gets 403 on every per-instance resource; the operator reaches all",
        arguments: [
            (HTTPMethod.get, "/registrations/app-1"),
            (.delete, "/registrations/app-1"),
            (.get, "/applications/app-1/subscriptions"),
            (.get, "/applications/app-1/dns_rules"),
            (.get, "/applications/app-1/traffic_rules"),
            (.post, "/applications/app-1/confirm_ready"),
        ])
    func isolation(method: HTTPMethod, path: String) async throws {
        try await Self.withAPI { _, responder, _ in
            #expect(await Self.register(responder, "app-1").status == 201)
            let json = method == .post ? #"{"indication":"READY"}"# : nil
            let other = await responder.send(method, Self.base + path, as: "app:app-2", json: json)
            #expect(other.status == 403)
            let operatorResponse = await responder.send(method, Self.base + path, as: "operator", json: json)
            #expect((200..<300).contains(operatorResponse.status))
        }
    }

    @Test("confirm ready needs a registration and the READY indication")
    func confirmReady() async throws {
        try await Self.withAPI { _, responder, _ in
            let path = Self.base + "/applications/app-1/confirm_ready"
            #expect(await responder.send(.post, path, as: "app:app-1", json: #"{"indication":"READY"}"#).status == 404)
            #expect(await Self.register(responder, "app-1").status == 201)
            #expect(await responder.send(.post, path, as: "app:app-1", json: #"{"indication":"LATER"}"#).status == 400)
            #expect(await responder.send(.post, path, as: "app:app-1", json: #"{"indication":"READY"}"#).status == 204)
        }
    }

    @Test("termination notifies subscribers, and the confirmation removes the instance")
    func termination() async throws {
        try await Self.withAPI { api, responder, harness in
            #expect(await Self.register(responder, "app-1").status == 201)
            let subscribe = await responder.send(
                .post,
                Self.base + "/applications/app-1/subscriptions",
                as: "app:app-1",
                json: #"{"subscriptionType":"AppTerminationNotificationSubscription","#
                    + #""callbackReference":"https://app.example/term","appInstanceId":"app-1"}"#
            )
            #expect(subscribe.status == 201)
            let location = try #require(subscribe.headers["Location"])

            let confirmEarly = await responder.send(
                .post,
                Self.base + "/applications/app-1/confirm_termination",
                as: "app:app-1",
                json: #"{"operationAction":"TERMINATING"}"#
            )
            #expect(confirmEarly.status == 409)

            try await api.beginTermination(appInstanceId: "app-1", action: .terminating, maxGracefulTimeout: 600)
            let sent = try await harness.pendingNotifications()
            #expect(sent.count == 1)
            let body = sent.first?.body
            #expect(body?["notificationType"] as? String == "AppTerminationNotification")
            #expect(body?["operationAction"] as? String == "TERMINATING")
            let links = body?["_links"] as? [String: [String: String]]
            #expect(links?["subscription"]?["href"] == location)
            #expect(links?["confirmTermination"]?["href"]?.hasSuffix("/applications/app-1/confirm_termination") == true)

            let confirmed = await responder.send(
                .post,
                Self.base + "/applications/app-1/confirm_termination",
                as: "app:app-1",
                json: #"{"operationAction":"TERMINATING"}"#
            )
            #expect(confirmed.status == 204)
            #expect(await responder.send(.get, Self.base + "/registrations/app-1").status == 404)
            let relative = String(location.dropFirst("https://mec.test".count))
            #expect(await responder.send(.get, relative).status == 404)
        }
    }

    @Test("termination subscriptions list, read and delete, and refuse mismatched instances")
    func subscriptions() async throws {
        try await Self.withAPI { _, responder, _ in
            #expect(await Self.register(responder, "app-1").status == 201)
            let path = Self.base + "/applications/app-1/subscriptions"
            let mismatched = await responder.send(
                .post,
                path,
                as: "app:app-1",
                json: #"{"subscriptionType":"AppTerminationNotificationSubscription","#
                    + #""callbackReference":"https://app.example/term","appInstanceId":"app-9"}"#
            )
            #expect(mismatched.status == 400)
            let badCallback = await responder.send(
                .post,
                path,
                as: "app:app-1",
                json: #"{"subscriptionType":"AppTerminationNotificationSubscription","#
                    + #""callbackReference":"ftp://x","appInstanceId":"app-1"}"#
            )
            #expect(badCallback.status == 400)
            let created = await responder.send(
                .post,
                path,
                as: "app:app-1",
                json: #"{"subscriptionType":"AppTerminationNotificationSubscription","#
                    + #""callbackReference":"https://app.example/term","appInstanceId":"app-1"}"#
            )
            #expect(created.status == 201)
            let list = await responder.send(.get, path, as: "app:app-1")
            let links = list.object["_links"] as? [String: Any]
            let entries = links?["subscriptions"] as? [[String: String]]
            #expect(entries?.count == 1)
            #expect(entries?.first?["subscriptionType"] == "AppTerminationNotificationSubscription")
            let location = try #require(created.headers["Location"])
            let relative = String(location.dropFirst("https://mec.test".count))
            #expect(await responder.send(.get, relative, as: "app:app-1").status == 200)
            #expect(await responder.send(.delete, relative, as: "app:app-1").status == 204)
            #expect(await responder.send(.get, relative, as: "app:app-1").status == 404)
        }
    }

    static let dnsRule =
        #"{"dnsRuleId":"r1","domainName":"cache.mec.example","ipAddressType":"IP_V4","#
        + #""ipAddress":"10.1.2.3","ttl":30,"state":"ACTIVE"}"#

    @Test("the operator creates a DNS rule; the instance updates it with If-Match; the data plane follows")
    func dnsRules() async throws {
        try await Self.withAPI { _, responder, harness in
            #expect(await Self.register(responder, "app-1").status == 201)
            let path = Self.base + "/applications/app-1/dns_rules/r1"
            #expect(await responder.send(.put, path, as: "app:app-1", json: Self.dnsRule).status == 404)
            let created = await responder.send(.put, path, as: "operator", json: Self.dnsRule)
            #expect(created.status == 201)
            #expect(harness.dnsApplied.withLock { $0.last?.map(\.domainName) } == ["cache.mec.example"])

            let read = await responder.send(.get, path, as: "app:app-1")
            let etag = try #require(read.headers["ETag"])
            let inactive = Self.dnsRule.replacingOccurrences(of: "ACTIVE", with: "INACTIVE")
            let stale = await responder.send(
                .put, path, as: "app:app-1", json: inactive, headers: ["If-Match": "\"7\""])
            #expect(stale.status == 412)
            let updated = await responder.send(.put, path, as: "app:app-1", json: inactive, headers: ["If-Match": etag])
            #expect(updated.status == 200)
            #expect(updated.object["state"] as? String == "INACTIVE")
            #expect(harness.dnsApplied.withLock { $0.last } == [])

            let list = await responder.send(.get, Self.base + "/applications/app-1/dns_rules", as: "app:app-1")
            #expect(list.array.count == 1)
        }
    }

    @Test(
        "invalid DNS rules get 400 and change nothing",
        arguments: [
            #"{"dnsRuleId":"r1","domainName":"bad name","ipAddressType":"IP_V4","ipAddress":"10.1.2.3","state":"ACTIVE"}"#,
            #"{"dnsRuleId":"r1","domainName":"a.example","ipAddressType":"IP_V4","ipAddress":"::1","state":"ACTIVE"}"#,
            #"{"dnsRuleId":"r1","domainName":"a.example","ipAddressType":"IP_V4","ipAddress":"10.0.0.1","state":"ON"}"#,
            #"{"dnsRuleId":"other","domainName":"a.example","ipAddressType":"IP_V4","ipAddress":"10.0.0.1","state":"ACTIVE"}"#,
            #"{"dnsRuleId":"r1","domainName":"a.example","ipAddressType":"IP_V4","ipAddress":"10.0.0.1","ttl":-1,"state":"ACTIVE"}"#,
        ])
    func badDNSRules(body: String) async throws {
        try await Self.withAPI { _, responder, harness in
            let response = await responder.send(.put, Self.base + "/applications/app-1/dns_rules/r1", json: body)
            #expect(response.status == 400)
            let stored = try await harness.store.count(Collections.dnsRules)
            #expect(stored == 0)
            #expect(harness.dnsApplied.withLock { $0.isEmpty })
        }
    }

    @Test("a DNS rule the data plane cannot apply is rolled back and answered 503")
    func dnsFailureRollsBack() async throws {
        try await Self.withAPI { _, responder, harness in
            harness.dnsFailure.store(true, ordering: .relaxed)
            let path = Self.base + "/applications/app-1/dns_rules/r1"
            #expect(await responder.send(.put, path, json: Self.dnsRule).status == 503)
            let stored = try await harness.store.count(Collections.dnsRules)
            #expect(stored == 0)
        }
    }

    @Test("traffic rules are stored, validated and served")
    func trafficRules() async throws {
        try await Self.withAPI { _, responder, harness in
            let path = Self.base + "/applications/app-1/traffic_rules/t1"
            let rule =
                #"{"trafficRuleId":"t1","filterType":"FLOW","priority":5,"#
                + #""trafficFilter":[{"srcAddress":["10.0.0.0/24"],"dstPort":["80"]}],"action":"DROP","state":"ACTIVE"}"#
            #expect(await responder.send(.put, path, json: rule).status == 201)
            #expect(await responder.send(.get, path, as: "app:app-1").object["priority"] as? Int == 5)
            let bad = rule.replacingOccurrences(of: #""priority":5"#, with: #""priority":900"#)
            #expect(await responder.send(.put, path, json: bad).status == 400)
            #expect(await responder.send(.get, path, as: "app:app-1").object["priority"] as? Int == 5)
            let stored = try await harness.store.count(Collections.trafficRules)
            #expect(stored == 1)
        }
    }

    @Test("timing answers the current time and capabilities")
    func timing() async throws {
        try await Self.withAPI { _, responder, _ in
            let now = await responder.send(.get, Self.base + "/timing/current_time")
            #expect(now.status == 200)
            #expect((now.object["seconds"] as? Int ?? 0) > 1_700_000_000)
            #expect(["TRACEABLE", "NONTRACEABLE"].contains(now.object["timeSourceStatus"] as? String ?? ""))
            let caps = await responder.send(.get, Self.base + "/timing/timing_caps")
            #expect(caps.status == 200)
            #expect((caps.object["timeStamp"] as? [Any])?.count == 1)
        }
    }
}
