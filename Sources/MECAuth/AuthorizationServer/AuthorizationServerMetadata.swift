/// Authorization server metadata (RFC 8414), served at `/.well-known/oauth-authorization-server`.
public struct AuthorizationServerMetadata: Codable, Hashable, Sendable {
    /// The issuer identifier, equal to the `iss` of issued tokens.
    public var issuer: String
    /// The token endpoint URL.
    public var tokenEndpoint: String
    /// The JWKS URL with the token signing key.
    public var jwksURI: String
    /// The introspection endpoint URL (RFC 7662).
    public var introspectionEndpoint: String
    /// The revocation endpoint URL (RFC 7009).
    public var revocationEndpoint: String
    /// `client_credentials` only.
    public var grantTypesSupported: [String]
    /// Empty: there is no authorization endpoint.
    public var responseTypesSupported: [String]
    /// Client authentication methods at the token endpoint.
    public var tokenEndpointAuthMethodsSupported: [String]
    /// Client authentication methods at the introspection endpoint.
    public var introspectionEndpointAuthMethodsSupported: [String]
    /// Client authentication methods at the revocation endpoint.
    public var revocationEndpointAuthMethodsSupported: [String]
    /// The scope values the platform knows.
    public var scopesSupported: [String]
    /// Always true: tokens of clients that present a certificate are bound to it (RFC 8705).
    public var tlsClientCertificateBoundAccessTokens: Bool

    enum CodingKeys: String, CodingKey {
        case issuer
        case tokenEndpoint = "token_endpoint"
        case jwksURI = "jwks_uri"
        case introspectionEndpoint = "introspection_endpoint"
        case revocationEndpoint = "revocation_endpoint"
        case grantTypesSupported = "grant_types_supported"
        case responseTypesSupported = "response_types_supported"
        case tokenEndpointAuthMethodsSupported = "token_endpoint_auth_methods_supported"
        case introspectionEndpointAuthMethodsSupported = "introspection_endpoint_auth_methods_supported"
        case revocationEndpointAuthMethodsSupported = "revocation_endpoint_auth_methods_supported"
        case scopesSupported = "scopes_supported"
        case tlsClientCertificateBoundAccessTokens = "tls_client_certificate_bound_access_tokens"
    }
}
