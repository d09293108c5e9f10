import Foundation

/// An outgoing HTTP request for ``HTTPClient``.
///
/// ```swift
/// let request = HTTPClientRequest(
///     method: "POST",
///     url: "https://subscriber.example/callback",
///     headers: ["Content-Type": "application/json"],
///     body: Data(#"{"notificationType":"ServiceAvailabilityNotification"}"#.utf8)
/// )
/// ```
public struct HTTPClientRequest: Sendable {
    /// The request method in upper case, such as `GET` or `POST`.
    public var method: String
    /// The absolute `http` or `https` URL.
    public var url: String
    /// The header fields to send; the client adds `Host`, `Content-Length` and, for a body, none other.
    public var headers: HTTPHeaders
    /// The body to send; empty for none.
    public var body: Data

    /// Creates a request.
    public init(method: String = "GET", url: String, headers: HTTPHeaders = HTTPHeaders(), body: Data = Data()) {
        self.method = method.uppercased()
        self.url = url
        self.headers = headers
        self.body = body
    }
}
