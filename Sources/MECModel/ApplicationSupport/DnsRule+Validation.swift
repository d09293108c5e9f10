extension DnsRule: Validatable {
    /// Checks a DNS rule.
    ///
    /// - `dnsRuleId` is not empty and `domainName` is a fully qualified domain name ("FQDN resolved by the DNS rule").
    /// - `ipAddress` is an address of the family `ipAddressType` names (`IP_V4` or `IP_V6`).
    /// - `ttl` ("time to live value, in seconds") is not negative.
    public func validate(in context: ValidationContext) throws(ValidationError) {
        var validator = Validator(context: context)
        let root = FieldPath.root
        validator.nonEmpty(dnsRuleId, at: root.field("dnsRuleId"))
        if !AddressSyntax.isHostName(domainName) {
            validator.report(root.field("domainName"), .invalidAddress, "must be a fully qualified domain name")
        }
        switch ipAddressType {
        case .ipV4 where !AddressSyntax.isIPv4(Substring(ipAddress)):
            validator.report(
                root.field("ipAddress"), .invalidAddress, "must be an IPv4 address when ipAddressType is IP_V4")
        case .ipV6 where !AddressSyntax.isIPv6(Substring(ipAddress)):
            validator.report(
                root.field("ipAddress"), .invalidAddress, "must be an IPv6 address when ipAddressType is IP_V6")
        default:
            break
        }
        validator.within(ttl, 0...Int.max, at: root.field("ttl"))
        try validator.finish()
    }
}
