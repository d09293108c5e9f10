extension DNSRecord {
    /// The largest time to live a DNS answer may carry (RFC 2181, section 8).
    public static let maximumTTL = 2_147_483_647

    /// Checks the record and returns it in canonical form: lower-case domain name without a trailing dot, address as
    /// the system prints it (`fd00::7`, never `fd00:0::07`).
    ///
    /// The domain name must be a host name made of RFC 1035 labels: letters, digits and inner hyphens, 1 to 63
    /// characters each, at most 253 characters in all, and a last label that is not all digits. That rules out
    /// wildcards, spaces, commas, slashes, newlines and any other way to smuggle options into a server
    /// configuration. Internationalized names must be given in their ASCII (`xn--`) form.
    ///
    /// - Throws: ``DNSDataPlaneError`` with ``DNSDataPlaneError/Code/invalidDomainName``,
    ///   ``DNSDataPlaneError/Code/invalidAddress``, ``DNSDataPlaneError/Code/addressTypeMismatch`` or
    ///   ``DNSDataPlaneError/Code/invalidTTL``.
    public func validated() throws -> DNSRecord {
        let name = try Self.canonicalDomainName(domainName)
        guard let family = IPAddressText.family(of: address), let canonical = IPAddressText.canonical(address) else {
            throw DNSDataPlaneError(.invalidAddress, "address is not a numeric IPv4 or IPv6 address")
        }
        guard family == addressType else {
            throw DNSDataPlaneError(.addressTypeMismatch, "address family does not match the address type")
        }
        if let ttl, !(0...Self.maximumTTL).contains(ttl) {
            throw DNSDataPlaneError(.invalidTTL, "ttl must be between 0 and 2147483647 seconds")
        }
        return DNSRecord(domainName: name, address: canonical, addressType: addressType, ttl: ttl)
    }

    static func canonicalDomainName(_ text: String) throws -> String {
        var name = text
        if name.hasSuffix(".") {
            name.removeLast()
        }
        guard !name.isEmpty, name.utf8.count <= 253 else {
            throw DNSDataPlaneError(.invalidDomainName, "domain name must have 1 to 253 characters")
        }
        let labels = name.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        for label in labels {
            try checkLabel(label)
        }
        if let last = labels.last, last.allSatisfy(isDigit) {
            throw DNSDataPlaneError(.invalidDomainName, "last label of a domain name must not be all digits")
        }
        return name.lowercased()
    }

    private static func checkLabel(_ label: Substring.UTF8View.SubSequence) throws {
        guard (1...63).contains(label.count) else {
            throw DNSDataPlaneError(.invalidDomainName, "domain name label must have 1 to 63 characters")
        }
        guard label.allSatisfy({ isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "-") }) else {
            throw DNSDataPlaneError(.invalidDomainName, "domain name label may hold only letters, digits and hyphens")
        }
        guard label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-") else {
            throw DNSDataPlaneError(.invalidDomainName, "domain name label must not start or end with a hyphen")
        }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
