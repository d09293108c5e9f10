import Foundation

/// The response to an ``HTTPClientRequest``.
public struct HTTPClientResponse: Sendable {
    /// The status code, such as 200 or 204.
    public var status: Int
    /// The header fields of the final response, with case-insensitive lookup.
    public var headers: HTTPHeaders
    /// The body, empty when the response had none.
    public var body: Data

    /// Creates a response.
    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
