/// A transport a service is offered over (`TransportInfo`, clause 8.1.2.3).
public struct TransportInfo: Codable, Sendable, Equatable {
    /// The identifier of the transport.
    public var id: String
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
    /// Where the transport can be reached.
    public var endpoint: EndPointInfo
    /// How the transport is secured.
    public var security: SecurityInfo
    /// Implementation-specific details, kept as sent.
    public var implSpecificInfo: [String: JSONValue]?

    /// Creates a transport description.
    public init(
        id: String,
        name: String,
        description: String? = nil,
        type: TransportType,
        protocol: String,
        version: String,
        endpoint: EndPointInfo,
        security: SecurityInfo,
        implSpecificInfo: [String: JSONValue]? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.type = type
        self.protocol = `protocol`
        self.version = version
        self.endpoint = endpoint
        self.security = security
        self.implSpecificInfo = implSpecificInfo
    }
}
