import MECObservability

/// Turns a received request into a response: routing, middleware, content negotiation, the handler, and the
/// mapping of every error to a ProblemDetails body. It knows nothing of sockets, so tests can drive it directly.
public struct Responder: Sendable {
    /// A response now, or work that produces one later.
    public enum Outcome: Sendable {
        /// The response is ready; no handler needs to suspend.
        case ready(Response)
        /// The handler is asynchronous; running this produces the finished response.
        case pending(@Sendable () async -> Response)
    }

    private let router: Router
    private let middlewares: [any Middleware]
    private let logger: Logger

    /// Creates a responder.
    public init(router: Router, middlewares: [any Middleware], logger: Logger) {
        self.router = router
        self.middlewares = middlewares
        self.logger = logger
    }

    /// Answers a request, synchronously when the route allows it.
    public func respond(to incoming: Request) -> Outcome {
        var request = incoming
        let match = router.match(request.method, request.path)
        switch match {
        case .found(let route, let parameters):
            request.routeTemplate = route.template
            request.pathParameters = parameters
        case .methodNotAllowed(let template, _):
            request.routeTemplate = template
        case .notFound:
            break
        }
        var prepared = 0
        var early: Response?
        for middleware in middlewares {
            prepared += 1
            do {
                if let response = try middleware.prepare(&request) {
                    early = response
                    break
                }
            } catch {
                early = errorResponse(error, for: request)
                break
            }
        }
        if var response = early {
            finish(request, &response, prepared: prepared)
            return .ready(response)
        }
        var response: Response
        switch match {
        case .notFound:
            response = .problem(.notFound("No resource exists at this path."), instance: request.absoluteURI)
        case .methodNotAllowed(_, let allowed):
            let allow = allowed.map(\.rawValue).joined(separator: ", ")
            response = .problem(
                HTTPError(status: 405, detail: "The resource does not support this method.", headers: ["Allow": allow]),
                instance: request.absoluteURI
            )
        case .found(let route, _):
            if let refusal = Self.negotiate(route, request) {
                response = .problem(refusal, instance: request.absoluteURI)
            } else {
                switch route.handler {
                case .immediate(let handler):
                    do {
                        response = try handler(request)
                    } catch {
                        response = errorResponse(error, for: request)
                    }
                case .async(let handler):
                    return pending(handler, request, prepared: prepared)
                case .immediateOrAsync(let immediate, let handler):
                    do {
                        guard let ready = try immediate(request) else {
                            return pending(handler, request, prepared: prepared)
                        }
                        response = ready
                    } catch {
                        response = errorResponse(error, for: request)
                    }
                }
            }
        }
        finish(request, &response, prepared: prepared)
        return .ready(response)
    }

    /// The work that runs an asynchronous handler, then the `finish` hooks.
    private func pending(
        _ handler: @escaping @Sendable (Request) async throws -> Response,
        _ request: Request,
        prepared: Int
    ) -> Outcome {
        .pending {
            var response: Response
            do {
                response = try await handler(request)
            } catch {
                response = errorResponse(error, for: request)
            }
            finish(request, &response, prepared: prepared)
            return response
        }
    }

    /// Runs the `finish` hooks of the middleware that prepared the request, last first.
    func finish(_ request: Request, _ response: inout Response, prepared: Int) {
        for middleware in middlewares.prefix(prepared).reversed() {
            middleware.finish(request, &response)
        }
    }

    /// The response for a request that failed before it could be routed, such as one over the body limit.
    public func reject(_ incoming: Request, with error: HTTPError) -> Response {
        var request = incoming
        let observers = middlewares.filter(\.observesRejectedRequests)
        for observer in observers {
            _ = try? observer.prepare(&request)
        }
        var response = Response.problem(error, instance: request.absoluteURI)
        for observer in observers.reversed() {
            observer.finish(request, &response)
        }
        return response
    }

    private func errorResponse(_ error: any Error, for request: Request) -> Response {
        if let known = error as? any HTTPResponseError {
            return .problem(known.httpError, instance: request.absoluteURI)
        }
        logger.error(
            "handler failed",
            ["request_id": request.id, "route": request.routeTemplate ?? "unmatched", "error": "\(type(of: error))"]
        )
        return .problem(.internal(reason: "unexpected error"), instance: request.absoluteURI)
    }

    /// 406 when the client accepts none of the route's media types, 415 when a body is not JSON.
    static func negotiate(_ route: Route, _ request: Request) -> HTTPError? {
        let accept = request.headers["Accept"]
        if !MediaType.accepts(accept, anyOf: route.produces) {
            return HTTPError(
                status: 406,
                detail: "The resource can be represented as \(route.produces.joined(separator: ", ")) only."
            )
        }
        if !request.body.isEmpty {
            guard !route.consumes.isEmpty else {
                return HTTPError(status: 415, detail: "This resource takes no request body.")
            }
            let type = request.headers["Content-Type"] ?? ""
            let accepted = route.consumes.contains { offered in
                offered == MediaType.json
                    ? MediaType.isJSON(type) : MediaType.essence(type) == MediaType.essence(offered)
            }
            guard accepted else {
                return HTTPError(
                    status: 415,
                    detail: "The request body must be \(route.consumes.joined(separator: " or "))."
                )
            }
        }
        return nil
    }
}
