import CGnuTLS
import Foundation

/// A salted, slow hash of a client secret: PBKDF2-HMAC-SHA256 with a random 16-byte salt.
///
/// The stored form is `pbkdf2-sha256$ITERATIONS$SALT$HASH` (salt and hash in base64url), so the iteration count can
/// grow later without invalidating stored hashes.
///
/// ```swift
/// let stored = try SecretHash.make(secret).encoded
/// let matches = try SecretHash(encoded: stored).matches(candidate)
/// ```
public struct SecretHash: Hashable, Sendable {
    /// The iteration count for new hashes.
    public static let defaultIterations = 600_000
    private static let scheme = "pbkdf2-sha256"

    /// The PBKDF2 iteration count.
    public let iterations: Int
    /// The random salt.
    public let salt: Data
    /// The 32-byte derived key.
    public let hash: Data

    /// Hashes `secret` with a new random salt.
    ///
    /// - Throws: `SecurityError` with code `crypto_failure` when the random generator or PBKDF2 fails.
    public static func make(_ secret: String, iterations: Int = defaultIterations) throws -> SecretHash {
        let salt = try SecureRandom.bytes(16)
        return SecretHash(
            iterations: iterations, salt: salt, hash: try derive(secret, salt: salt, iterations: iterations))
    }

    /// Reads the stored form.
    ///
    /// - Throws: `SecurityError` with code `invalid_request` when the text is not a hash of this scheme.
    public init(encoded: String) throws {
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, parts[0] == Self.scheme, let iterations = Int(parts[1]), iterations > 0,
            let salt = Base64URL.decode(parts[2]), let hash = Base64URL.decode(parts[3]), hash.count == 32
        else {
            throw SecurityError(.invalidRequest, "stored secret hash is not in the expected form")
        }
        self.init(iterations: iterations, salt: salt, hash: hash)
    }

    private init(iterations: Int, salt: Data, hash: Data) {
        self.iterations = iterations
        self.salt = salt
        self.hash = hash
    }

    /// The stored form.
    public var encoded: String {
        "\(Self.scheme)$\(iterations)$\(Base64URL.encode(salt))$\(Base64URL.encode(hash))"
    }

    /// Whether `candidate` is the secret, compared in constant time.
    public func matches(_ candidate: String) -> Bool {
        guard let derived = try? Self.derive(candidate, salt: salt, iterations: iterations) else { return false }
        return ConstantTime.equals(derived, hash)
    }

    private static func derive(_ secret: String, salt: Data, iterations: Int) throws -> Data {
        var output = [UInt8](repeating: 0, count: 32)
        let result = GnuTLS.withDatum(Data(secret.utf8)) { key in
            GnuTLS.withDatum(salt) { saltDatum in
                // Unsafe: GnuTLS writes exactly `output.count` bytes into the buffer during this call.
                output.withUnsafeMutableBytes { buffer in
                    gnutls_pbkdf2(
                        GNUTLS_MAC_SHA256, key, saltDatum, UInt32(iterations), buffer.baseAddress, buffer.count)
                }
            }
        }
        try GnuTLS.check(result, "PBKDF2")
        return Data(output)
    }
}
