/// What a leaf certificate issued by ``LocalCertificateAuthority`` should contain.
///
/// ```swift
/// let request = CertificateRequest(commonName: "app-1", usage: .client)
/// let issued = try authority.issue(request)
/// ```
public struct CertificateRequest: Hashable, Sendable {
    /// The subject common name.
    public var commonName: String
    /// DNS names for the subject alternative name extension; `*.example.com` wildcards are allowed.
    public var dnsNames: [String]
    /// IPv4 or IPv6 literals for the subject alternative name extension.
    public var ipAddresses: [String]
    /// Whether the certificate is for a TLS server or a TLS client.
    public var usage: CertificateUsage
    /// Days of validity from now, capped at the authority's own expiry.
    public var validityDays: Int

    /// Creates a request; `validityDays` defaults to ``CertificateUsage/defaultValidityDays`` of `usage`.
    public init(
        commonName: String,
        dnsNames: [String] = [],
        ipAddresses: [String] = [],
        usage: CertificateUsage,
        validityDays: Int? = nil
    ) {
        self.commonName = commonName
        self.dnsNames = dnsNames
        self.ipAddresses = ipAddresses
        self.usage = usage
        self.validityDays = validityDays ?? usage.defaultValidityDays
    }
}
