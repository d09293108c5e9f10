import MECObservability

/// Counts requests by route template, method and status, and observes their latency.
public struct MetricsMiddleware: Middleware {
    private let requests: CounterFamily
    private let latency: HistogramFamily

    /// Creates the middleware, registering `http_requests_total` and `http_request_duration_seconds`.
    public init(registry: MetricsRegistry) {
        requests = registry.counter(
            "http_requests_total",
            help: "HTTP requests answered, by route template, method and status.",
            labels: ["route", "method", "status"]
        )
        latency = registry.histogram(
            "http_request_duration_seconds",
            help: "Time from receiving a request to its response, by route template.",
            labels: ["route"]
        )
    }

    public var observesRejectedRequests: Bool { true }

    public func finish(_ request: Request, _ response: inout Response) {
        let route = request.routeTemplate ?? "unmatched"
        requests.increment([route, Self.methodLabel(request.method), String(response.status)])
        latency.observe((ContinuousClock.now - request.receivedAt).secondsValue, [route])
    }

    /// Client-chosen methods outside the standard set share one label, so they cannot grow the series.
    static func methodLabel(_ method: HTTPMethod) -> String {
        switch method {
        case .get, .head, .post, .put, .patch, .delete, .options: method.rawValue
        default: "other"
        }
    }
}
