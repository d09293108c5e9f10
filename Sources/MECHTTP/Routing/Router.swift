/// Matches a method and path to a route by path template.
///
/// Templates are split at `/`; a segment `{name}` matches any one non-empty segment and binds it as a path
/// parameter. Literal segments win over parameters. A known path with another method yields the allowed methods
/// (for 405 with `Allow`); an unknown path yields no match (404).
public struct Router: Sendable {
    /// The outcome of matching a request.
    public enum Match: Sendable {
        /// A route and the values of its path parameters.
        case found(Route, parameters: [String: String])
        /// The path is known, the method is not; names the template and lists the methods that are allowed.
        case methodNotAllowed(template: String, allowed: [HTTPMethod])
        /// No route has this path.
        case notFound
    }

    private final class Node: @unchecked Sendable {
        // Unchecked: nodes are only mutated while the router is being built, before it is shared.
        var literals: [String: Node] = [:]
        var parameter: (name: String, node: Node)?
        var routes: [HTTPMethod: Route] = [:]
    }

    private var root = Node()
    /// Every route, in the order added.
    public private(set) var routes: [Route] = []

    /// Creates an empty router.
    public init() {}

    /// Adds a route. Adding the same method and template twice is a programming error.
    public mutating func add(_ route: Route) {
        if !isKnownUniquelyReferenced(&root) {
            let previous = routes
            root = Node()
            routes = []
            previous.forEach { add($0) }
        }
        var node = root
        for segment in Self.segments(route.template) {
            if segment.hasPrefix("{"), segment.hasSuffix("}") {
                let name = String(segment.dropFirst().dropLast())
                if let existing = node.parameter {
                    precondition(existing.name == name, "conflicting parameter names in route templates")
                    node = existing.node
                } else {
                    let child = Node()
                    node.parameter = (name, child)
                    node = child
                }
            } else if let child = node.literals[segment] {
                node = child
            } else {
                let child = Node()
                node.literals[segment] = child
                node = child
            }
        }
        precondition(node.routes[route.method] == nil, "duplicate route")
        node.routes[route.method] = route
        routes.append(route)
    }

    /// Adds an immediate route.
    public mutating func on(
        _ method: HTTPMethod,
        _ template: String,
        produces: [String] = [MediaType.json],
        handler: @escaping @Sendable (Request) throws -> Response
    ) {
        add(Route(method, template, produces: produces, handler: .immediate(handler)))
    }

    /// Adds an async route.
    public mutating func on(
        _ method: HTTPMethod,
        _ template: String,
        produces: [String] = [MediaType.json],
        handler: @escaping @Sendable (Request) async throws -> Response
    ) {
        add(Route(method, template, produces: produces, handler: .async(handler)))
    }

    /// Adds a route that answers immediately when it can, else asynchronously.
    public mutating func on(
        _ method: HTTPMethod,
        _ template: String,
        produces: [String] = [MediaType.json],
        immediate: @escaping @Sendable (Request) throws -> Response?,
        async handler: @escaping @Sendable (Request) async throws -> Response
    ) {
        add(
            Route(
                method, template, produces: produces, handler: .immediateOrAsync(immediate: immediate, async: handler)))
    }

    /// Matches a method and decoded path.
    public func match(_ method: HTTPMethod, _ path: String) -> Match {
        var parameters: [String: String] = [:]
        guard let node = Self.find(root, Self.segments(path)[...], &parameters) else {
            return .notFound
        }
        if let route = node.routes[method] ?? (method == .head ? node.routes[.get] : nil) {
            return .found(route, parameters: parameters)
        }
        let allowed = node.routes.keys.map(\.rawValue).sorted().map(HTTPMethod.init(rawValue:))
        let template = node.routes.values.first?.template ?? path
        return .methodNotAllowed(template: template, allowed: allowed)
    }

    private static func find(_ node: Node, _ segments: ArraySlice<String>, _ parameters: inout [String: String])
        -> Node?
    {
        guard let segment = segments.first else {
            return node.routes.isEmpty ? nil : node
        }
        let rest = segments.dropFirst()
        if let child = node.literals[segment], let found = find(child, rest, &parameters) {
            return found
        }
        if let (name, child) = node.parameter, !segment.isEmpty, let found = find(child, rest, &parameters) {
            parameters[name] = segment
            return found
        }
        return nil
    }

    private static func segments(_ path: String) -> [String] {
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts.first == "" { parts.removeFirst() }
        if parts.last == "" { parts.removeLast() }
        return parts
    }
}
