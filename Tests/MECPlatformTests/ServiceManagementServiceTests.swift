import Foundation
import MECHTTP
import MECModel
import Testing

@testable import MECPlatform

@Suite("MEC 011 service registration")
struct ServiceManagementServiceTests {
    typealias Harness = ServiceManagementHarness

    @Test("registering a service answers 201 with Location, ETag, a platform UUID, links and OAuth 2.0 parameters")
    func registration() async throws {
        try await Harness.with { harness in
            let response = await harness.send(.post, "/applications/app-a/services", body: Harness.serviceJSON())
            #expect(response.status == 201)
            let service = try harness.decode(ServiceInfo.self, response)
            let id = try #require(service.serInstanceId)
            #expect(UUID(uuidString: id) != nil)
            let location = Harness.root + "/applications/app-a/services/\(id)"
            #expect(response.headers["Location"] == location)
            #expect(response.headers["ETag"] == "\"1\"")
            #expect(service.links?.selfLink.href == location)
            #expect(service.links?.liveness == nil)
            #expect(service.livenessInterval == nil)
            #expect(service.isLocal == true)
            #expect(service.transportId == nil)
            let oAuth = service.transportInfo?.security.oAuth2Info
            #expect(oAuth == OAuth2Info(grantTypes: [.clientCredentials], tokenEndpoint: Harness.tokenEndpoint))
            #expect(try await harness.count(Collections.services) == 1)
        }
    }

    @Test("a body wrapped in a ServiceInfo member is accepted like a bare one")
    func wrappedBody() async throws {
        try await Harness.with { harness in
            let body = #"{"ServiceInfo":\#(Harness.serviceJSON())}"#
            let response = await harness.send(.post, "/applications/app-a/services", body: body)
            #expect(response.status == 201)
        }
    }

    @Test(
        "a registration breaking a rule of the specification is refused with 400 and stores nothing",
        arguments: [
            ("serInstanceId sent", Harness.serviceJSON(["serInstanceId": "mine"])),
            ("both transports", Harness.serviceJSON(["transportId": "rest-https"])),
            ("no transport", Harness.serviceJSON(["transportInfo": NSNull()])),
            ("_links sent", Harness.serviceJSON(["_links": ["self": ["href": "https://x.example/s"]]])),
            ("unknown state", Harness.serviceJSON(["state": "RUNNING"])),
            ("missing serName", Harness.serviceJSON(["serName": NSNull()])),
            ("negative livenessInterval", Harness.serviceJSON(["livenessInterval": -1])),
            ("unknown platform transport", Harness.serviceJSON(["transportInfo": NSNull(), "transportId": "nope"])),
            ("not JSON", "{"),
            ("empty", ""),
        ]
    )
    func badRegistration(reason: String, body: String) async throws {
        try await Harness.with { harness in
            let response = await harness.send(.post, "/applications/app-a/services", body: body.isEmpty ? nil : body)
            #expect(response.status == 400, "\(reason)")
            let stored = try await harness.count(Collections.services) + harness.count(Collections.serviceLiveness)
            #expect(stored == 0)
            #expect(harness.sent.isEmpty)
        }
    }

    @Test("a transportId is replaced by the platform transport it names")
    func platformTransport() async throws {
        try await Harness.with { harness in
            let service = try await harness.register(["transportInfo": NSNull(), "transportId": "rest-https"])
            #expect(service.transportId == nil)
            #expect(service.transportInfo?.id == "rest-https")
            #expect(service.transportInfo?.endpoint == .uris([Harness.baseURL]))
        }
    }

    @Test("the transports list REST over HTTPS with OAuth 2.0 client credentials at the token endpoint")
    func transports() async throws {
        try await Harness.with { harness in
            let response = await harness.send(.get, "/transports", as: "app:any")
            #expect(response.status == 200)
            let transports = try harness.decode([TransportInfo].self, response)
            let transport = try #require(transports.first)
            #expect(transports.count == 1)
            #expect(transport.type == .restHTTP)
            #expect(transport.protocol == "HTTP")
            #expect(transport.security.oAuth2Info?.grantTypes == [.clientCredentials])
            #expect(transport.security.oAuth2Info?.tokenEndpoint == Harness.tokenEndpoint)
        }
        try await Harness.with(tokenEndpoint: nil) { harness in
            let response = await harness.send(.get, "/transports", as: "operator")
            let transports = try harness.decode([TransportInfo].self, response)
            #expect(transports.first?.security.oAuth2Info == nil)
        }
    }

    @Test("without a token endpoint the service keeps the security it was registered with")
    func noTokenEndpoint() async throws {
        try await Harness.with(tokenEndpoint: nil) { harness in
            let service = try await harness.register()
            #expect(service.transportInfo?.security == SecurityInfo())
        }
    }

    @Test("the producer reads its service with an ETag; unknown and other instances' services are 404")
    func readOwnService() async throws {
        try await Harness.with { harness in
            let id = try #require(try await harness.register().serInstanceId)
            let other = try #require(try await harness.register(app: "app-b").serInstanceId)
            let response = await harness.send(.get, "/applications/app-a/services/\(id)")
            #expect(response.status == 200)
            #expect(response.headers["ETag"] == "\"1\"")
            #expect(try harness.decode(ServiceInfo.self, response).serInstanceId == id)
            #expect(await harness.send(.get, "/applications/app-a/services/unknown").status == 404)
            #expect(await harness.send(.get, "/applications/app-a/services/\(other)").status == 404)
            #expect(await harness.send(.get, "/applications/app-b/services/\(other)", as: "operator").status == 200)
        }
    }

