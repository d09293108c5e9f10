/// Parameters for using OAuth 2.0 to reach a MEC service (GS MEC 011 `OAuth2Info`).
public struct OAuth2Info: Codable, Hashable, Sendable {
    /// An OAuth 2.0 grant type as MEC 011 names it.
    public enum GrantType: String, Codable, Hashable, Sendable {
        /// Authorization code grant.
        case authorizationCode = "OAUTH2_AUTHORIZATION_CODE"
        /// Implicit grant.
        case implicitGrant = "OAUTH2_IMPLICIT_GRANT"
        /// Resource owner password credentials grant.
        case resourceOwner = "OAUTH2_RESOURCE_OWNER"
        /// Client credentials grant, the only one MEC 011 supports.
        case clientCredentials = "OAUTH2_CLIENT_CREDENTIALS"
    }

    /// The supported grant types.
    public var grantTypes: [GrantType]
    /// The token endpoint URL; present unless the grant type is the implicit grant.
    public var tokenEndpoint: String?

    /// Creates the value.
    public init(grantTypes: [GrantType], tokenEndpoint: String?) {
        self.grantTypes = grantTypes
        self.tokenEndpoint = tokenEndpoint
    }
}
