import Foundation

/// ES256 JWS in compact serialization (RFC 7515): `header.payload.signature`, each part base64url without padding.
///
/// ```swift
/// let token = try JSONWebSignature.sign(payload: claimsJSON, type: JWSHeader.accessTokenType, key: signingKey)
/// let verified = try JSONWebSignature.verify(token, type: JWSHeader.accessTokenType, key: signingKey.publicKey)
/// ```
public enum JSONWebSignature {
    /// A token whose header was accepted and whose signature verified.
    public struct Verified: Sendable {
        /// The protected header.
        public let header: JWSHeader
        /// The payload bytes, usually JSON claims.
        public let payload: Data
    }

    /// Signs `payload` with `key` and returns the compact serialization.
    ///
    /// - Throws: `SecurityError` with code `crypto_failure` when signing fails.
    public static func sign(payload: Data, type: String, key: ECSigningKey) throws -> String {
        let header = JWSHeader(type: type, keyID: key.publicKeyJWK.kid)
        let signingInput = Base64URL.encode(header.json) + "." + Base64URL.encode(payload)
        let signature = try key.sign(Data(signingInput.utf8))
        return signingInput + "." + Base64URL.encode(signature)
    }

    /// Checks the form, the header and the ES256 signature of a compact JWS; returns the header and payload.
    ///
    /// The key is the caller's: nothing in the token chooses it. A `kid` that names another key fails as a bad
    /// signature would.
    ///
    /// - Throws: `SecurityError` with code `malformed_token` (not three base64url parts, a header that is not
    ///   acceptable), `unsupported_algorithm` (any `alg` but `ES256`) or `invalid_signature`.
    public static func verify(_ token: String, type: String, key: ECVerifyingKey) throws -> Verified {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, token.utf8.count <= 16_384 else {
            throw SecurityError(.malformedToken, "token is not a compact JWS")
        }
        guard let headerBytes = Base64URL.decode(String(parts[0])),
            let payload = Base64URL.decode(String(parts[1])),
            let signature = Base64URL.decode(String(parts[2]))
        else {
            throw SecurityError(.malformedToken, "token part is not base64url")
        }
        let header = try JWSHeader.parse(headerBytes, expectedType: type)
        if let kid = header.kid, kid != key.jwk.kid {
            throw SecurityError(.invalidSignature, "token names another signing key")
        }
        let signingInput = Data(token.utf8.prefix(parts[0].utf8.count + 1 + parts[1].utf8.count))
        guard signature.count == 64, key.verify(signature: signature, data: signingInput) else {
            throw SecurityError(.invalidSignature, "signature does not verify")
        }
        return Verified(header: header, payload: payload)
    }
}
