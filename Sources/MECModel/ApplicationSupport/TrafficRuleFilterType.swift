/// Whether a traffic rule filters per flow or per packet (`TrafficRule.filterType`).
///
/// Closed: the values are those listed in the description (the file's own `enum` is a placeholder).
public enum TrafficRuleFilterType: String, SpecEnumeration {
    /// Upstream and downstream packets of a flow are handled in the same context.
    case flow = "FLOW"
    /// Each packet is matched on its own.
    case packet = "PACKET"
}
