import Foundation

/// A registered OAuth 2.0 client: a MEC application instance, a service or an operator tool.
///
/// For MEC application instances the client identifier is the appInstanceId, which becomes the token's `sub`.
public struct OAuthClient: Codable, Hashable, Sendable {
    /// The client identifier.
    public var clientId: String
    /// How the client authenticates.
    public var authenticationMethod: ClientAuthenticationMethod
    /// The salted slow hash of the secret (``MECSecurity/SecretHash`` form), for `client_secret_basic` only.
    public var secretHash: String?
    /// The registered certificate subject DN (`tls_client_auth_subject_dn`), for `tls_client_auth`.
    public var subjectDN: String?
    /// Registered DNS names or IP addresses, any of which a certificate may carry instead, for `tls_client_auth`.
    public var subjectAlternativeNames: [String]
    /// The registered `x5t#S256` thumbprint, for `self_signed_tls_client_auth`.
    public var certificateThumbprint: String?
    /// The scopes the client may be granted.
    public var scopes: [String]
    /// Whether every token must be bound to the client's certificate; a request without one fails.
    public var requiresCertificateBoundTokens: Bool
    /// When the client was registered.
    public var createdAt: Date

    /// Creates a client record.
    public init(
        clientId: String,
        authenticationMethod: ClientAuthenticationMethod,
        secretHash: String? = nil,
        subjectDN: String? = nil,
        subjectAlternativeNames: [String] = [],
        certificateThumbprint: String? = nil,
        scopes: [String],
        requiresCertificateBoundTokens: Bool,
        createdAt: Date = Date()
    ) {
        self.clientId = clientId
        self.authenticationMethod = authenticationMethod
        self.secretHash = secretHash
        self.subjectDN = subjectDN
        self.subjectAlternativeNames = subjectAlternativeNames
        self.certificateThumbprint = certificateThumbprint
        self.scopes = scopes
        self.requiresCertificateBoundTokens = requiresCertificateBoundTokens
        self.createdAt = createdAt
    }

    /// Whether `text` may be a client identifier: 1 to 128 characters from `A-Z a-z 0-9 . _ ~ -`.
    public static func isValidIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 128
            && text.utf8.allSatisfy { byte in
                (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                    || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                    || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                    || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
                    || byte == UInt8(ascii: "-")
            }
    }
}
