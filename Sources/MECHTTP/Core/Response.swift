import Foundation

/// An HTTP response.
public struct Response: Sendable {
    /// What follows the header: bytes, or a switch to another protocol on the same connection.
    public enum Body: Sendable {
        /// A complete body.
        case bytes(Data)
        /// Switches protocols (status 101); the handler receives the connection once the response is sent.
        case upgrade(@Sendable (UpgradedConnection) -> Void)
    }

    /// The status code.
    public var status: Int
    /// The header fields.
    public var headers: HTTPHeaders
    /// The body.
    public var body: Body

    /// Creates a response.
    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = .bytes(body)
    }

    /// The body bytes; empty for an upgrade.
    public var bodyData: Data {
        if case .bytes(let data) = body { return data }
        return Data()
    }

    /// A JSON response of an encodable value.
    public static func json(_ value: some Encodable, status: Int = 200, headers: HTTPHeaders = HTTPHeaders()) throws
        -> Response
    {
        var headers = headers
        headers["Content-Type"] = MediaType.json
        return Response(status: status, headers: headers, body: try JSONCoding.encoder.encode(value))
    }

    /// A response with no body.
    public static func noContent(headers: HTTPHeaders = HTTPHeaders()) -> Response {
        Response(status: 204, headers: headers)
    }

    /// The ProblemDetails response for an error; `instance` identifies the request, normally its absolute URI.
    public static func problem(_ error: HTTPError, instance: String?) -> Response {
        let problem = ProblemDetails(
            type: error.type,
            title: HTTPStatus.reasonPhrase(error.status),
            status: error.status,
            detail: error.detail,
            instance: instance
        )
        var headers = HTTPHeaders()
        headers["Content-Type"] = MediaType.problemJSON
        for (name, value) in error.headers.sorted(by: { $0.key < $1.key }) {
            headers[name] = value
        }
        let body = (try? JSONCoding.encoder.encode(problem)) ?? Data()
        return Response(status: error.status, headers: headers, body: body)
    }
}
