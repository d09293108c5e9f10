extension Collections {
    /// Heartbeat state of the services that must send heartbeats, by serInstanceId.
    static let serviceLiveness = "mec011.service-liveness"
}
