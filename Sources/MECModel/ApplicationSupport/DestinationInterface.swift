/// Where a traffic rule sends matching packets (`DestinationInterface`, clause 7.1.5.3).
public struct DestinationInterface: Codable, Sendable, Equatable {
    /// The kind of interface.
    public var interfaceType: InterfaceType
    /// The tunnel; only when the interface type is `TUNNEL`.
    public var tunnelInfo: TunnelInfo?
    /// The source MAC address, when the interface type is `MAC`.
    public var srcMacAddress: String?
    /// The destination MAC address, when the interface type is `MAC`.
    public var dstMacAddress: String?
    /// The IP address of the remote destination, when the interface type is `IP`.
    public var dstIpAddress: String?

    /// Creates a destination interface.
    public init(
        interfaceType: InterfaceType,
        tunnelInfo: TunnelInfo? = nil,
        srcMacAddress: String? = nil,
        dstMacAddress: String? = nil,
        dstIpAddress: String? = nil
    ) {
        self.interfaceType = interfaceType
        self.tunnelInfo = tunnelInfo
        self.srcMacAddress = srcMacAddress
        self.dstMacAddress = dstMacAddress
        self.dstIpAddress = dstIpAddress
    }
}
