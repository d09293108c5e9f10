import Foundation
import MECHTTP
import MECModel
import MECObservability
import MECSecurity

/// The OAuth 2.0 authorization server of the platform: client credentials grant with mutual-TLS or secret client
/// authentication and certificate-bound JWT access tokens, plus introspection, revocation, JWKS and metadata.
///
/// ```swift
/// var router = Router()
/// authorizationServer.register(in: &router)
/// ```
public struct AuthorizationServer: Sendable {
    /// How long issued tokens are valid, in seconds.
    public let tokenLifetime: Int64
    let tokens: TokenService
    let registry: ClientRegistry
    let revocations: RevocationList
    let authenticator: ClientAuthenticator
    let audit: AuditTrail
    let table: ScopeTable
    let issued: CounterFamily
    let logger: Logger

    /// Creates the server.
    public init(
        tokens: TokenService,
        registry: ClientRegistry,
        revocations: RevocationList,
        certificates: ClientCertificateSource,
        audit: AuditTrail,
        table: ScopeTable,
        tokenLifetime: Int64 = 3600,
        metrics: MetricsRegistry,
        logger: Logger
    ) {
        self.tokens = tokens
        self.registry = registry
        self.revocations = revocations
        self.authenticator = ClientAuthenticator(registry: registry, certificates: certificates)
        self.audit = audit
        self.table = table
        self.tokenLifetime = tokenLifetime
        self.issued = metrics.counter(
            "mec_oauth_tokens_issued_total",
            help: "Access tokens issued, by whether they are certificate-bound.",
            labels: ["bound"]
        )
        self.logger = logger
    }

    /// Adds the token, introspection, revocation, JWKS and metadata routes.
    public func register(in router: inout Router) {
        let form = [MediaType.formURLEncoded]
        router.add(Route(.post, OAuthPaths.token, consumes: form, handler: .async { try await token($0) }))
        router.add(Route(.post, OAuthPaths.introspection, consumes: form, handler: .async { try await introspect($0) }))
        router.add(Route(.post, OAuthPaths.revocation, consumes: form, handler: .async { try await revoke($0) }))
        router.on(.get, OAuthPaths.jwks, produces: [MediaType.json, "application/jwk-set+json"]) { _ in
            var headers = HTTPHeaders()
            headers["Cache-Control"] = "max-age=300"
            return try .json(["keys": [tokens.publicJWK]], headers: headers)
        }
        router.on(.get, OAuthPaths.metadata) { _ in
            try .json(metadata)
        }
    }

    /// The RFC 8414 metadata, with URLs under the host's current base URL.
    public var metadata: AuthorizationServerMetadata {
        let base = tokens.issuer
        let methods = ClientAuthenticationMethod.allCases.map(\.rawValue)
        return AuthorizationServerMetadata(
            issuer: base,
            tokenEndpoint: base + OAuthPaths.token,
            jwksURI: base + OAuthPaths.jwks,
            introspectionEndpoint: base + OAuthPaths.introspection,
            revocationEndpoint: base + OAuthPaths.revocation,
            grantTypesSupported: ["client_credentials"],
            responseTypesSupported: [],
            tokenEndpointAuthMethodsSupported: methods,
            introspectionEndpointAuthMethodsSupported: methods,
            revocationEndpointAuthMethodsSupported: methods,
            scopesSupported: table.knownScopes,
            tlsClientCertificateBoundAccessTokens: true
        )
    }

    /// The MEC 011 `SecurityInfo` of the services the platform offers: the client credentials grant at this token
    /// endpoint.
    public var securityInfo: SecurityInfo {
        SecurityInfo(
            oAuth2Info: OAuth2Info(grantTypes: [.clientCredentials], tokenEndpoint: tokens.issuer + OAuthPaths.token)
        )
    }

    /// Records a failed client authentication or refused request and returns the error answer.
    func refuse(_ error: OAuthError, _ request: Request, _ form: FormBody?) -> Response {
        let kind: AuditEvent.Kind = error.code == "invalid_client" ? .clientAuthenticationFailed : .tokenRequestRefused
        audit.record(
            AuditEvent(
                kind: kind,
                reason: error.code,
                clientId: ClientAuthenticator.claimedClientID(request, form),
                certificateThumbprint: authenticator.certificates.thumbprint(of: request).map(Base64URL.encode),
                method: request.method.rawValue,
                route: request.routeTemplate,
                remoteAddress: request.remoteAddress,
                requestId: request.id
            )
        )
        return error.response(instance: request.path)
    }
}
