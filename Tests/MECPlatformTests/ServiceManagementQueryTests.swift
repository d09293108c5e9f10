import Foundation
import MECHTTP
import MECModel
import Testing

@testable import MECPlatform

@Suite("MEC 011 service availability query")
struct ServiceManagementQueryTests {
    typealias Harness = ServiceManagementHarness

    /// Registers four services: rnis (app-a, category rni), location (app-a, category loc, MEC_SYSTEM, not local only),
    /// rnis (app-b, category rni, INACTIVE) and wlan (app-b, no category); returns their ids by label.
    private func registerCatalogue(_ harness: Harness) async throws -> [String: String] {
        let rnisA = try await harness.register()
        let location = try await harness.register(
            [
                "serName": "location", "serCategory": Harness.category("loc"), "scopeOfLocality": "MEC_SYSTEM",
                "consumedLocalOnly": false,
            ])
        let rnisB = try await harness.register(["state": "INACTIVE"], app: "app-b")
        let wlan = try await harness.register(["serName": "wlan", "serCategory": NSNull()], app: "app-b")
        return [
            "rnisA": try #require(rnisA.serInstanceId), "location": try #require(location.serInstanceId),
            "rnisB": try #require(rnisB.serInstanceId), "wlan": try #require(wlan.serInstanceId),
        ]
    }

    private func names(_ harness: Harness, _ response: Response, _ ids: [String: String]) throws -> Set<String> {
        let byId = Dictionary(uniqueKeysWithValues: ids.map { ($0.value, $0.key) })
        let services = try harness.decode([ServiceInfo].self, response)
        return Set(services.compactMap { $0.serInstanceId.flatMap { byId[$0] } })
    }

    @Test(
        "discovery filters by name, category, locality, local consumption and locality of the service",
        arguments: [
            ([], ["rnisA", "location", "rnisB", "wlan"]),
            ([("ser_name", "rnis")], ["rnisA", "rnisB"]),
            ([("ser_name", "rnis,wlan")], ["rnisA", "rnisB", "wlan"]),
            ([("ser_name", "rnis"), ("ser_name", "location")], ["rnisA", "rnisB", "location"]),
            ([("ser_name", "none")], []),
            ([("ser_category_id", "rni")], ["rnisA", "rnisB"]),
            ([("ser_category_id", "loc")], ["location"]),
            ([("scope_of_locality", "MEC_HOST")], ["rnisA", "rnisB", "wlan"]),
            ([("scope_of_locality", "MEC_SYSTEM")], ["location"]),
            ([("consumed_local_only", "false")], ["location"]),
            ([("consumed_local_only", "true")], ["rnisA", "rnisB", "wlan"]),
            ([("is_local", "true")], ["rnisA", "location", "rnisB", "wlan"]),
            ([("is_local", "false")], []),
            ([("ser_name", "rnis"), ("scope_of_locality", "MEC_SYSTEM")], []),
        ] as [([(String, String)], Set<String>)]
    )
    func filters(query: [(String, String)], expected: Set<String>) async throws {
        try await Harness.with { harness in
            let ids = try await registerCatalogue(harness)
            let response = await harness.send(
                .get, "/services", query: query.map { (name: $0.0, value: $0.1) }, as: "app:app-z")
            #expect(response.status == 200)
            #expect(try names(harness, response, ids) == expected)
        }
    }

    @Test("discovery by instance identifiers returns exactly those services")
    func byInstanceIds() async throws {
        try await Harness.with { harness in
            let ids = try await registerCatalogue(harness)
            let query = [(name: "ser_instance_id", value: "\(ids["wlan"] ?? ""),\(ids["rnisA"] ?? "")")]
            let response = await harness.send(.get, "/services", query: query, as: "app:app-z")
            #expect(try names(harness, response, ids) == ["wlan", "rnisA"])
            let services = try harness.decode([ServiceInfo].self, response)
            for service in services {
                #expect(service.links?.selfLink.href == Harness.root + "/services/\(service.serInstanceId ?? "")")
            }
        }
    }

    @Test("discovery answers what is stored now after a service was discovered, updated, then deregistered")
    func discoveryFollowsChanges() async throws {
        try await Harness.with { harness in
            let id = try #require(try await harness.register().serInstanceId)
            let query = [(name: "ser_name", value: "rnis")]
            let first = await harness.send(.get, "/services", query: query, as: "app:app-z")
            #expect(try harness.decode([ServiceInfo].self, first).map(\.version) == ["2.2.1"])
            let single = await harness.send(.get, "/services/\(id)", as: "app:app-z")
            #expect(single.headers["ETag"] == "\"1\"")
            let path = "/applications/app-a/services/\(id)"
            let body = Harness.serviceJSON(["serInstanceId": id, "version": "2.3.0"])
            #expect(await harness.send(.put, path, body: body).status == 200)
            let second = await harness.send(.get, "/services", query: query, as: "app:app-z")
            #expect(try harness.decode([ServiceInfo].self, second).map(\.version) == ["2.3.0"])
            let updated = await harness.send(.get, "/services/\(id)", as: "app:app-z")
            #expect(updated.headers["ETag"] == "\"2\"")
            #expect(try harness.decode(ServiceInfo.self, updated).version == "2.3.0")
            #expect(await harness.send(.delete, path).status == 204)
            let third = await harness.send(.get, "/services", query: query, as: "app:app-z")
            #expect(try harness.decode([ServiceInfo].self, third).isEmpty)
            #expect(await harness.send(.get, "/services/\(id)", as: "app:app-z").status == 404)
        }
    }

