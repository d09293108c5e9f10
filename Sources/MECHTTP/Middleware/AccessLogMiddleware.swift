import Foundation
import MECObservability

/// Writes one access log line per response: request id, method, route template, status and duration.
public struct AccessLogMiddleware: Middleware {
    private let logger: Logger

    /// Creates the middleware; lines are written at info level.
    public init(logger: Logger) {
        self.logger = logger
    }

    public var observesRejectedRequests: Bool { true }

    public func finish(_ request: Request, _ response: inout Response) {
        guard logger.isEnabled(.info) else { return }
        let elapsed = ContinuousClock.now - request.receivedAt
        logger.info(
            "request completed",
            [
                "request_id": request.id,
                "method": request.method.rawValue,
                "route": request.routeTemplate ?? "unmatched",
                "status": String(response.status),
                "duration_ms": elapsed.millisecondsText,
                "remote": request.remoteAddress,
            ]
        )
    }
}

extension Duration {
    /// Milliseconds with microsecond precision, such as `0.412`.
    var millisecondsText: String {
        let (seconds, attoseconds) = components
        let micros = seconds * 1_000_000 + attoseconds / 1_000_000_000_000
        return "\(micros / 1000).\(String(format: "%03d", Int(micros % 1000)))"
    }

    /// Seconds as a floating-point number.
    var secondsValue: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
