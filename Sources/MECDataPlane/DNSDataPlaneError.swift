/// An error from a ``DNSDataPlane``: an opaque code to act on and a short description that is safe to log.
///
/// The validation codes (``Code/invalidDomainName``, ``Code/invalidAddress``, ``Code/addressTypeMismatch``,
/// ``Code/invalidTTL``) mean the caller sent a bad record and nothing changed; the HTTP boundary maps them to 400.
/// The other codes mean the data plane could not do its work.
public struct DNSDataPlaneError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as a value to compare with `==`.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case invalidDomainName
            case invalidAddress
            case addressTypeMismatch
            case invalidTTL
            case notRunning
            case launchFailed
            case notServing
            case stopped
            case io
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// A domain name is not a valid host name (RFC 1035 labels), such as one with a wildcard, a space or a comma.
        public static let invalidDomainName = Code(.invalidDomainName)
        /// An address is not a numeric IPv4 or IPv6 address.
        public static let invalidAddress = Code(.invalidAddress)
        /// An address is of the other family than the record's address type says.
        public static let addressTypeMismatch = Code(.addressTypeMismatch)
        /// A time to live is negative or above 2147483647 seconds.
        public static let invalidTTL = Code(.invalidTTL)
        /// The data plane has not been started, or has been stopped.
        public static let notRunning = Code(.notRunning)
        /// The DNS server process could not be started, or exited while starting.
        public static let launchFailed = Code(.launchFailed)
        /// The DNS server did not answer queries within the readiness timeout.
        public static let notServing = Code(.notServing)
        /// The data plane was stopped while the call waited.
        public static let stopped = Code(.stopped)
        /// A file or directory of the data plane could not be written.
        public static let io = Code(.io)

        /// The code's name, such as `invalidDomainName`; usable as a metric label.
        public var description: String {
            base.rawValue
        }
    }

    /// What went wrong.
    public var code: Code
    /// A short explanation; it names a record field but holds no record values.
    public var reason: String
    /// The index of the offending record in the list given to ``DNSDataPlane/apply(_:)``, for validation codes.
    public var recordIndex: Int?

    /// Creates an error.
    public init(_ code: Code, _ reason: String, recordIndex: Int? = nil) {
        self.code = code
        self.reason = reason
        self.recordIndex = recordIndex
    }

    /// Whether the error is about a bad record sent by the caller rather than a failure of the data plane.
    public var isValidationError: Bool {
        [.invalidDomainName, .invalidAddress, .addressTypeMismatch, .invalidTTL].contains(code)
    }

    /// The code and reason, such as `invalidDomainName: label longer than 63 characters`.
    public var description: String {
        "\(code): \(reason)"
    }
}
