import Foundation
import MECHTTP
import MECSecurity

/// Finds the client certificate of a request: the one on the TLS connection this server terminates, or, only for
/// requests arriving from a configured trusted proxy, the RFC 9440 `Client-Cert` header that proxy sets.
///
/// A `Client-Cert` header from any other peer is ignored, so a client cannot claim a certificate it does not hold.
public struct ClientCertificateSource: Sendable {
    /// Peer addresses (as the server reports them, such as `127.0.0.1`) of trusted TLS-terminating proxies.
    public let trustedProxies: Set<String>
    /// The CA that certificates forwarded by a proxy must chain to in order to count as verified.
    public let authority: CertificateInfo?

    /// Creates a source; with no trusted proxies, only the connection's certificate counts.
    public init(trustedProxies: Set<String> = [], authority: CertificateInfo? = nil) {
        self.trustedProxies = trustedProxies
        self.authority = authority
    }

    /// The client certificate of `request`, if any.
    public func certificate(of request: Request) -> ClientCertificate? {
        guard !trustedProxies.isEmpty, trustedProxies.contains(request.remoteAddress) else {
            return request.clientCertificate
        }
        guard let der = Self.forwardedDER(request.headers) else { return nil }
        let verified = authority.map { authority in
            (try? CertificateInfo(der: der)).map { $0.isIssued(by: authority) } ?? false
        }
        return ClientCertificate(der: der, sha256Thumbprint: SHA256.hash(der), isVerified: verified ?? false)
    }

    /// The SHA-256 thumbprint of the request's client certificate, without verifying a forwarded one.
    public func thumbprint(of request: Request) -> Data? {
        guard !trustedProxies.isEmpty, trustedProxies.contains(request.remoteAddress) else {
            return request.clientCertificate?.sha256Thumbprint
        }
        return Self.forwardedDER(request.headers).map(SHA256.hash)
    }

    /// The DER bytes of an RFC 9440 `Client-Cert` field: a structured-field byte sequence, `:base64:`.
    static func forwardedDER(_ headers: HTTPHeaders) -> Data? {
        let values = headers.values("Client-Cert")
        guard values.count == 1 else { return nil }
        let value = values[0].trimmingCharacters(in: .whitespaces)
        guard value.count > 2, value.hasPrefix(":"), value.hasSuffix(":") else { return nil }
        return Data(base64Encoded: String(value.dropFirst().dropLast()))
    }
}
