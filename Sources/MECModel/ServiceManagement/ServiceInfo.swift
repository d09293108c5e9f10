/// A MEC service instance as registered by its producer and seen by consumers (`ServiceInfo`, clause 8.1.2.2).
///
/// `transportId` and `transportInfo` are separate optionals because their exclusion depends on the operation:
/// exactly one in POST requests, `transportInfo` only otherwise; `validate(in:)` enforces both.
///
/// `links` is optional although the schema lists `_links` as required: its own description says it "shall be absent
/// in HTTP requests", so a required member would reject every valid registration.
public struct ServiceInfo: Codable, Sendable, Equatable {
    /// The identifier assigned by the platform; absent in POST requests, present otherwise.
    public var serInstanceId: String?
    /// The name under which the producer identifies the service.
    public var serName: String
    /// The category of the service.
    public var serCategory: CategoryRef?
    /// The version of the service.
    public var version: String
    /// The state of the service.
    public var state: ServiceState
    /// The platform-provided transport to use; only in POST requests.
    public var transportId: String?
    /// The application-provided transport; may be present in POST requests and present otherwise.
    public var transportInfo: TransportInfo?
    /// The serialization format the service supports.
    public var serializer: SerializerType
    /// The scope of locality; `MEC_HOST` when absent.
    public var scopeOfLocality: LocalityType?
    /// Whether only applications in the same locality can consume the service; true when absent.
    public var consumedLocalOnly: Bool?
    /// Whether the service is in the same locality as the consumer; true when absent.
    public var isLocal: Bool?
    /// The seconds between two heartbeat messages, proposed by the producer and returned by the platform.
    public var livenessInterval: Int?
    /// The links to this service; only in responses.
    public var links: ServiceInfoLinks?

    /// Creates a service description.
    public init(
        serInstanceId: String? = nil,
        serName: String,
        serCategory: CategoryRef? = nil,
        version: String,
        state: ServiceState,
        transportId: String? = nil,
        transportInfo: TransportInfo? = nil,
        serializer: SerializerType,
        scopeOfLocality: LocalityType? = nil,
        consumedLocalOnly: Bool? = nil,
        isLocal: Bool? = nil,
        livenessInterval: Int? = nil,
        links: ServiceInfoLinks? = nil
    ) {
        self.serInstanceId = serInstanceId
        self.serName = serName
        self.serCategory = serCategory
        self.version = version
        self.state = state
        self.transportId = transportId
        self.transportInfo = transportInfo
        self.serializer = serializer
        self.scopeOfLocality = scopeOfLocality
        self.consumedLocalOnly = consumedLocalOnly
        self.isLocal = isLocal
        self.livenessInterval = livenessInterval
        self.links = links
    }

    private enum CodingKeys: String, CodingKey {
        case serInstanceId, serName, serCategory, version, state, transportId, transportInfo, serializer
        case scopeOfLocality, consumedLocalOnly, isLocal, livenessInterval
        case links = "_links"
    }
}
