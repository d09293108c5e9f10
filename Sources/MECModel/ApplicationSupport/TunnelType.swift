/// The kind of tunnel of a destination interface (`TunnelInfo.tunnelType`).
///
/// Extensible: the specification lists its values as examples ("e.g. GTP_U, GRE, etc."), so an unknown value decodes
/// as `other` and is written back unchanged.
public enum TunnelType: ExtensibleEnumeration {
    /// A GTP user plane tunnel.
    case gtpU
    /// A generic routing encapsulation tunnel.
    case gre
    /// A value this version does not know, kept as it was sent.
    case other(String)

    /// The values the specification lists, in its order.
    public static let knownCases: [TunnelType] = [.gtpU, .gre]

    /// The value spelled `rawValue`; never fails, since unknown spellings are kept.
    public init(rawValue: String) {
        switch rawValue {
        case "GTP_U": self = .gtpU
        case "GRE": self = .gre
        default: self = .other(rawValue)
        }
    }

    /// The spelling used in JSON.
    public var rawValue: String {
        switch self {
        case .gtpU: "GTP_U"
        case .gre: "GRE"
        case .other(let value): value
        }
    }

}
