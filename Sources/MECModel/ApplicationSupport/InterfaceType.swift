/// The kind of a destination interface of a traffic rule (`DestinationInterface.interfaceType`).
///
/// Extensible: the specification lists its values as examples ("e.g. TUNNEL, MAC, IP, etc."), so an unknown value
/// decodes as `other` and is written back unchanged.
public enum InterfaceType: ExtensibleEnumeration {
    /// A tunnel, described by `tunnelInfo`.
    case tunnel
    /// An Ethernet interface, addressed by MAC address.
    case mac
    /// An IP interface, addressed by IP address.
    case ip
    /// A value this version does not know, kept as it was sent.
    case other(String)

    /// The values the specification lists, in its order.
    public static let knownCases: [InterfaceType] = [.tunnel, .mac, .ip]

    /// The value spelled `rawValue`; never fails, since unknown spellings are kept.
    public init(rawValue: String) {
        switch rawValue {
        case "TUNNEL": self = .tunnel
        case "MAC": self = .mac
        case "IP": self = .ip
        default: self = .other(rawValue)
        }
    }

    /// The spelling used in JSON.
    public var rawValue: String {
        switch self {
        case .tunnel: "TUNNEL"
        case .mac: "MAC"
        case .ip: "IP"
        case .other(let value): value
        }
    }

}