    @Test(
        "an application instance is refused with 403 on another instance's resources",
        arguments: [
            (HTTPMethod.get, "/applications/app-b/services"),
            (.post, "/applications/app-b/services"),
            (.get, "/applications/app-b/services/x"),
            (.put, "/applications/app-b/services/x"),
            (.delete, "/applications/app-b/services/x"),
            (.get, "/applications/app-b/services/x/liveness"),
            (.patch, "/applications/app-b/services/x/liveness"),
            (.get, "/applications/app-b/subscriptions"),
            (.post, "/applications/app-b/subscriptions"),
            (.get, "/applications/app-b/subscriptions/x"),
            (.delete, "/applications/app-b/subscriptions/x"),
        ]
    )
    func otherInstanceForbidden(method: HTTPMethod, path: String) async throws {
        try await Harness.with { harness in
            let body = method == .post || method == .put || method == .patch ? "{}" : nil
            #expect(await harness.send(method, path, body: body, as: "app:app-a").status == 403)
            #expect(await harness.send(method, path, body: body, as: nil).status == 403)
        }
    }

    @Test("discovery is open to every authenticated caller and refused to an anonymous one")
    func discoveryAuthentication() async throws {
        try await Harness.with { harness in
            let id = try #require(try await harness.register().serInstanceId)
            for path in ["/services", "/services/\(id)", "/transports"] {
                #expect(await harness.send(.get, path, as: "app:app-z").status == 200)
                #expect(await harness.send(.get, path, as: "operator").status == 200)
                #expect(await harness.send(.get, path, as: nil).status == 403)
            }
        }
    }

    @Test("a service read through discovery links to its discovery URI and carries an ETag; unknown ids are 404")
    func discoveryRead() async throws {
        try await Harness.with { harness in
            let id = try #require(try await harness.register().serInstanceId)
            let response = await harness.send(.get, "/services/\(id)", as: "app:app-z")
            #expect(response.headers["ETag"] == "\"1\"")
            let service = try harness.decode(ServiceInfo.self, response)
            #expect(service.links?.selfLink.href == Harness.root + "/services/\(id)")
            #expect(await harness.send(.get, "/services/unknown", as: "app:app-z").status == 404)
        }
    }

    @Test("PUT replaces the attributes, answers the new ETag, and a stale If-Match is 412 and changes nothing")
    func update() async throws {
        try await Harness.with { harness in
            let id = try #require(try await harness.register().serInstanceId)
            let path = "/applications/app-a/services/\(id)"
            let body = Harness.serviceJSON(["serInstanceId": id, "version": "2.3.0"])
            let updated = await harness.send(.put, path, body: body, headers: ["If-Match": "\"1\""])
            #expect(updated.status == 200)
            #expect(updated.headers["ETag"] == "\"2\"")
            #expect(try harness.decode(ServiceInfo.self, updated).version == "2.3.0")
            #expect(try harness.decode(ServiceInfo.self, updated).links?.selfLink.href == Harness.root + path)
            let stale = Harness.serviceJSON(["serInstanceId": id, "version": "9"])
            #expect(await harness.send(.put, path, body: stale, headers: ["If-Match": "\"1\""]).status == 412)
            let read = await harness.send(.get, path)
            #expect(read.headers["ETag"] == "\"2\"")
            #expect(try harness.decode(ServiceInfo.self, read).version == "2.3.0")
            #expect(await harness.send(.put, path, body: stale, headers: ["If-Match": "*"]).status == 200)
        }
    }

    @Test(
        "a PUT that changes what the platform assigned or breaks a rule is refused with 400 and changes nothing",
        arguments: [
            ("other serInstanceId", "serInstanceId", #""other""#),
            ("no serInstanceId", "serInstanceId", nil),
            ("transportId", "transportId", #""rest-https""#),
            ("livenessInterval", "livenessInterval", "30"),
            ("no transportInfo", "transportInfo", nil),
        ] as [(String, String, String?)]
    )
    func badUpdate(reason: String, key: String, value: String?) async throws {
        try await Harness.with { harness in
            let id = try #require(try await harness.register().serInstanceId)
            var changes: [String: Any] = ["serInstanceId": id, "version": "3"]
            changes[key] =
                try value.map { try JSONSerialization.jsonObject(with: Data($0.utf8), options: .fragmentsAllowed) }
                ?? NSNull()
            let path = "/applications/app-a/services/\(id)"
            let response = await harness.send(.put, path, body: Harness.serviceJSON(changes))
            #expect(response.status == 400, "\(reason)")
            let read = await harness.send(.get, path)
            #expect(read.headers["ETag"] == "\"1\"")
            #expect(try harness.decode(ServiceInfo.self, read).version == "2.2.1")
        }
    }

    @Test("PUT and DELETE of an unknown service are 404")
    func unknownService() async throws {
        try await Harness.with { harness in
            let body = Harness.serviceJSON(["serInstanceId": "unknown"])
            #expect(await harness.send(.put, "/applications/app-a/services/unknown", body: body).status == 404)
            #expect(await harness.send(.delete, "/applications/app-a/services/unknown").status == 404)
        }
    }

    @Test("DELETE deregisters the service and its liveness; afterwards it is 404")
    func deregistration() async throws {
        try await Harness.with { harness in
            let id = try #require(try await harness.register(["livenessInterval": 10]).serInstanceId)
            let path = "/applications/app-a/services/\(id)"
            #expect(await harness.send(.delete, path).status == 204)
            #expect(await harness.send(.get, path).status == 404)
            #expect(await harness.send(.get, "/services/\(id)", as: "operator").status == 404)
            #expect(await harness.send(.delete, path).status == 404)
            #expect(try await harness.count(Collections.serviceLiveness) == 0)
        }
    }
}
