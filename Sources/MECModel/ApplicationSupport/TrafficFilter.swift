/// Which packets a traffic rule applies to (`TrafficFilter`, clause 7.1.5.2).
public struct TrafficFilter: Codable, Sendable, Equatable {
    /// Source addresses: addresses, addresses with a prefix length, or ranges.
    public var srcAddress: [String]?
    /// Destination addresses: addresses, addresses with a prefix length, or ranges.
    public var dstAddress: [String]?
    /// Source ports or port ranges.
    public var srcPort: [String]?
    /// Destination ports or port ranges.
    public var dstPort: [String]?
    /// Protocols.
    public var `protocol`: [String]?
    /// Tags, for tag-based rules.
    public var tag: [String]?
    /// GTP tunnel source addresses.
    public var srcTunnelAddress: [String]?
    /// GTP tunnel target addresses.
    public var tgtTunnelAddress: [String]?
    /// GTP tunnel source ports.
    public var srcTunnelPort: [String]?
    /// GTP tunnel destination ports.
    public var dstTunnelPort: [String]?
    /// The QoS class identifier to match.
    public var qCI: Int?
    /// The IPv4 differentiated services code point to match.
    public var dSCP: Int?
    /// The IPv6 traffic class to match.
    public var tC: Int?

    /// Creates a traffic filter.
    public init(
        srcAddress: [String]? = nil,
        dstAddress: [String]? = nil,
        srcPort: [String]? = nil,
        dstPort: [String]? = nil,
        protocol: [String]? = nil,
        tag: [String]? = nil,
        srcTunnelAddress: [String]? = nil,
        tgtTunnelAddress: [String]? = nil,
        srcTunnelPort: [String]? = nil,
        dstTunnelPort: [String]? = nil,
        qCI: Int? = nil,
        dSCP: Int? = nil,
        tC: Int? = nil
    ) {
        self.srcAddress = srcAddress
        self.dstAddress = dstAddress
        self.srcPort = srcPort
        self.dstPort = dstPort
        self.protocol = `protocol`
        self.tag = tag
        self.srcTunnelAddress = srcTunnelAddress
        self.tgtTunnelAddress = tgtTunnelAddress
        self.srcTunnelPort = srcTunnelPort
        self.dstTunnelPort = dstTunnelPort
        self.qCI = qCI
        self.dSCP = dSCP
        self.tC = tC
    }
}
