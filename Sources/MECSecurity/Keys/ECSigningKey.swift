import Foundation
import Synchronization

/// A P-256 private key that makes ES256 signatures (JWS) and signs certificates.
///
/// Safe to share across tasks: the GnuTLS key is used by one thread at a time behind a mutex.
///
/// ```swift
/// let key = try ECSigningKey.generate()
/// let signature = try key.sign(Data(signingInput.utf8))  // 64 bytes, r || s
/// ```
public final class ECSigningKey: Sendable, CustomStringConvertible, CustomReflectable {
    private let handle: Mutex<PrivateKeyHandle>

    /// The public half of the key.
    public let publicKey: ECVerifyingKey

    /// The key as unencrypted PKCS#8 PEM. It is the secret: write it only to files with mode 0600, never log it.
    public let pemRepresentation: String

    private init(handle key: sending PrivateKeyHandle) throws {
        publicKey = try ECVerifyingKey(handle: PublicKeyHandle(privateKey: key))
        pemRepresentation = try key.pkcs8PEM()
        handle = Mutex(key)
    }

    /// Generates a new random key.
    public static func generate() throws -> ECSigningKey {
        try ECSigningKey(handle: PrivateKeyHandle.generateP256())
    }

    /// Reads an unencrypted PEM private key, PKCS#8 (`PRIVATE KEY`) or SEC1 (`EC PRIVATE KEY`).
    ///
    /// - Throws: `SecurityError` with code `invalid_key` when the text is not a P-256 private key.
    public convenience init(pem: String) throws {
        let key = try PrivateKeyHandle.parse(pem: pem)
        do {
            try self.init(handle: key)
        } catch let error as SecurityError where error.code == .invalidKey {
            throw SecurityError(.invalidKey, "private key is not an EC P-256 key")
        }
    }

    /// The public key as a JWK, with `kid` set to its RFC 7638 thumbprint.
    public var publicKeyJWK: JSONWebKey { publicKey.jwk }

    /// Signs `data` with ECDSA P-256 and SHA-256, returning the 64-byte `r || s` form that JWS ES256 uses.
    public func sign(_ data: Data) throws -> Data {
        let der = try handle.withLock { key in try key.signDER(data) }
        return try ECDSASignature.raw(fromDER: der)
    }

    /// Runs `body` with exclusive use of the GnuTLS key, for certificate signing.
    func withPrivateKey<R: Sendable>(_ body: (PrivateKeyHandle) throws -> R) throws -> R {
        try handle.withLock { key in try body(key) }
    }

    /// Names the key by its thumbprint; never shows key material.
    public var description: String { "ECSigningKey(kid: \(publicKey.jwk.thumbprint))" }

    /// Reflects the public key only, so `dump` cannot reveal the private key.
    public var customMirror: Mirror {
        Mirror(self, children: ["publicKey": publicKey])
    }
}
