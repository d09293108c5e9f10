/// A DNS entry the platform resolves for an application (`DnsRule`, clause 7.1.2.3).
public struct DnsRule: Codable, Sendable, Equatable {
    /// The identifier of the rule.
    public var dnsRuleId: String
    /// The fully qualified domain name the rule resolves.
    public var domainName: String
    /// The family of `ipAddress`.
    public var ipAddressType: IPAddressType
    /// The address the name resolves to.
    public var ipAddress: String
    /// The time to live in seconds; the rule does not expire when absent.
    public var ttl: Int?
    /// Whether the rule is in force.
    public var state: RuleState

    /// Creates a DNS rule.
    public init(
        dnsRuleId: String,
        domainName: String,
        ipAddressType: IPAddressType,
        ipAddress: String,
        ttl: Int? = nil,
        state: RuleState
    ) {
        self.dnsRuleId = dnsRuleId
        self.domainName = domainName
        self.ipAddressType = ipAddressType
        self.ipAddress = ipAddress
        self.ttl = ttl
        self.state = state
    }
}
