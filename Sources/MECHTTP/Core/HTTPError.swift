/// An error that maps to an HTTP status and a ProblemDetails body at the server boundary.
///
/// Feature code throws these (or its own errors conforming to `HTTPResponseError`); it never builds error
/// responses by hand. `detail` is shown to the client, so it must not carry internal state.
public struct HTTPError: Error, Sendable, Equatable, HTTPResponseError {
    /// The status to answer with.
    public var status: Int
    /// A client-safe explanation.
    public var detail: String?
    /// A problem type URI, `about:blank` by default.
    public var type: String
    /// Extra response header fields, such as `Allow` or `WWW-Authenticate`.
    public var headers: [String: String]

    /// Creates an error.
    public init(status: Int, detail: String? = nil, type: String = "about:blank", headers: [String: String] = [:]) {
        self.status = status
        self.detail = detail
        self.type = type
        self.headers = headers
    }

    public var httpError: HTTPError { self }

    /// 400 with an explanation of what is wrong with the input.
    public static func badRequest(_ detail: String) -> HTTPError { HTTPError(status: 400, detail: detail) }
    /// 403.
    public static func forbidden(_ detail: String) -> HTTPError { HTTPError(status: 403, detail: detail) }
    /// 404.
    public static func notFound(_ detail: String = "The resource does not exist.") -> HTTPError {
        HTTPError(status: 404, detail: detail)
    }
    /// 409.
    public static func conflict(_ detail: String) -> HTTPError { HTTPError(status: 409, detail: detail) }
    /// 412, for a stale `If-Match`.
    public static func preconditionFailed(_ detail: String) -> HTTPError { HTTPError(status: 412, detail: detail) }
    /// 500 whose reason is logged and never sent.
    public static func `internal`(reason: String) -> HTTPError {
        HTTPError(status: 500, detail: "The server could not complete the request.")
    }
}

/// An error that knows its HTTP form. Errors that do not conform become a 500 with no detail.
public protocol HTTPResponseError: Error {
    /// The status, detail and headers to send.
    var httpError: HTTPError { get }
}
