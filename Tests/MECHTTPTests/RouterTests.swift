import Testing

@testable import MECHTTP

@Suite("Router")
struct RouterTests {
    static func router() -> Router {
        var router = Router()
        let ok: @Sendable (Request) throws -> Response = { _ in Response(status: 200) }
        router.on(.get, "/mec_service_mgmt/v1/services", handler: ok)
        router.on(.post, "/mec_service_mgmt/v1/services", handler: ok)
        router.on(.get, "/mec_service_mgmt/v1/services/{serviceId}", handler: ok)
        router.on(.put, "/mec_service_mgmt/v1/services/{serviceId}", handler: ok)
        router.on(.get, "/mec_service_mgmt/v1/services/transports", handler: ok)
        router.on(.get, "/mec_app_support/v1/applications/{appInstanceId}/dns_rules/{dnsRuleId}", handler: ok)
        router.on(.get, "/", handler: ok)
        return router
    }

    @Test(
        "a literal path matches its route",
        arguments: [
            ("/mec_service_mgmt/v1/services", "/mec_service_mgmt/v1/services"),
            ("/mec_service_mgmt/v1/services/", "/mec_service_mgmt/v1/services"),
            ("/", "/"),
        ])
    func literalMatch(path: String, template: String) throws {
        guard case .found(let route, let parameters) = Self.router().match(.get, path) else {
            Issue.record("no match for \(path)")
            return
        }
        #expect(route.template == template)
        #expect(parameters.isEmpty)
    }

    @Test("template segments bind path parameters")
    func parameters() {
        let match = Self.router().match(.get, "/mec_app_support/v1/applications/app-1/dns_rules/rule-9")
        guard case .found(let route, let parameters) = match else {
            Issue.record("no match")
            return
        }
        #expect(route.template == "/mec_app_support/v1/applications/{appInstanceId}/dns_rules/{dnsRuleId}")
        #expect(parameters == ["appInstanceId": "app-1", "dnsRuleId": "rule-9"])
    }

    @Test("a literal segment wins over a parameter")
    func literalWins() {
        guard
            case .found(let route, let parameters) = Self.router().match(
                .get, "/mec_service_mgmt/v1/services/transports")
        else {
            Issue.record("no match")
            return
        }
        #expect(route.template == "/mec_service_mgmt/v1/services/transports")
        #expect(parameters.isEmpty)
    }

    @Test("a known path with another method lists the allowed methods")
    func methodNotAllowed() {
        guard
            case .methodNotAllowed(let template, let allowed) = Self.router().match(
                .delete, "/mec_service_mgmt/v1/services/x")
        else {
            Issue.record("expected methodNotAllowed")
            return
        }
        #expect(allowed == [.get, .put])
        #expect(template == "/mec_service_mgmt/v1/services/{serviceId}")
    }

    @Test(
        "unknown paths do not match",
        arguments: [
            "/nothing", "/mec_service_mgmt/v1", "/mec_service_mgmt/v1/services/a/b", "/mec_service_mgmt/v1/services//",
            "//",
        ])
    func notFound(path: String) {
        guard case .notFound = Self.router().match(.get, path) else {
            Issue.record("\(path) should not match")
            return
        }
    }

    @Test("HEAD is answered by the GET route")
    func headFallsBackToGet() {
        guard case .found(let route, _) = Self.router().match(.head, "/mec_service_mgmt/v1/services") else {
            Issue.record("no match")
            return
        }
        #expect(route.method == .get)
    }

    @Test("a copied router can grow without changing the original")
    func copyOnWrite() {
        let original = Self.router()
        var copy = original
        copy.on(.get, "/extra") { _ in Response(status: 200) }
        guard case .notFound = original.match(.get, "/extra") else {
            Issue.record("original router changed")
            return
        }
        guard case .found = copy.match(.get, "/extra") else {
            Issue.record("copy lacks the new route")
            return
        }
    }
}
