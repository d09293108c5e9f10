/// What answers a matched request.
public enum RouteHandler: Sendable {
    /// Answers without suspending; runs on the server's network thread, so it must not block.
    case immediate(@Sendable (Request) throws -> Response)
    /// Answers asynchronously; the connection is suspended until the response is ready.
    case async(@Sendable (Request) async throws -> Response)
    /// Answers without suspending when `immediate` returns a response, such as one kept from an earlier request;
    /// otherwise asynchronously with `async`. `immediate` runs on the network thread, so it must not block.
    case immediateOrAsync(
        immediate: @Sendable (Request) throws -> Response?,
        async: @Sendable (Request) async throws -> Response
    )
}

/// A method and path template with its handler and content negotiation.
public struct Route: Sendable {
    /// The method.
    public let method: HTTPMethod
    /// The path template, such as `/mec_app_support/v1/applications/{appInstanceId}/dns_rules`.
    public let template: String
    /// The handler.
    public let handler: RouteHandler
    /// Media types the route produces (checked against `Accept`, 406 otherwise).
    public let produces: [String]
    /// Media types the route reads a body in; a body of another type gets 415, and an empty list refuses bodies.
    public let consumes: [String]

    /// Whether the route reads a JSON body.
    public var consumesJSON: Bool { consumes.contains(MediaType.json) }

    /// Creates a route.
    public init(
        _ method: HTTPMethod,
        _ template: String,
        produces: [String] = [MediaType.json],
        consumesJSON: Bool = true,
        handler: RouteHandler
    ) {
        self.method = method
        self.template = template
        self.handler = handler
        self.produces = produces
        self.consumes = consumesJSON ? [MediaType.json] : []
    }

    /// Creates a route that reads bodies of the given media types, such as `application/x-www-form-urlencoded`.
    public init(
        _ method: HTTPMethod,
        _ template: String,
        produces: [String] = [MediaType.json],
        consumes: [String],
        handler: RouteHandler
    ) {
        self.method = method
        self.template = template
        self.handler = handler
        self.produces = produces
        self.consumes = consumes
    }
}
