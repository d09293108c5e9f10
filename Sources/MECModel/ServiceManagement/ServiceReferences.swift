/// One service whose availability changed, in a `ServiceAvailabilityNotification` (`ServiceReferences`).
public struct ServiceReferences: Codable, Sendable, Equatable {
    /// The link to the service; present unless `changeType` is `REMOVED`.
    public var link: LinkType?
    /// The name of the service.
    public var serName: String
    /// The identifier of the service instance.
    public var serInstanceId: String
    /// The state of the service after the change.
    public var state: ServiceState
    /// The kind of change.
    public var changeType: ServiceChangeType

    /// Creates a service reference.
    public init(
        link: LinkType? = nil,
        serName: String,
        serInstanceId: String,
        state: ServiceState,
        changeType: ServiceChangeType
    ) {
        self.link = link
        self.serName = serName
        self.serInstanceId = serInstanceId
        self.state = state
        self.changeType = changeType
    }
}
