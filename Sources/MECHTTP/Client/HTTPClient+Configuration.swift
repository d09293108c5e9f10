extension HTTPClient {
    /// Settings for an ``HTTPClient``, with defaults suited to delivering notifications.
    public struct Configuration: Sendable {
        /// PEM file of trusted certificate authorities; nil trusts the system store.
        public var caFile: String?
        /// PEM client certificate presented when the server asks for one; needs ``clientKeyFile``.
        public var clientCertificateFile: String?
        /// PEM private key of ``clientCertificateFile``.
        public var clientKeyFile: String?
        /// Longest time to open the TCP connection and finish the TLS handshake.
        public var connectTimeout: Duration
        /// Longest time for a whole request once it has started, connection included.
        public var requestTimeout: Duration
        /// Most requests in flight at once; further requests wait in order until one finishes.
        public var maxConcurrentRequests: Int
        /// Most idle connections kept open for reuse across all hosts.
        public var maxIdleConnections: Int
        /// Largest response body accepted; a larger one fails with ``HTTPClientError/Code/other``.
        public var maxResponseBodySize: Int
        /// Whether to check the server certificate chain and name. Turning it off is logged as a warning.
        public var verifyPeer: Bool

        /// Creates a configuration.
        ///
        /// TLS 1.2 is the lowest version ever negotiated; it is not configurable.
        public init(
            caFile: String? = nil,
            clientCertificateFile: String? = nil,
            clientKeyFile: String? = nil,
            connectTimeout: Duration = .seconds(5),
            requestTimeout: Duration = .seconds(30),
            maxConcurrentRequests: Int = 32,
            maxIdleConnections: Int = 64,
            maxResponseBodySize: Int = 16 * 1024 * 1024,
            verifyPeer: Bool = true
        ) {
            self.caFile = caFile
            self.clientCertificateFile = clientCertificateFile
            self.clientKeyFile = clientKeyFile
            self.connectTimeout = connectTimeout
            self.requestTimeout = requestTimeout
            self.maxConcurrentRequests = maxConcurrentRequests
            self.maxIdleConnections = maxIdleConnections
            self.maxResponseBodySize = maxResponseBodySize
            self.verifyPeer = verifyPeer
        }
    }
}
