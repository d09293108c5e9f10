import Foundation
import MECAuth
import MECHTTP
import MECObservability
import MECSecurity
import MECStore
import Testing

/// Drives the responder with the token check directly, with routes registered by the test.
struct MiddlewareFixture {
    static let base = "https://mec.test"
    let directory: URL
    let store: SQLiteStore
    let tokens: TokenService
    let responder: Responder
    let authority: LocalCertificateAuthority
    let certificate: ClientCertificate
    let otherCertificate: ClientCertificate

    static let table = ScopeTable.standard.adding(
        [
            ScopeRule(.get, "/test/v1/items", "test:v1:items:read"),
            ScopeRule(.post, "/test/v1/items", "test:v1:items:write"),
            ScopeRule(.get, "/test/v1/items/{itemId}", "test:v1:items:read"),
        ],
        publicTemplates: ["/test/open"]
    )

    init(trustedProxies: Set<String> = []) async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("mec-mw-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let logger = Logger(label: "test", level: .critical)
        store = try SQLiteStore(path: directory.appendingPathComponent("mec.sqlite").path, logger: logger)
        authority = try LocalCertificateAuthority.loadOrCreate(directory: directory, logger: logger)
        tokens = TokenService(key: try ECSigningKey.generate(), baseURL: { Self.base })
        let metrics = MetricsRegistry()
        let audit = AuditTrail(store: store, metrics: metrics, logger: logger)
        let middleware = TokenCheckMiddleware(
            tokens: tokens,
            revocations: try await RevocationList.load(store: store),
            table: Self.table,
            certificates: ClientCertificateSource(trustedProxies: trustedProxies, authority: authority.certificate),
            audit: audit,
            metrics: metrics
        )
        var router = Router()
        let echo: @Sendable (Request) throws -> Response = { request in
            let client = request.attributes[AuthenticatedClient.Key.self]
            return try .json(["client": client?.clientId ?? "none", "subject": client?.subject ?? "none"])
        }
        router.on(.get, "/test/v1/items", handler: echo)
        router.add(Route(.post, "/test/v1/items", handler: .immediate(echo)))
        router.on(.get, "/test/v1/items/{itemId}", handler: echo)
        router.on(.get, "/test/unlisted", handler: echo)
        router.on(.get, "/test/open", handler: echo)
        responder = Responder(router: router, middlewares: [RequestIDMiddleware(), middleware], logger: logger)
        certificate = try Self.clientCertificate(authority, "app-1")
        otherCertificate = try Self.clientCertificate(authority, "app-1")
    }

    static func clientCertificate(_ authority: LocalCertificateAuthority, _ name: String) throws -> ClientCertificate {
        let issued = try authority.issue(CertificateRequest(commonName: name, usage: .client))
        return ClientCertificate(
            der: issued.certificateDER, sha256Thumbprint: SHA256.hash(issued.certificateDER), isVerified: true)
    }

    func token(scope: String, bound: ClientCertificate? = nil, lifetime: Int64 = 600) throws -> String {
        let now = Int64(Date().timeIntervalSince1970)
        return try tokens.sign(
            AccessTokenClaims(
                issuer: Self.base, subject: "app-1", audience: Self.base, clientID: "app-1", issuedAt: now,
                expiresAt: now + lifetime, tokenID: UUID().uuidString, scope: scope,
                confirmation: bound.map { .init(certificateThumbprint: Base64URL.encode($0.sha256Thumbprint)) }
            )
        )
    }

    func send(
        _ method: HTTPMethod, _ path: String, token: String?, certificate: ClientCertificate? = nil,
        from address: String = "127.0.0.1", headers extra: HTTPHeaders = HTTPHeaders()
    ) -> Response {
        var headers = extra
        if let token { headers.add("Authorization", "Bearer \(token)") }
        let request = Request(
            method: method, path: path, headers: headers, remoteAddress: address, clientCertificate: certificate)
        switch responder.respond(to: request) {
        case .ready(let response): return response
        case .pending: return Response(status: 599)
        }
    }

    func close() async {
        await store.close()
        try? FileManager.default.removeItem(at: directory)
    }
}

