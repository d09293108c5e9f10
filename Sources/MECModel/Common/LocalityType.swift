/// A scope of locality of a service (`LocalityType`, clause 8.1.6.2).
///
/// Closed: the specification does not mark the list as extensible.
public enum LocalityType: String, SpecEnumeration {
    /// The MEC system.
    case mecSystem = "MEC_SYSTEM"
    /// The MEC host; the default when `scopeOfLocality` is absent.
    case mecHost = "MEC_HOST"
    /// The NFVI point of presence, when the service is deployed as a VNF.
    case nfviPop = "NFVI_POP"
    /// The zone, when the service is deployed as a VNF.
    case zone = "ZONE"
    /// The zone group, when the service is deployed as a VNF.
    case zoneGroup = "ZONE_GROUP"
    /// The NFVI node, when the service is deployed as a VNF.
    case nfviNode = "NFVI_NODE"
}
