import Foundation
import MECAuth
import MECHTTP
import MECSecurity
import MECStore
import Testing

@Suite("Certificate-bound tokens over mutual TLS", .serialized)
struct CertificateBoundTokenTests {
    static let route = "/mec_app_support/v1/timing/current_time"
    static let scopes = [MECScope.all(api: MECScope.appSupport)]

    @Test("The token's and introspection's x5t#S256 equal the thumbprint of the client certificate")
    func thumbprintMatchesCertificate() async throws {
        let host = try await TestHost()
        defer { host.remove() }
        let app = try host.issue("app-1")
        try await host.register("app-1", app, scopes: Self.scopes)
        let token = try await host.token("app-1", with: app)
        let expected = try opensslThumbprint(app.certificate)
        let cnf = try #require(try JSON.claims(token)["cnf"] as? [String: Any])
        #expect(cnf["x5t#S256"] as? String == expected)
        #expect(expected == app.info.thumbprintBase64URL)

        let introspection = try await host.post(OAuthPaths.introspection, "client_id=app-1&token=\(token)", with: app)
        #expect(introspection.status == 200)
        let body = try JSON.object(introspection.body)
        #expect(body["active"] as? Bool == true)
        #expect((body["cnf"] as? [String: Any])?["x5t#S256"] as? String == expected)
        #expect(body["client_id"] as? String == "app-1")

        let header = try #require(token.split(separator: ".").first)
        let headerJSON = try #require(Base64URL.decode(String(header)))
        let parsed = try JSON.object(headerJSON)
        #expect(parsed["alg"] as? String == "ES256")
        #expect(parsed["typ"] as? String == "at+jwt")
        #expect(try await host.call("GET", Self.route, token: token, with: app).status == 200)
        await host.stop()
    }

    @Test("A client that needs a certificate gets invalid_client without one, or with someone else's")
    func certificateRequiredAtTokenEndpoint() async throws {
        let host = try await TestHost()
        defer { host.remove() }
        let app = try host.issue("app-1")
        let other = try host.issue("app-2")
        try await host.register("app-1", app, scopes: Self.scopes)
        for files in [nil, other] {
            let response = try await host.requestToken("app-1", with: files)
            #expect(response.status == 401)
            #expect(try JSON.object(response.body)["error"] as? String == "invalid_client")
        }
        await host.stop()
    }

    @Test("A bound token fails with another certificate, another key for the same subject, or none")
    func boundTokenNeedsItsCertificate() async throws {
        let host = try await TestHost()
        defer { host.remove() }
        let app = try host.issue("app-1")
        let sameSubject = try host.issue("app-1", file: "second-key")
        let other = try host.issue("app-2")
        let selfSigned = try host.selfSigned("app-1")
        try await host.register("app-1", app, scopes: Self.scopes)
        let token = try await host.token("app-1", with: app)
        #expect(sameSubject.info.subject == app.info.subject)
        for files in [sameSubject, other, selfSigned, nil] as [ClientFiles?] {
            let response = try await host.call("GET", Self.route, token: token, with: files)
            #expect(response.status == 401)
            #expect(response.headers["WWW-Authenticate"]?.contains(#"error="invalid_token""#) == true)
        }
        #expect(try await host.call("GET", Self.route, token: token, with: app).status == 200)
        await host.stop()
    }