@Suite("Token check middleware on routes a test registers")
struct TokenCheckMiddlewareTests {
    @Test("A granting scope passes and the handler sees the authenticated client")
    func grantedScopePasses() async throws {
        let fixture = try await MiddlewareFixture()
        for scope in ["test:v1:items:read", "test:v1:all", MECScope.operator, "other test:v1:items:read"] {
            let response = fixture.send(.get, "/test/v1/items/7", token: try fixture.token(scope: scope))
            #expect(response.status == 200, "scope \(scope)")
            #expect(String(decoding: response.bodyData, as: UTF8.self).contains(#""client":"app-1""#))
        }
        await fixture.close()
    }

    @Test("A token without a granting scope gets 403 insufficient_scope naming the scopes that would do")
    func insufficientScope() async throws {
        let fixture = try await MiddlewareFixture()
        let token = try fixture.token(scope: "test:v1:items:read mec_app_support:v1:all")
        let response = fixture.send(.post, "/test/v1/items", token: token)
        #expect(response.status == 403)
        let challenge = response.headers["WWW-Authenticate"] ?? ""
        #expect(challenge.contains(#"error="insufficient_scope""#))
        #expect(challenge.contains("test:v1:items:write"))
        await fixture.close()
    }

    @Test("A protected route missing from the scope table is refused even to an operator")
    func unlistedRouteIsRefused() async throws {
        let fixture = try await MiddlewareFixture()
        let response = fixture.send(.get, "/test/unlisted", token: try fixture.token(scope: MECScope.operator))
        #expect(response.status == 403)
        #expect(fixture.send(.get, "/test/unlisted", token: nil).status == 401)
        await fixture.close()
    }

    @Test("Public routes need no token; unknown paths get 404 and other methods 405 only after authentication")
    func publicAndUnknown() async throws {
        let fixture = try await MiddlewareFixture()
        #expect(fixture.send(.get, "/test/open", token: nil).status == 200)
        #expect(fixture.send(.get, "/nothing/here", token: nil).status == 404)
        #expect(fixture.send(.delete, "/test/v1/items", token: nil).status == 401)
        #expect(fixture.send(.delete, "/test/v1/items", token: try fixture.token(scope: "test:v1:all")).status == 405)
        await fixture.close()
    }

    @Test("Missing, doubled, malformed and expired credentials get 401")
    func badCredentials() async throws {
        let fixture = try await MiddlewareFixture()
        let token = try fixture.token(scope: "test:v1:all")
        let missing = fixture.send(.get, "/test/v1/items", token: nil)
        #expect(missing.status == 401)
        #expect(missing.headers["WWW-Authenticate"] == #"Bearer realm="mec""#)
        let doubled = fixture.send(.get, "/test/v1/items", token: token, headers: ["Authorization": "Bearer \(token)"])
        #expect(doubled.status == 401)
        let basic = fixture.send(.get, "/test/v1/items", token: nil, headers: ["Authorization": "Basic YTpi"])
        #expect(basic.status == 401)
        let expired = fixture.send(.get, "/test/v1/items", token: try fixture.token(scope: "test:v1:all", lifetime: -1))
        #expect(expired.status == 401)
        #expect(expired.headers["WWW-Authenticate"]?.contains(#"error="invalid_token""#) == true)
        await fixture.close()
    }

    @Test("A client-sent Client-Cert header is ignored unless it comes from a trusted proxy")
    func forwardedCertificates() async throws {
        let plain = try await MiddlewareFixture()
        let token = try plain.token(scope: "test:v1:all", bound: plain.certificate)
        let header: HTTPHeaders = ["Client-Cert": ":\(plain.certificate.der.base64EncodedString()):"]
        #expect(plain.send(.get, "/test/v1/items", token: token, headers: header).status == 401)
        #expect(plain.send(.get, "/test/v1/items", token: token, certificate: plain.certificate).status == 200)
        await plain.close()

        let proxied = try await MiddlewareFixture(trustedProxies: ["10.0.0.5"])
        let bound = try proxied.token(scope: "test:v1:all", bound: proxied.certificate)
        let forwarded: HTTPHeaders = ["Client-Cert": ":\(proxied.certificate.der.base64EncodedString()):"]
        #expect(proxied.send(.get, "/test/v1/items", token: bound, from: "10.0.0.5", headers: forwarded).status == 200)
        #expect(proxied.send(.get, "/test/v1/items", token: bound, from: "10.0.0.6", headers: forwarded).status == 401)
        let other: HTTPHeaders = ["Client-Cert": ":\(proxied.otherCertificate.der.base64EncodedString()):"]
        #expect(proxied.send(.get, "/test/v1/items", token: bound, from: "10.0.0.5", headers: other).status == 401)
        await proxied.close()
    }
}
