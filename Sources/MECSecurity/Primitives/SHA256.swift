import CGnuTLS
import Foundation

/// The SHA-256 digest.
public enum SHA256 {
    /// The digest length in bytes.
    public static let byteCount = 32

    /// The SHA-256 digest of `data`, 32 bytes.
    ///
    /// ```swift
    /// let thumbprint = SHA256.hash(certificateDER)
    /// ```
    public static func hash(_ data: Data) -> Data {
        var digest = [UInt8](repeating: 0, count: byteCount)
        // Unsafe: GnuTLS reads `data` and writes exactly 32 bytes into `digest` during this call.
        let result = data.withUnsafeBytes { input in
            digest.withUnsafeMutableBytes { output in
                gnutls_hash_fast(GNUTLS_DIG_SHA256, input.baseAddress, input.count, output.baseAddress)
            }
        }
        // SHA-256 is always available in GnuTLS; failure here means memory corruption or a broken library.
        precondition(result >= 0, "SHA-256 failed: \(GnuTLS.errorText(result))")
        return Data(digest)
    }
}
