import CGnuTLS
import Foundation

/// A P-256 public key that checks ES256 signatures.
///
/// A value type holding the curve point; safe to share across tasks.
public struct ECVerifyingKey: Hashable, Sendable {
    /// The x coordinate, 32 bytes big-endian.
    public let x: Data
    /// The y coordinate, 32 bytes big-endian.
    public let y: Data

    /// Creates a key from its coordinates.
    ///
    /// - Throws: `SecurityError` with code `invalid_key` when the point is not on P-256.
    public init(x: Data, y: Data) throws {
        guard let x = BigEndianInteger.fixedWidth(x, width: 32), let y = BigEndianInteger.fixedWidth(y, width: 32)
        else {
            throw SecurityError(.invalidKey, "P-256 coordinates are 32 bytes")
        }
        _ = try PublicKeyHandle(x: x, y: y)
        self.x = x
        self.y = y
    }

    /// Reads a PEM `PUBLIC KEY` (SubjectPublicKeyInfo) holding a P-256 key.
    public init(pem: String) throws {
        let coordinates = try PublicKeyHandle(pem: pem).p256Coordinates()
        try self.init(x: coordinates.x, y: coordinates.y)
    }

    /// Reads an EC P-256 JSON Web Key.
    public init(jwk: JSONWebKey) throws {
        guard jwk.kty == "EC", jwk.crv == "P-256" else {
            throw SecurityError(.invalidKey, "JWK is not an EC P-256 key")
        }
        guard let x = Base64URL.decode(jwk.x), let y = Base64URL.decode(jwk.y), x.count == 32, y.count == 32 else {
            throw SecurityError(.invalidKey, "JWK coordinates are not 32-byte base64url values")
        }
        try self.init(x: x, y: y)
    }

    /// The subject public key of a certificate.
    ///
    /// - Throws: `SecurityError` with code `invalid_key` when the certificate key is not EC P-256.
    public init(certificate: CertificateInfo) throws {
        let handle = try CertificateHandle(certificate.der, format: GNUTLS_X509_FMT_DER)
        let coordinates = try PublicKeyHandle(certificate: handle).p256Coordinates()
        self.x = coordinates.x
        self.y = coordinates.y
    }

    init(handle: PublicKeyHandle) throws {
        let coordinates = try handle.p256Coordinates()
        self.x = coordinates.x
        self.y = coordinates.y
    }

    /// Whether `signature`, in the 64-byte `r || s` form of JWS ES256, signs `data` with this key.
    public func verify(signature: Data, data: Data) -> Bool {
        guard let der = ECDSASignature.der(fromRaw: signature), let key = try? PublicKeyHandle(x: x, y: y) else {
            return false
        }
        return key.verifyDER(signature: der, data: data)
    }

    /// The key as a JWK with `kid` set to its RFC 7638 thumbprint, `use` `sig` and `alg` `ES256`.
    public var jwk: JSONWebKey {
        var key = JSONWebKey(kty: "EC", crv: "P-256", x: Base64URL.encode(x), y: Base64URL.encode(y))
        key.kid = key.thumbprint
        key.use = "sig"
        key.alg = "ES256"
        return key
    }

    /// The key as PEM `PUBLIC KEY` (SubjectPublicKeyInfo).
    public func pemRepresentation() throws -> String {
        try PublicKeyHandle(x: x, y: y).pem()
    }
}
