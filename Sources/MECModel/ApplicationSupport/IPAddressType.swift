/// The family of the address in a DNS rule (`DnsRule.ipAddressType`).
///
/// Closed: the values are those listed in the description (the file's own `enum` is a placeholder).
public enum IPAddressType: String, SpecEnumeration {
    /// An IPv6 address.
    case ipV6 = "IP_V6"
    /// An IPv4 address.
    case ipV4 = "IP_V4"
}
