import Foundation
import MECHTTP

/// MEC 011 application support timing: `GET /mec_app_support/v1/timing/current_time` and `.../timing_caps`.
struct TimingRoutes {
    /// The `CurrentTime` body.
    struct CurrentTime: Codable, Equatable {
        var seconds: UInt32
        var nanoSeconds: UInt32
        /// `TRACEABLE` when the platform clock is locked to UTC, else `NONTRACEABLE`.
        var timeSourceStatus: String
    }

    /// The `TimingCaps` body.
    struct TimingCaps: Codable, Equatable {
        struct TimeStamp: Codable, Equatable {
            var seconds: UInt32
            var nanoSeconds: UInt32
        }

        var timeStamp: TimeStamp
        var ntpServers: [String]
        var ptpMasters: [String]
    }

    static let base = "/mec_app_support/v1/timing"

    func register(in router: inout Router) {
        router.on(.get, "\(Self.base)/current_time") { _ in
            let (seconds, nanoseconds) = Self.now()
            // The host does not know whether its clock is disciplined to UTC, so it claims no traceability.
            return try .json(CurrentTime(seconds: seconds, nanoSeconds: nanoseconds, timeSourceStatus: "NONTRACEABLE"))
        }
        router.on(.get, "\(Self.base)/timing_caps") { _ in
            let (seconds, nanoseconds) = Self.now()
            let caps = TimingCaps(
                timeStamp: .init(seconds: seconds, nanoSeconds: nanoseconds),
                ntpServers: [],
                ptpMasters: []
            )
            return try .json(caps)
        }
    }

    private static func now() -> (UInt32, UInt32) {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return (UInt32(truncatingIfNeeded: spec.tv_sec), UInt32(truncatingIfNeeded: spec.tv_nsec))
    }
}
