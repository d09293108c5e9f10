import Foundation

/// A public key as a JSON Web Key (RFC 7517), as published in a JWKS document.
///
/// Only the members needed for EC keys are modelled. `kid` is the RFC 7638 thumbprint when the key comes from
/// ``ECVerifyingKey/jwk``.
public struct JSONWebKey: Codable, Hashable, Sendable {
    /// The key type, `EC`.
    public var kty: String
    /// The curve, `P-256`.
    public var crv: String
    /// The x coordinate, base64url without padding.
    public var x: String
    /// The y coordinate, base64url without padding.
    public var y: String
    /// The key identifier.
    public var kid: String?
    /// The intended use, `sig`.
    public var use: String?
    /// The algorithm the key is used with, `ES256`.
    public var alg: String?

    /// Creates a key from its members.
    public init(
        kty: String, crv: String, x: String, y: String, kid: String? = nil, use: String? = nil, alg: String? = nil
    ) {
        self.kty = kty
        self.crv = crv
        self.x = x
        self.y = y
        self.kid = kid
        self.use = use
        self.alg = alg
    }

    /// The RFC 7638 thumbprint: SHA-256 over the required members in lexicographic order, base64url.
    public var thumbprint: String {
        struct Required: Encodable {
            let crv: String
            let kty: String
            let x: String
            let y: String
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding four strings cannot fail; an empty input would still give a stable (if useless) value.
        let json = (try? encoder.encode(Required(crv: crv, kty: kty, x: x, y: y))) ?? Data()
        return Base64URL.encode(SHA256.hash(json))
    }
}
