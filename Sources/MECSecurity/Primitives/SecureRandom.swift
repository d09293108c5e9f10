import CGnuTLS
import Foundation

/// Random bytes from the GnuTLS generator at key strength, for keys, serial numbers and secrets.
public enum SecureRandom {
    /// `count` random bytes.
    ///
    /// - Throws: `SecurityError` with code `crypto_failure` when the generator fails.
    public static func bytes(_ count: Int) throws -> Data {
        precondition(count >= 0, "byte count must not be negative")
        var bytes = [UInt8](repeating: 0, count: count)
        // Unsafe: GnuTLS writes exactly `count` bytes into the buffer during this call.
        let result = bytes.withUnsafeMutableBytes { buffer in
            gnutls_rnd(GNUTLS_RND_KEY, buffer.baseAddress, buffer.count)
        }
        try GnuTLS.check(result, "random generation")
        return Data(bytes)
    }
}
