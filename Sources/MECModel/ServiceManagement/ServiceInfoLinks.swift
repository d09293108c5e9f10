/// The `_links` member of `ServiceInfo` (the `_links1` schema of service management); absent in requests.
public struct ServiceInfoLinks: Codable, Sendable, Equatable {
    /// The link to the service itself (JSON `self`).
    public var selfLink: LinkType
    /// The liveness resource to send heartbeats to, present when the platform requires them.
    public var liveness: LinkType?

    /// Creates the links of a service.
    public init(selfLink: LinkType, liveness: LinkType? = nil) {
        self.selfLink = selfLink
        self.liveness = liveness
    }

    private enum CodingKeys: String, CodingKey {
        case selfLink = "self"
        case liveness
    }
}
