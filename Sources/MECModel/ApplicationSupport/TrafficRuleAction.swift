/// What the data plane does with a packet that matches a traffic rule (`TrafficRule.action`).
///
/// Closed: the values are the six listed in the description; the file's `enum` names only the last of them.
public enum TrafficRuleAction: String, SpecEnumeration {
    /// Drop the packet.
    case drop = "DROP"
    /// Forward the packet without its encapsulation.
    case forwardDecapsulated = "FORWARD_DECAPSULATED"
    /// Forward the packet with its encapsulation.
    case forwardEncapsulated = "FORWARD_ENCAPSULATED"
    /// Let the packet pass.
    case passthrough = "PASSTHROUGH"
    /// Duplicate the packet, forwarding the copy without its encapsulation.
    case duplicateDecapsulated = "DUPLICATE_DECAPSULATED"
    /// Duplicate the packet, forwarding the copy with its encapsulation.
    case duplicateEncapsulated = "DUPLICATE_ENCAPSULATED"
}
