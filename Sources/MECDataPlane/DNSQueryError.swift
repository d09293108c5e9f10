/// An error from a ``DNSQuery``: no response, or one that cannot be read.
public struct DNSQueryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as a value to compare with `==`.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case invalidName
            case invalidServer
            case timedOut
            case connectionRefused
            case malformedResponse
            case socket
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// The name to look up cannot be encoded (an empty or too long label, or a name over 255 bytes).
        public static let invalidName = Code(.invalidName)
        /// The server address is not a numeric IPv4 or IPv6 address.
        public static let invalidServer = Code(.invalidServer)
        /// No response arrived within the timeout.
        public static let timedOut = Code(.timedOut)
        /// Nothing listens on the server's port (an ICMP port unreachable came back).
        public static let connectionRefused = Code(.connectionRefused)
        /// The response does not parse as DNS, or does not match the query.
        public static let malformedResponse = Code(.malformedResponse)
        /// A socket call failed.
        public static let socket = Code(.socket)

        /// The code's name, such as `timedOut`; usable as a metric label.
        public var description: String {
            base.rawValue
        }
    }

    /// What went wrong.
    public var code: Code
    /// A short explanation that is safe to log.
    public var reason: String

    /// Creates an error.
    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    /// The code and reason, such as `timedOut: no response within 1 s`.
    public var description: String {
        "\(code): \(reason)"
    }
}
