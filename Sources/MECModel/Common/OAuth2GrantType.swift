/// An OAuth 2.0 grant type a transport supports (`OAuth2Info.grantTypes`).
///
/// Closed: the permitted values are listed in the description of `grantTypes`.
public enum OAuth2GrantType: String, SpecEnumeration {
    /// The authorization code grant.
    case authorizationCode = "OAUTH2_AUTHORIZATION_CODE"
    /// The implicit grant.
    case implicitGrant = "OAUTH2_IMPLICIT_GRANT"
    /// The resource owner password credentials grant.
    case resourceOwner = "OAUTH2_RESOURCE_OWNER"
    /// The client credentials grant, the only one the specification supports.
    case clientCredentials = "OAUTH2_CLIENT_CREDENTIALS"
}
