/// Whether a traffic rule or DNS rule is in force (`TrafficRule.state`, `DnsRule.state`).
///
/// Closed: the values are those listed in the descriptions (the files' own `enum` is a placeholder).
public enum RuleState: String, SpecEnumeration {
    /// The rule is in force.
    case active = "ACTIVE"
    /// The rule is not in force.
    case inactive = "INACTIVE"
}
