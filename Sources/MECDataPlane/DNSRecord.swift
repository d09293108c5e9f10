/// One DNS answer the data plane serves: a domain name and one address with its time to live.
///
/// A neutral value, not the ETSI `DnsRule`: the MEC platform maps each ACTIVE rule to one record. Several records
/// may share a domain name; queries for it then get every address of the asked type.
public struct DNSRecord: Sendable, Hashable, Codable {
    /// The family of an address, which decides whether it answers A or AAAA queries.
    public enum AddressType: String, Sendable, Hashable, Codable, CaseIterable {
        /// An IPv4 address, answered to A queries.
        case ipv4
        /// An IPv6 address, answered to AAAA queries.
        case ipv6
    }

    /// The fully qualified domain name answered, such as `app.example.com` (a trailing dot is allowed).
    public var domainName: String
    /// The address answered, in numeric form (`10.0.0.7`, `fd00::7`).
    public var address: String
    /// The family of ``address``; it must match the address.
    public var addressType: AddressType
    /// The time to live of answers in seconds (0 to 2147483647); nil uses the data plane's default.
    public var ttl: Int?

    /// Creates a record; ``validated()`` checks it.
    public init(domainName: String, address: String, addressType: AddressType, ttl: Int? = nil) {
        self.domainName = domainName
        self.address = address
        self.addressType = addressType
        self.ttl = ttl
    }
}
