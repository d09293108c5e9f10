import Foundation

/// One security decision worth keeping: a failed authentication or authorization, or a token issued or revoked.
///
/// Stored in the collection `audit-events`, indexed by `kind` and `clientId`, for security monitoring to read. It
/// never holds a token, secret or key.
public struct AuditEvent: Codable, Hashable, Sendable {
    /// What happened.
    public enum Kind: String, Codable, Hashable, Sendable, CaseIterable {
        /// An access token was issued.
        case tokenIssued = "token_issued"
        /// An access token was revoked.
        case tokenRevoked = "token_revoked"
        /// A client failed to authenticate at the token, introspection or revocation endpoint.
        case clientAuthenticationFailed = "client_authentication_failed"
        /// A token request was refused after the client authenticated (grant type, scope).
        case tokenRequestRefused = "token_request_refused"
        /// A request to a protected route carried no acceptable token (401).
        case tokenRejected = "token_rejected"
        /// A valid token did not grant the route and method (403).
        case accessDenied = "access_denied"
    }

    /// A unique identifier.
    public var id: String
    /// When it happened.
    public var time: Date
    /// What happened.
    public var kind: Kind
    /// The client, when known (the claimed one for failed authentications).
    public var clientId: String?
    /// The base64url SHA-256 thumbprint of the client certificate on the connection, if any.
    public var certificateThumbprint: String?
    /// The request method.
    public var method: String?
    /// The route template, or the path when no route matched.
    public var route: String?
    /// Why, as a short stable code such as `token_expired` or `insufficient_scope`.
    public var reason: String
    /// The `jti` of the token concerned, if any.
    public var tokenId: String?
    /// The peer address.
    public var remoteAddress: String?
    /// The request identifier, to find the access log line.
    public var requestId: String?

    /// Creates an event with a new identifier and the current time.
    public init(
        kind: Kind,
        reason: String,
        clientId: String? = nil,
        certificateThumbprint: String? = nil,
        method: String? = nil,
        route: String? = nil,
        tokenId: String? = nil,
        remoteAddress: String? = nil,
        requestId: String? = nil,
        time: Date = Date()
    ) {
        self.id = UUID().uuidString.lowercased()
        self.time = time
        self.kind = kind
        self.clientId = clientId
        self.certificateThumbprint = certificateThumbprint
        self.method = method
        self.route = route
        self.reason = reason
        self.tokenId = tokenId
        self.remoteAddress = remoteAddress
        self.requestId = requestId
    }
}
