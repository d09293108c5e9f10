import Foundation
import MECHTTP
import MECObservability
import MECSecurity
import MECStore

/// Everything the host needs for OAuth 2.0: the authorization server routes, the token check middleware, and the
/// audit trail whose writer runs for the life of the host.
///
/// ```swift
/// let auth = try await AuthorizationService.make(store: store, dataDirectory: dir, authority: ca.certificate,
///                                                baseURL: { url }, metrics: metrics, logger: logger)
/// auth.server.register(in: &router)
/// middlewares.append(auth.middleware)
/// ```
public struct AuthorizationService: Sendable {
    /// Signs and verifies access tokens.
    public let tokens: TokenService
    /// The registered clients.
    public let registry: ClientRegistry
    /// Revoked tokens.
    public let revocations: RevocationList
    /// The audit trail; its ``AuditTrail/run()`` must run while the host serves.
    public let audit: AuditTrail
    /// The authorization server endpoints.
    public let server: AuthorizationServer
    /// The check in front of every protected route.
    public let middleware: TokenCheckMiddleware

    /// Loads the signing key and the revocations and assembles the parts.
    ///
    /// - Parameters:
    ///   - authority: the local CA certificate, which certificates forwarded by a trusted proxy must chain to.
    ///   - baseURL: the host's `https://host:port`, valid once the server listens.
    public static func make(
        configuration: AuthConfiguration = AuthConfiguration(),
        store: any Store,
        dataDirectory: URL,
        authority: CertificateInfo,
        baseURL: @escaping @Sendable () -> String,
        metrics: MetricsRegistry,
        logger: Logger
    ) async throws -> AuthorizationService {
        let tokens = try TokenService.load(dataDirectory: dataDirectory, baseURL: baseURL, logger: logger)
        let revocations = try await RevocationList.load(store: store)
        let audit = AuditTrail(
            store: store,
            capacity: configuration.auditQueueCapacity,
            metrics: metrics,
            logger: logger.child(label: "mec.audit")
        )
        let certificates = ClientCertificateSource(trustedProxies: configuration.trustedProxies, authority: authority)
        let registry = ClientRegistry(store: store)
        if !configuration.trustedProxies.isEmpty {
            logger.notice(
                "client certificates are taken from the Client-Cert header of trusted proxies",
                ["proxies": configuration.trustedProxies.sorted().joined(separator: ",")]
            )
        }
        return AuthorizationService(
            tokens: tokens,
            registry: registry,
            revocations: revocations,
            audit: audit,
            server: AuthorizationServer(
                tokens: tokens,
                registry: registry,
                revocations: revocations,
                certificates: certificates,
                audit: audit,
                table: configuration.scopeTable,
                tokenLifetime: configuration.tokenLifetimeSeconds,
                metrics: metrics,
                logger: logger.child(label: "mec.oauth")
            ),
            middleware: TokenCheckMiddleware(
                tokens: tokens,
                revocations: revocations,
                table: configuration.scopeTable,
                certificates: certificates,
                audit: audit,
                metrics: metrics
            )
        )
    }
}