    @Test("Expired, tampered, alg none, HMAC, foreign-key and revoked tokens fail")
    func badTokensFail() async throws {
        let host = try await TestHost()
        defer { host.remove() }
        let app = try host.issue("app-1")
        try await host.register("app-1", app, scopes: Self.scopes)
        let token = try await host.token("app-1", with: app)
        let claims = try AccessTokenClaims.decode(
            try #require(Base64URL.decode(String(token.split(separator: ".")[1]))))
        var expired = claims
        expired.issuedAt -= 7200
        expired.expiresAt = Int64(Date().timeIntervalSince1970) - 1
        let foreign = TokenService(key: try ECSigningKey.generate(), baseURL: { host.url })
        var escalated = claims
        escalated.scope = MECScope.operator
        let parts = token.split(separator: ".").map(String.init)
        let none = Base64URL.encode(Data(#"{"alg":"none","typ":"at+jwt"}"#.utf8)) + "." + parts[1] + "."
        let hmac = Base64URL.encode(Data(#"{"alg":"HS256","typ":"at+jwt"}"#.utf8)) + "." + parts[1] + "." + parts[2]
        let bad = [
            try host.auth.tokens.sign(expired),
            parts[0] + "." + Base64URL.encode(try escalated.encoded()) + "." + parts[2],
            none, hmac,
            try foreign.sign(claims),
            "not-a-token",
        ]
        for candidate in bad {
            let response = try await host.call("GET", Self.route, token: candidate, with: app)
            #expect(response.status == 401)
        }
        let missing = try await host.call("GET", Self.route, token: nil, with: app)
        #expect(missing.status == 401)
        #expect(missing.headers["WWW-Authenticate"] == #"Bearer realm="mec""#)

        #expect(try await host.post(OAuthPaths.revocation, "client_id=app-1&token=\(token)", with: app).status == 200)
        #expect(try await host.call("GET", Self.route, token: token, with: app).status == 401)
        let introspection = try await host.post(OAuthPaths.introspection, "client_id=app-1&token=\(token)", with: app)
        #expect(try JSON.object(introspection.body)["active"] as? Bool == false)
        #expect(try await host.post(OAuthPaths.revocation, "client_id=app-1&token=unknown", with: app).status == 200)
        await host.stop()
    }

    @Test("A revocation survives a restart of the host")
    func revocationSurvivesRestart() async throws {
        let host = try await TestHost()
        defer { host.remove() }
        let app = try host.issue("app-1")
        try await host.register("app-1", app, scopes: Self.scopes)
        let token = try await host.token("app-1", with: app)
        let kept = try await host.token("app-1", with: app)
        #expect(try await host.post(OAuthPaths.revocation, "client_id=app-1&token=\(token)", with: app).status == 200)
        await host.stop()
        let portText = host.url.split(separator: ":").last.map(String.init) ?? ""
        let port = try #require(Int(portText))
        let again = try await TestHost(directory: host.directory, port: port)
        #expect(again.url == host.url)
        #expect(try await again.call("GET", Self.route, token: token, with: app).status == 401)
        #expect(try await again.call("GET", Self.route, token: kept, with: app).status == 200)
        await again.stop()
    }

    @Test("A self-signed certificate registered by thumbprint gets bound tokens")
    func selfSignedClient() async throws {
        let host = try await TestHost()
        defer { host.remove() }
        let app = try host.selfSigned("edge-tool")
        try await host.register("edge-tool", app, scopes: Self.scopes)
        let client = try #require(try await host.auth.registry.client(id: "edge-tool"))
        #expect(client.authenticationMethod == .selfSignedTLSClientAuth)
        let token = try await host.token("edge-tool", with: app)
        let cnf = try #require(try JSON.claims(token)["cnf"] as? [String: Any])
        #expect(cnf["x5t#S256"] as? String == (try opensslThumbprint(app.certificate)))
        #expect(try await host.call("GET", Self.route, token: token, with: app).status == 200)
        #expect(try await host.requestToken("edge-tool", with: try host.selfSigned("edge-tool-2")).status == 401)
        await host.stop()
    }

    @Test("A secret client authenticates with HTTP Basic; a wrong secret gets invalid_client with a challenge")
    func secretClient() async throws {
        let host = try await TestHost()
        defer { host.remove() }
        let (client, secret) = try ClientRegistry.secretClient(id: "ops", scopes: Self.scopes)
        #expect(client.secretHash?.contains(secret) == false)
        try await host.auth.registry.add(client)
        func basic(_ secret: String) -> HTTPHeaders {
            ["Authorization": "Basic " + Data("ops:\(secret)".utf8).base64EncodedString()]
        }
        let good = try await host.post(
            OAuthPaths.token, "grant_type=client_credentials", with: nil, headers: basic(secret))
        #expect(good.status == 200)
        let token = try #require(try JSON.object(good.body)["access_token"] as? String)
        #expect(try JSON.claims(token)["cnf"] == nil)
        #expect(try await host.call("GET", Self.route, token: token, with: nil).status == 200)
        let bad = try await host.post(OAuthPaths.token, "grant_type=client_credentials", with: nil, headers: basic("x"))
        #expect(bad.status == 401)
        #expect(bad.headers["WWW-Authenticate"]?.hasPrefix("Basic") == true)
        let grant = try await host.post(OAuthPaths.token, "grant_type=password", with: nil, headers: basic(secret))
        #expect(try JSON.object(grant.body)["error"] as? String == "unsupported_grant_type")
        await host.stop()
    }

    @Test("The metadata names the token endpoint, the JWKS verifies issued tokens, and secrets are never stored")
    func metadataAndJWKS() async throws {
        let host = try await TestHost()
        defer { host.remove() }
        let plain = host.client(nil)
        let metadata = try JSON.object(
            try await plain.execute(HTTPClientRequest(url: host.url + OAuthPaths.metadata)).body)
        #expect(metadata["issuer"] as? String == host.url)
        #expect(metadata["token_endpoint"] as? String == host.url + OAuthPaths.token)
        #expect(metadata["tls_client_certificate_bound_access_tokens"] as? Bool == true)
        #expect(metadata["grant_types_supported"] as? [String] == ["client_credentials"])
        let jwks = try await plain.execute(HTTPClientRequest(url: try #require(metadata["jwks_uri"] as? String)))
        let keys = try JSONDecoder().decode([String: [JSONWebKey]].self, from: jwks.body)
        let key = try ECVerifyingKey(jwk: try #require(keys["keys"]?.first))
        let app = try host.issue("app-1")
        try await host.register("app-1", app, scopes: Self.scopes)
        let token = try await host.token("app-1", with: app)
        #expect(throws: Never.self) { try JSONWebSignature.verify(token, type: "at+jwt", key: key) }
        let info = host.auth.server.securityInfo.oAuth2Info
        #expect(info?.grantTypes == [.clientCredentials])
        #expect(info?.tokenEndpoint == host.url + OAuthPaths.token)
        await host.stop()
    }

    @Test("Failed checks and issued or revoked tokens reach the audit trail")
    func auditTrail() async throws {
        let host = try await TestHost()
        defer { host.remove() }
        let app = try host.issue("app-1")
        let other = try host.issue("app-2")
        try await host.register("app-1", app, scopes: Self.scopes)
        let token = try await host.token("app-1", with: app)
        _ = try await host.call("GET", Self.route, token: token, with: other)
        _ = try await host.requestToken("app-1", with: nil)
        _ = try await host.post(OAuthPaths.revocation, "client_id=app-1&token=\(token)", with: app)
        let store = try SQLiteStore(
            path: host.dataDirectory.appendingPathComponent("mec.sqlite").path, logger: .init(label: "t"))
        var events: [AuditEvent] = []
        for _ in 0..<50 {
            events = try await store.list(AuditTrail.collection).map { try $0.decode(AuditEvent.self) }
            if events.count >= 4 { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        await store.close()
        let kinds = Set(events.map(\.kind))
        #expect(kinds == [.tokenIssued, .tokenRejected, .clientAuthenticationFailed, .tokenRevoked])
        let rejected = try #require(events.first { $0.kind == .tokenRejected })
        #expect(rejected.reason == TokenRejection.certificateMismatch.rawValue)
        #expect(rejected.route == Self.route)
        #expect(rejected.certificateThumbprint == other.info.thumbprintBase64URL)
        let failed = try #require(events.first { $0.kind == .clientAuthenticationFailed })
        #expect(failed.clientId == "app-1")
        for event in events {
            let encoded = String(decoding: try DocumentCoding.encode(event), as: UTF8.self)
            #expect(!encoded.contains(token))
        }
        await host.stop()
    }

    @Test("TLS 1.0 and 1.1 handshakes fail while TLS 1.2 succeeds")
    func oldProtocolsFail() async throws {
        let host = try await TestHost()
        defer { host.remove() }
        let address = host.url.replacingOccurrences(of: "https://localhost", with: "127.0.0.1")
        for (flag, expectSuccess) in [("-tls1", false), ("-tls1_1", false), ("-tls1_2", true)] {
            let result = try run(
                "/usr/bin/openssl",
                ["s_client", flag, "-cipher", "DEFAULT:@SECLEVEL=0", "-connect", address, "-CAfile", host.caFile],
                input: Data("Q\n".utf8)
            )
            let text = String(decoding: result.output, as: UTF8.self)
            let negotiated = text.contains("Cipher is") && !text.contains("Cipher is (NONE)")
            #expect(negotiated == expectSuccess, "openssl s_client \(flag)")
        }
        await host.stop()
    }
}