    @Test("a repeated query is answered at once from the kept answer until a service is written")
    func keptAnswers() async throws {
        try await Harness.with { harness in
            try await harness.register()
            let query = [(name: "ser_name", value: "rnis")]
            #expect(!answersAtOnce(harness, query))
            let first = await harness.send(.get, "/services", query: query, as: "app:app-z")
            #expect(answersAtOnce(harness, query))
            #expect(!answersAtOnce(harness, query + [(name: "is_local", value: "true")]))
            let second = await harness.send(.get, "/services", query: query, as: "app:app-z")
            #expect(second.bodyData == first.bodyData)
            try await harness.register(app: "app-b")
            #expect(!answersAtOnce(harness, query))
            let third = await harness.send(.get, "/services", query: query, as: "app:app-z")
            #expect(try harness.decode([ServiceInfo].self, third).count == 2)
            let refused = await harness.send(.get, "/services", query: query + [("ser_category_id", "rni")], as: nil)
            #expect(refused.status == 403)
        }
    }

    /// Whether `GET /services` with `query` is answered without suspending.
    private func answersAtOnce(_ harness: Harness, _ query: [(name: String, value: String)]) -> Bool {
        var request = Request(method: .get, path: "/mec_service_mgmt/v1/services", query: query)
        request.headers["X-Test-Caller"] = "app:app-z"
        if case .ready = harness.responder.respond(to: request) {
            return true
        }
        return false
    }

    @Test("the producer's list shows only its own services and applies the same filters")
    func applicationList() async throws {
        try await Harness.with { harness in
            let ids = try await registerCatalogue(harness)
            let all = await harness.send(.get, "/applications/app-b/services", as: "app:app-b")
            #expect(all.status == 200)
            #expect(try names(harness, all, ids) == ["rnisB", "wlan"])
            let query = [(name: "ser_name", value: "wlan")]
            let filtered = await harness.send(.get, "/applications/app-b/services", query: query, as: "app:app-b")
            #expect(try names(harness, filtered, ids) == ["wlan"])
            let services = try harness.decode([ServiceInfo].self, filtered)
            let id = ids["wlan"] ?? ""
            #expect(services.first?.links?.selfLink.href == Harness.root + "/applications/app-b/services/\(id)")
        }
    }

    @Test(
        "ser_instance_id, ser_name and ser_category_id are mutually exclusive: two or more are refused with 400",
        arguments: [
            [("ser_instance_id", "a"), ("ser_name", "rnis")],
            [("ser_instance_id", "a"), ("ser_category_id", "rni")],
            [("ser_name", "rnis"), ("ser_category_id", "rni")],
            [("ser_instance_id", "a"), ("ser_name", "rnis"), ("ser_category_id", "rni")],
        ] as [[(String, String)]]
    )
    func mutuallyExclusive(query: [(String, String)]) async throws {
        try await Harness.with { harness in
            let pairs = query.map { (name: $0.0, value: $0.1) }
            #expect(await harness.send(.get, "/services", query: pairs, as: "app:app-z").status == 400)
            let path = "/applications/app-a/services"
            #expect(await harness.send(.get, path, query: pairs).status == 400)
        }
    }

    @Test(
        "a selector that names no service, empty or not, answers an empty list",
        arguments: [
            ("ser_name", ""),
            ("ser_instance_id", ","),
            ("ser_category_id", ""),
            ("ser_category_id", "rni,loc"),
        ]
    )
    func selectorNamingNothing(name: String, value: String) async throws {
        try await Harness.with { harness in
            _ = try await registerCatalogue(harness)
            let response = await harness.send(.get, "/services", query: [(name, value)], as: "app:app-z")
            #expect(response.status == 200)
            #expect(try harness.decode([ServiceInfo].self, response).isEmpty)
        }
    }

    @Test(
        "a filter value outside its type is refused with 400",
        arguments: [
            ("scope_of_locality", "NOWHERE"),
            ("scope_of_locality", "mec_host"),
            ("is_local", "yes"),
            ("consumed_local_only", "1"),
        ]
    )
    func badFilterValue(name: String, value: String) async throws {
        try await Harness.with { harness in
            let response = await harness.send(.get, "/services", query: [(name, value)], as: "app:app-z")
            #expect(response.status == 400)
            #expect(response.headers["Content-Type"] == "application/problem+json")
        }
    }

    @Test("a query URI longer than the configured maximum is refused with 414")
    func uriTooLong() async throws {
        let configuration = ServiceManagementConfiguration(maximumURILength: 200)
        try await Harness.with(configuration: configuration) { harness in
            let long = Array(repeating: "service-name", count: 20).joined(separator: ",")
            let response = await harness.send(.get, "/services", query: [("ser_name", long)], as: "app:app-z")
            #expect(response.status == 414)
            let path = "/applications/app-a/services"
            #expect(await harness.send(.get, path, query: [("ser_name", long)]).status == 414)
            let short = await harness.send(.get, "/services", query: [("ser_name", "rnis")], as: "app:app-z")
            #expect(short.status == 200)
        }
    }
}
