/// A service an application requires or may use (`ServiceDependency`, MEC 010-2 clause 6.2.1.17).
public struct ServiceDependency: Codable, Sendable, Equatable {
    /// The name of the service, such as `RNIS`.
    public var serName: String
    /// The category of the service.
    public var serCategory: CategoryRef?
    /// The version of the service.
    public var version: String
    /// The transport bindings the application supports; REST and JSON when absent.
    public var serTransportDependencies: [TransportDependency]?
    /// The permissions requested for the service; the specification leaves the format open.
    public var requestedPermissions: JSONValue?

    /// Creates a service dependency.
    public init(
        serName: String,
        serCategory: CategoryRef? = nil,
        version: String,
        serTransportDependencies: [TransportDependency]? = nil,
        requestedPermissions: JSONValue? = nil
    ) {
        self.serName = serName
        self.serCategory = serCategory
        self.version = version
        self.serTransportDependencies = serTransportDependencies
        self.requestedPermissions = requestedPermissions
    }
}
