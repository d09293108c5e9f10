/// A transport an application can consume a service over (`TransportDescriptor`, MEC 010-2 clause 6.2.1.19).
public struct TransportDescriptor: Codable, Sendable, Equatable {
    /// The name of the transport.
    public var name: String
    /// A human-readable description.
    public var description: String?
    /// The kind of transport.
    public var type: TransportType
    /// The protocol; `HTTP` for a REST API.
    public var `protocol`: String
    /// The version of the protocol.
    public var version: String
    /// How the transport is secured.
    public var security: SecurityInfo
    /// Implementation-specific details, kept as sent.
    public var implSpecificInfo: [String: JSONValue]?

    /// Creates a transport descriptor.
    public init(
        name: String,
        description: String? = nil,
        type: TransportType,
        protocol: String,
        version: String,
        security: SecurityInfo,
        implSpecificInfo: [String: JSONValue]? = nil
    ) {
        self.name = name
        self.description = description
        self.type = type
        self.protocol = `protocol`
        self.version = version
        self.security = security
        self.implSpecificInfo = implSpecificInfo
    }
}
