import Foundation

/// The certificate a client presented during the TLS handshake of the connection a request arrived on.
public struct ClientCertificate: Sendable, Hashable {
    /// The certificate in DER form.
    public let der: Data
    /// SHA-256 of `der`, the value RFC 8705 binds tokens to (`x5t#S256` is its base64url form).
    public let sha256Thumbprint: Data
    /// Whether the certificate chains to the server's trusted client CA. Self-signed certificates are
    /// presented with `isVerified == false`; only a registered thumbprint may accept them.
    public let isVerified: Bool

    /// Creates a certificate record.
    public init(der: Data, sha256Thumbprint: Data, isVerified: Bool) {
        self.der = der
        self.sha256Thumbprint = sha256Thumbprint
        self.isVerified = isVerified
    }

    /// The thumbprint as unpadded base64url, as carried in `cnf.x5t#S256`.
    public var thumbprintBase64URL: String {
        sha256Thumbprint.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
