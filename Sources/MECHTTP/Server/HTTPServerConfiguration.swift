/// Settings of an `HTTPServer`; every field has a default suited to one MEC host.
public struct HTTPServerConfiguration: Sendable {
    /// The address to listen on: an IPv4 or IPv6 literal or a host name (`0.0.0.0` and `::` mean all).
    public var host: String = "127.0.0.1"
    /// The TCP port; 0 picks any free port (read the chosen one from `HTTPServer.port`).
    public var port: Int = 8443
    /// TLS settings; nil serves plain HTTP.
    public var tls: TLSSettings?
    /// The largest request body accepted; larger bodies get 413.
    public var maxBodySize: Int = 1 << 20
    /// The largest request head (request line and header fields); larger ones get 431.
    public var maxHeaderSize: Int = 16 << 10
    /// Connections served at once; further ones wait in the listen backlog.
    public var maxConnections: Int = 1024
    /// Seconds a connection may stay silent, between or within requests, before it is closed.
    public var idleTimeoutSeconds: Int = 60
    /// Seconds a client may take to send a request head. A client that sends it slowly is closed once it pauses
    /// this long, and one that finishes after it gets 408.
    public var headerTimeoutSeconds: Int = 10
    /// Network threads; each serves many connections.
    public var threads: Int = 2
    /// Seconds shutdown waits for requests in flight before answering them 503.
    public var shutdownGraceSeconds: Double = 3

    /// Creates the default configuration.
    public init() {}
}

/// The server certificate and key, and the CA trusted for client certificates.
public struct TLSSettings: Sendable {
    /// The server certificate chain, PEM.
    public var certificatePEM: String
    /// The server private key, PEM.
    public var privateKeyPEM: String
    /// CA certificates that client certificates are verified against, PEM. When set, the server requests (but does
    /// not require) a client certificate in every handshake.
    public var clientCATrustPEM: String?
    /// Protocol versions and ciphers, in GnuTLS priority syntax: TLS 1.2 and 1.3 only.
    public var priorities: String = "NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2:%SERVER_PRECEDENCE"

    /// Creates TLS settings.
    public init(certificatePEM: String, privateKeyPEM: String, clientCATrustPEM: String? = nil) {
        self.certificatePEM = certificatePEM
        self.privateKeyPEM = privateKeyPEM
        self.clientCATrustPEM = clientCATrustPEM
    }
}
