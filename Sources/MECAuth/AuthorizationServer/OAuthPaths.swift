/// The paths of the authorization server's endpoints.
public enum OAuthPaths {
    /// The token endpoint (RFC 6749 section 3.2).
    public static let token = "/oauth2/token"
    /// The token introspection endpoint (RFC 7662).
    public static let introspection = "/oauth2/introspect"
    /// The token revocation endpoint (RFC 7009).
    public static let revocation = "/oauth2/revoke"
    /// The JSON Web Key Set with the token signing key.
    public static let jwks = "/oauth2/jwks"
    /// The authorization server metadata (RFC 8414).
    public static let metadata = "/.well-known/oauth-authorization-server"
}
