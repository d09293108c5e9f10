/// How a client proves its identity at the token endpoint (RFC 7591 and RFC 8705 names).
public enum ClientAuthenticationMethod: String, Codable, Hashable, Sendable, CaseIterable {
    /// HTTP Basic with the client identifier and a secret.
    case clientSecretBasic = "client_secret_basic"
    /// Mutual TLS with a certificate from the local CA whose subject DN or a subject alternative name is registered.
    case tlsClientAuth = "tls_client_auth"
    /// Mutual TLS with a self-signed certificate whose SHA-256 thumbprint is registered.
    case selfSignedTLSClientAuth = "self_signed_tls_client_auth"
}
