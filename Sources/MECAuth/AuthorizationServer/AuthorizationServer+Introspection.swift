import Foundation
import MECHTTP
import MECSecurity

extension AuthorizationServer {
    /// The answer of RFC 7662 section 2.2; only `active` when the token is not active.
    struct IntrospectionResponse: Encodable {
        var active: Bool
        var scope: String?
        var clientId: String?
        var tokenType: String?
        var exp: Int64?
        var iat: Int64?
        var sub: String?
        var aud: String?
        var iss: String?
        var jti: String?
        var cnf: AccessTokenClaims.Confirmation?

        enum CodingKeys: String, CodingKey {
            case active, scope
            case clientId = "client_id"
            case tokenType = "token_type"
            case exp, iat, sub, aud, iss, jti, cnf
        }
    }

    /// `POST /oauth2/introspect`: for authenticated clients, about their own tokens (operators: any token).
    func introspect(_ request: Request) async throws -> Response {
        let form: FormBody
        let caller: ClientAuthenticator.Caller
        switch await authenticatedForm(request) {
        case .refused(let response): return response
        case .client(let body, let client): (form, caller) = (body, client)
        }
        guard let token = form.single("token").text else {
            return refuse(.invalidRequest("token is missing."), request, form)
        }
        var answer = IntrospectionResponse(active: false)
        if let claims = activeClaims(token), mayManage(caller.client, claims) {
            answer = IntrospectionResponse(
                active: true,
                scope: claims.scope,
                clientId: claims.clientID,
                tokenType: "Bearer",
                exp: claims.expiresAt,
                iat: claims.issuedAt,
                sub: claims.subject,
                aud: claims.audience,
                iss: claims.issuer,
                jti: claims.tokenID,
                cnf: claims.confirmation
            )
        }
        var headers = HTTPHeaders()
        headers["Cache-Control"] = "no-store"
        return try .json(answer, headers: headers)
    }

    /// `POST /oauth2/revoke`: 200 whether or not the token was known, as RFC 7009 says.
    func revoke(_ request: Request) async throws -> Response {
        let form: FormBody
        let caller: ClientAuthenticator.Caller
        switch await authenticatedForm(request) {
        case .refused(let response): return response
        case .client(let body, let client): (form, caller) = (body, client)
        }
        guard let token = form.single("token").text else {
            return refuse(.invalidRequest("token is missing."), request, form)
        }
        if let claims = activeClaims(token), mayManage(caller.client, claims) {
            try await revocations.revoke(
                tokenId: claims.tokenID, clientId: claims.clientID, expiresAt: claims.expiresAt)
            audit.record(
                AuditEvent(
                    kind: .tokenRevoked,
                    reason: "revocation_request",
                    clientId: claims.clientID,
                    certificateThumbprint: caller.certificate.map { Base64URL.encode($0.sha256Thumbprint) },
                    method: request.method.rawValue,
                    route: request.routeTemplate,
                    tokenId: claims.tokenID,
                    remoteAddress: request.remoteAddress,
                    requestId: request.id
                )
            )
            logger.info("access token revoked", ["client_id": claims.clientID, "jti": claims.tokenID])
        }
        var headers = HTTPHeaders()
        headers["Cache-Control"] = "no-store"
        return Response(status: 200, headers: headers)
    }

    /// The claims of a token this server issued that is current and not revoked.
    private func activeClaims(_ token: String) -> AccessTokenClaims? {
        guard let verified = try? tokens.verify(token) else { return nil }
        let claims = verified.claims
        let now = Int64(Date().timeIntervalSince1970)
        guard TokenService.isCurrent(claims, now: now), !revocations.isRevoked(claims.tokenID) else { return nil }
        return claims
    }

    private func mayManage(_ client: OAuthClient, _ claims: AccessTokenClaims) -> Bool {
        client.clientId == claims.clientID || client.scopes.contains(MECScope.operator)
    }
}
