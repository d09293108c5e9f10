/// The liveness of a service instance as the platform sees it (`ServiceLivenessInfo`, clause 8.1.2.4).
public struct ServiceLivenessInfo: Codable, Sendable, Equatable {
    /// The liveness state of the service.
    public var state: ServiceState
    /// When the platform received the last heartbeat.
    public var timeStamp: TimeStamp
    /// The seconds between two heartbeats that the platform has determined.
    public var interval: Int

    /// Creates liveness information.
    public init(state: ServiceState, timeStamp: TimeStamp, interval: Int) {
        self.state = state
        self.timeStamp = timeStamp
        self.interval = interval
    }
}
