import MECDataPlane
import MECModel

extension DNSRecord {
    /// The record a MEC 011 DNS rule asks the data plane to answer.
    init(rule: DnsRule) {
        self.init(
            domainName: rule.domainName,
            address: rule.ipAddress,
            addressType: rule.ipAddressType == .ipV6 ? .ipv6 : .ipv4,
            ttl: rule.ttl
        )
    }
}
