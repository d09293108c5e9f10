import Foundation

/// An HTTP request as handlers see it: fully received, body included.
public struct Request: Sendable {
    /// The request method.
    public var method: HTTPMethod
    /// The decoded path, without the query.
    public var path: String
    /// Query parameters in arrival order, decoded.
    public var query: [(name: String, value: String)]
    /// The header fields.
    public var headers: HTTPHeaders
    /// The body, at most the server's body limit.
    public var body: Data
    /// Values taken from the matched route template's `{name}` segments.
    public var pathParameters: [String: String] = [:]
    /// The matched route template, such as `/mec_service_mgmt/v1/services/{serviceId}`; nil when no route matched.
    public var routeTemplate: String?
    /// An identifier for this request, taken from a well-formed `X-Request-ID` or generated.
    public var id: String = ""
    /// The peer address, such as `127.0.0.1` or `::1`.
    public var remoteAddress: String
    /// The client certificate of the TLS connection, when one was presented.
    public var clientCertificate: ClientCertificate?
    /// Whether the request arrived over TLS.
    public var isSecure: Bool
    /// When the server started on this request.
    public var receivedAt: ContinuousClock.Instant
    /// Values attached by middleware.
    public var attributes = RequestAttributes()

    /// Creates a request; the server does this, tests may too.
    public init(
        method: HTTPMethod,
        path: String,
        query: [(name: String, value: String)] = [],
        headers: HTTPHeaders = HTTPHeaders(),
        body: Data = Data(),
        remoteAddress: String = "127.0.0.1",
        clientCertificate: ClientCertificate? = nil,
        isSecure: Bool = true,
        receivedAt: ContinuousClock.Instant = .now
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        self.clientCertificate = clientCertificate
        self.isSecure = isSecure
        self.receivedAt = receivedAt
    }

    /// The first value of a query parameter.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    /// Every value of a query parameter; a comma-separated value counts as several, as the ETSI APIs use them.
    public func queryValues(_ name: String) -> [String] {
        query.filter { $0.name == name }.flatMap { $0.value.split(separator: ",").map(String.init) }
    }

    /// The value of a path parameter of the matched route.
    public func pathParameter(_ name: String) throws -> String {
        guard let value = pathParameters[name] else {
            throw HTTPError.internal(reason: "route has no path parameter")
        }
        return value
    }
}
