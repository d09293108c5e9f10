import Foundation
import MECHTTP
import MECObservability

/// `GET /healthz` and `GET /metrics`: answered without a token, for load balancers and monitoring.
struct HealthRoutes {
    /// The body of `/healthz`.
    struct Health: Codable, Equatable {
        /// `pass` when the host serves requests, `fail` while it shuts down or its store is closed.
        var status: String
        var version: String
        /// An identifier made on first start and kept in the store.
        var hostId: String
        var uptimeSeconds: Int
        var checks: [String: String]
    }

    let hostID: String
    let startedAt: ContinuousClock.Instant
    let metrics: MetricsRegistry
    let isServing: @Sendable () -> Bool
    let isStoreOpen: @Sendable () -> Bool

    func register(in router: inout Router) {
        router.on(.get, "/healthz") { _ in
            let server = isServing()
            let store = isStoreOpen()
            let health = Health(
                status: server && store ? "pass" : "fail",
                version: MECVersion.current,
                hostId: hostID,
                uptimeSeconds: Int((ContinuousClock.now - startedAt).components.seconds),
                checks: ["server": server ? "pass" : "fail", "store": store ? "pass" : "fail"]
            )
            var headers = HTTPHeaders()
            headers["Cache-Control"] = "no-store"
            return try .json(health, status: health.status == "pass" ? 200 : 503, headers: headers)
        }
        router.on(.get, "/metrics", produces: [MediaType.prometheusText, "text/plain"]) { _ in
            var headers = HTTPHeaders()
            headers["Content-Type"] = MediaType.prometheusText
            return Response(status: 200, headers: headers, body: Data(metrics.render().utf8))
        }
    }
}
