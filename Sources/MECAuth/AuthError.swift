/// An error from the authorization components outside a request: registry and start-up failures.
///
/// `code` is stable and safe as a metric label; `detail` explains the cause and never holds a secret or token.
public struct AuthError: Error, Sendable, CustomStringConvertible {
    /// A stable identifier for a kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The identifier.
        public let rawValue: String

        private init(_ rawValue: String) {
            self.rawValue = rawValue
        }

        /// Client registration data is not acceptable.
        public static let invalidClientMetadata = Code("invalid_client_metadata")
        /// A client with the identifier exists.
        public static let conflict = Code("conflict")

        /// The identifier.
        public var description: String { rawValue }
    }

    /// What kind of failure this is.
    public let code: Code
    /// A human-readable explanation.
    public let detail: String

    /// Creates an error.
    public init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    /// `code: detail`.
    public var description: String { "\(code): \(detail)" }
}
