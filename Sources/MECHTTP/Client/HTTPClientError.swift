/// A failure of ``HTTPClient/execute(_:)``: an opaque code plus a short description that is safe as a metric label.
///
/// Compare errors by code:
/// ```swift
/// catch let error as HTTPClientError where error.code == .timedOut { ... }
/// ```
public struct HTTPClientError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure happened. New codes may be added; switch with a default case.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String

        private init(_ name: String) {
            self.name = name
        }

        /// The TCP connection could not be opened: refused, unreachable or the name did not resolve.
        public static let connectFailed = Code("connect_failed")
        /// The connect timeout or the total request timeout expired.
        public static let timedOut = Code("timed_out")
        /// The TLS handshake failed: untrusted or mismatched peer certificate, bad client certificate, or an alert.
        public static let tlsFailed = Code("tls_failed")
        /// The URL could not be parsed or its scheme is not `http` or `https`.
        public static let invalidURL = Code("invalid_url")
        /// The calling task was cancelled or the client shut down.
        public static let cancelled = Code("cancelled")
        /// Any other failure, such as a reset connection or a response larger than the configured limit.
        public static let other = Code("other")

        /// The code as a short snake_case word, suitable as a metric label.
        public var description: String {
            name
        }
    }

    /// What kind of failure happened.
    public let code: Code
    /// A fixed, short explanation for logs; never contains the URL, headers or body.
    public let detail: String

    /// Creates an error.
    public init(code: Code, detail: String) {
        self.code = code
        self.detail = detail
    }

    /// The code alone, so that the description stays a small fixed set usable as a metric label.
    public var description: String {
        code.description
    }
}
