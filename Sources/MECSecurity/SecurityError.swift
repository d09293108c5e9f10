/// An error from key, certificate or signature handling.
///
/// `code` is short and stable, safe to use as a metric label or to branch on; `detail` explains the cause for
/// operators (a file path, a GnuTLS message) and never contains key material.
public struct SecurityError: Error, Sendable, CustomStringConvertible {
    /// A stable identifier for a kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The identifier, such as `key_mismatch`.
        public let rawValue: String

        private init(_ rawValue: String) {
            self.rawValue = rawValue
        }

        /// A GnuTLS call failed unexpectedly.
        public static let cryptoFailure = Code("crypto_failure")
        /// Certificate data could not be parsed, or a certificate lacks a property it needs.
        public static let invalidCertificate = Code("invalid_certificate")
        /// Key data could not be parsed, or the key is not an EC P-256 key.
        public static let invalidKey = Code("invalid_key")
        /// A certificate and a private key that belong together do not match.
        public static let keyMismatch = Code("key_mismatch")
        /// Only one file of a certificate and key pair exists.
        public static let incompleteKeyPair = Code("incomplete_key_pair")
        /// A name in a certificate request is neither a valid DNS name nor an IP address.
        public static let invalidName = Code("invalid_name")
        /// A certificate request is inconsistent, such as a non-positive validity.
        public static let invalidRequest = Code("invalid_request")
        /// A certificate was not issued by the expected authority, or is outside its validity period.
        public static let verificationFailed = Code("verification_failed")
        /// Reading or writing a key or certificate file failed.
        public static let fileSystem = Code("file_system")
        /// A token is not a well-formed compact JWS, or its header or claims are not acceptable.
        public static let malformedToken = Code("malformed_token")
        /// A token names an algorithm other than ES256.
        public static let unsupportedAlgorithm = Code("unsupported_algorithm")
        /// A token's signature does not verify with the expected key.
        public static let invalidSignature = Code("invalid_signature")

        /// The identifier.
        public var description: String { rawValue }
    }

    /// What kind of failure this is.
    public let code: Code
    /// A human-readable explanation for logs; never contains key material.
    public let detail: String

    /// Creates an error.
    public init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    /// `code: detail`.
    public var description: String { "\(code): \(detail)" }
}
