/// What a leaf certificate is for, written as its extended key usage.
public enum CertificateUsage: String, Hashable, Sendable, CaseIterable {
    /// A TLS server (`serverAuth`, 1.3.6.1.5.5.7.3.1).
    case server
    /// A TLS client, such as an application authenticating with mutual TLS (`clientAuth`, 1.3.6.1.5.5.7.3.2).
    case client

    /// The extended key usage object identifier.
    public var extendedKeyUsageOID: String {
        switch self {
        case .server: "1.3.6.1.5.5.7.3.1"
        case .client: "1.3.6.1.5.5.7.3.2"
        }
    }

    /// How long a certificate for this usage is valid unless the request says otherwise: 825 days for servers (the
    /// longest that common TLS clients accept), 365 days for clients.
    public var defaultValidityDays: Int {
        switch self {
        case .server: 825
        case .client: 365
        }
    }
}
