/// The tunnel of a destination interface (`TunnelInfo`, clause 7.1.5.4).
public struct TunnelInfo: Codable, Sendable, Equatable {
    /// The kind of tunnel.
    public var tunnelType: TunnelType
    /// The destination address of the tunnel.
    public var tunnelDstAddress: String?
    /// The source address of the tunnel.
    public var tunnelSrcAddress: String?

    /// Creates tunnel information.
    public init(tunnelType: TunnelType, tunnelDstAddress: String? = nil, tunnelSrcAddress: String? = nil) {
        self.tunnelType = tunnelType
        self.tunnelDstAddress = tunnelDstAddress
        self.tunnelSrcAddress = tunnelSrcAddress
    }
}
