import Foundation
import MECHTTP
import MECSecurity

extension AuthorizationServer {
    /// The token answer of RFC 6749 section 5.1.
    struct TokenResponse: Encodable {
        let accessToken: String
        let tokenType = "Bearer"
        let expiresIn: Int64
        let scope: String

        enum CodingKeys: String, CodingKey {
            case accessToken = "access_token"
            case tokenType = "token_type"
            case expiresIn = "expires_in"
            case scope
        }
    }

    /// `POST /oauth2/token`: the client credentials grant.
    func token(_ request: Request) async throws -> Response {
        let form: FormBody
        let caller: ClientAuthenticator.Caller
        switch await authenticatedForm(request) {
        case .refused(let response): return response
        case .client(let body, let client): (form, caller) = (body, client)
        }
        let scopes: [String]
        do {
            try Self.checkGrantType(form)
            scopes = try Self.grantedScopes(form, caller.client)
        } catch {
            return refuse(error, request, form)
        }
        let now = Int64(Date().timeIntervalSince1970)
        let thumbprint = caller.certificate.map { Base64URL.encode($0.sha256Thumbprint) }
        let claims = AccessTokenClaims(
            issuer: tokens.issuer,
            subject: caller.client.clientId,
            audience: tokens.issuer,
            clientID: caller.client.clientId,
            issuedAt: now,
            expiresAt: now + tokenLifetime,
            tokenID: UUID().uuidString.lowercased(),
            scope: scopes.joined(separator: " "),
            confirmation: thumbprint.map(AccessTokenClaims.Confirmation.init(certificateThumbprint:))
        )
        let accessToken = try tokens.sign(claims)
        issued.increment([thumbprint == nil ? "false" : "true"])
        audit.record(
            AuditEvent(
                kind: .tokenIssued,
                reason: "client_credentials",
                clientId: caller.client.clientId,
                certificateThumbprint: thumbprint,
                method: request.method.rawValue,
                route: request.routeTemplate,
                tokenId: claims.tokenID,
                remoteAddress: request.remoteAddress,
                requestId: request.id
            )
        )
        var headers = HTTPHeaders()
        headers["Cache-Control"] = "no-store"
        headers["Pragma"] = "no-cache"
        let body = TokenResponse(accessToken: accessToken, expiresIn: tokenLifetime, scope: claims.scope)
        return try .json(body, headers: headers)
    }

    private static func checkGrantType(_ form: FormBody) throws(OAuthError) {
        switch form.single("grant_type") {
        case .absent: throw .invalidRequest("grant_type is missing.")
        case .repeated: throw .invalidRequest("grant_type appears more than once.")
        case .present(let value):
            guard value == "client_credentials" else { throw .unsupportedGrantType() }
        }
    }

    /// The requested scopes when the client may have all of them; every registered scope when none is requested.
    private static func grantedScopes(_ form: FormBody, _ client: OAuthClient) throws(OAuthError) -> [String] {
        switch form.single("scope") {
        case .absent:
            return client.scopes
        case .repeated:
            throw .invalidRequest("scope appears more than once.")
        case .present(let value):
            var requested: [String] = []
            for scope in value.split(separator: " ").map(String.init) where !requested.contains(scope) {
                requested.append(scope)
            }
            guard !requested.isEmpty else { throw .invalidScope("The scope parameter is empty.") }
            guard requested.allSatisfy(client.scopes.contains) else {
                throw .invalidScope("The client may not be granted every requested scope.")
            }
            return requested
        }
    }
}
