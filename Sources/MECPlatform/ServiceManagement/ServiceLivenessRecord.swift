import Foundation
import MECModel

/// What the platform keeps about the heartbeats of one service instance (collection `mec011.service-liveness`).
///
/// It is a document of its own so that a heartbeat does not change the service's version and ETag.
struct ServiceLivenessRecord: Codable, Sendable, Equatable {
    /// The seconds between two heartbeats that the platform determined.
    var interval: Int
    /// When the last heartbeat arrived; the registration time until the first one.
    var lastHeartbeat: Date

    /// Whether the heartbeat is overdue at `now`, allowing `grace` on top of the interval.
    func isOverdue(at now: Date, grace: Duration) -> Bool {
        let graceSeconds = Double(grace.components.seconds) + Double(grace.components.attoseconds) / 1e18
        return now.timeIntervalSince(lastHeartbeat) > Double(interval) + graceSeconds
    }

    /// The ETSI time stamp of the last heartbeat.
    var timeStamp: TimeStamp {
        let seconds = max(0, lastHeartbeat.timeIntervalSince1970)
        let whole = seconds.rounded(.down)
        let nanoSeconds = min(999_999_999, ((seconds - whole) * 1e9).rounded())
        return TimeStamp(seconds: UInt32(clamping: Int64(whole)), nanoSeconds: UInt32(nanoSeconds))
    }
}
