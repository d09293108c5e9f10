/// A heartbeat sent by a service producer (`ServiceLivenessUpdate`, clause 8.1.2.5).
public struct ServiceLivenessUpdate: Codable, Sendable, Equatable {
    /// The state of the service; shall be `ACTIVE`.
    public var state: ServiceState

    /// Creates a heartbeat.
    public init(state: ServiceState = .active) {
        self.state = state
    }
}
