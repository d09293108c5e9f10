import Foundation
import MECHTTP

/// The client a request was authenticated as, attached by ``TokenCheckMiddleware`` for handlers to read.
///
/// ```swift
/// guard let client = request.attributes[AuthenticatedClient.Key.self],
///     client.subject == appInstanceId || client.scopes.contains(MECScope.operator)
/// else { throw HTTPError.forbidden("An application instance reaches only its own resources.") }
/// ```
public struct AuthenticatedClient: Hashable, Sendable {
    /// The request attribute key.
    public enum Key: RequestAttributeKey {
        /// The attached value.
        public typealias Value = AuthenticatedClient
    }

    /// The OAuth 2.0 client identifier.
    public let clientId: String
    /// The token subject; for MEC application instances, the appInstanceId.
    public let subject: String
    /// The scopes the token grants.
    public let scopes: Set<String>
    /// The base64url SHA-256 thumbprint of the certificate the token is bound to, if it is bound.
    public let certificateThumbprint: String?
    /// The token's `jti`.
    public let tokenId: String

    /// Creates a value; the middleware does this.
    public init(clientId: String, subject: String, scopes: Set<String>, certificateThumbprint: String?, tokenId: String)
    {
        self.clientId = clientId
        self.subject = subject
        self.scopes = scopes
        self.certificateThumbprint = certificateThumbprint
        self.tokenId = tokenId
    }

    /// Whether the client may act for `appInstanceId`: it is that instance, or an operator.
    public func mayActFor(appInstanceId: String) -> Bool {
        subject == appInstanceId || scopes.contains(MECScope.operator)
    }
}
