/// A transport binding an application supports for consuming a service (`TransportDependency`, 6.2.1.18).
public struct TransportDependency: Codable, Sendable, Equatable {
    /// The transport of the binding.
    public var transport: TransportDescriptor
    /// The serializers of the binding; at least one.
    public var serializers: [SerializerType]
    /// Labels that group transport bindings; at least one.
    public var labels: [String]

    /// Creates a transport binding.
    public init(transport: TransportDescriptor, serializers: [SerializerType], labels: [String]) {
        self.transport = transport
        self.serializers = serializers
        self.labels = labels
    }
}
