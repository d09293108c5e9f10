/// A step that every request passes through, around the route handler.
///
/// Middleware runs on the server's network thread for immediate routes, so both hooks must be quick and must
/// not block. `prepare` runs in chain order before the handler and may answer in its place (authentication
/// does); `finish` runs in reverse order on every response, including 404, 405 and errors.
public protocol Middleware: Sendable {
    /// Inspects or annotates the request; returns a response to answer without calling the handler.
    func prepare(_ request: inout Request) throws -> Response?
    /// Inspects or amends the response.
    func finish(_ request: Request, _ response: inout Response)
    /// Whether this middleware also sees requests the server refuses before routing (such as 413): true for
    /// observers like logging and metrics, false (the default) for filters like authentication.
    var observesRejectedRequests: Bool { get }
}

extension Middleware {
    public func prepare(_ request: inout Request) throws -> Response? { nil }
    public func finish(_ request: Request, _ response: inout Response) {}
    public var observesRejectedRequests: Bool { false }
}
