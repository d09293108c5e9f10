/// Why a presented access token was not accepted; the raw value is the audit reason and a metric label.
public enum TokenRejection: String, Error, Sendable, CaseIterable {
    /// No `Authorization: Bearer` credentials.
    case missing = "token_missing"
    /// Not a compact JWS, or a header or claim is not acceptable.
    case malformed = "token_malformed"
    /// An algorithm other than ES256, including `none` and HMAC.
    case unsupportedAlgorithm = "token_algorithm_refused"
    /// The signature does not verify with the platform's key.
    case invalidSignature = "token_signature_invalid"
    /// Another issuer or audience.
    case wrongIssuerOrAudience = "token_issuer_or_audience_wrong"
    /// Past its expiry, or issued in the future.
    case expired = "token_expired"
    /// Revoked.
    case revoked = "token_revoked"
    /// Bound to a certificate other than the one on this connection, or no certificate was presented.
    case certificateMismatch = "token_certificate_mismatch"
}
