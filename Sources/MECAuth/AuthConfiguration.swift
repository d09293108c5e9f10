/// Settings of the authorization server and the token check, with defaults.
public struct AuthConfiguration: Sendable {
    /// Seconds an issued access token is valid. Default 3600.
    public var tokenLifetimeSeconds: Int64 = 3600
    /// Peer addresses of TLS-terminating proxies whose RFC 9440 `Client-Cert` header is believed. Default none: only
    /// the certificate on the connection this server terminates counts.
    public var trustedProxies: Set<String> = []
    /// Which routes are public and which scopes the others need. Default ``ScopeTable/standard``.
    public var scopeTable: ScopeTable = .standard
    /// The most audit events waiting to be written before new ones are dropped and counted. Default 10000.
    public var auditQueueCapacity = 10_000

    /// The defaults.
    public init() {}
}
