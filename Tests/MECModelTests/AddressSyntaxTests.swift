import Testing

@testable import MECModel

@Suite("Address syntax")
struct AddressSyntaxTests {
    @Test(
        "IPv4 addresses are recognised",
        arguments: [
            ("192.0.2.1", true), ("0.0.0.0", true), ("255.255.255.255", true), ("256.0.0.1", false), ("1.2.3", false),
            ("01.2.3.4", false), ("1.2.3.4.5", false), ("a.b.c.d", false), ("", false),
        ])
    func ipv4(text: String, valid: Bool) {
        #expect(AddressSyntax.isIPv4(Substring(text)) == valid)
    }

    @Test(
        "IPv6 addresses are recognised",
        arguments: [
            ("::1", true), ("::", true), ("2001:db8::a", true), ("2001:db8:0:0:0:0:0:1", true),
            ("::ffff:192.0.2.1", true),
            ("2001:db8::a::b", false), ("2001:db8:0:0:0:0:0:0:1", false), ("12345::", false), ("fe80::1%eth0", false),
            ("2001:db8:0:0:0:0:0", false), ("g::1", false),
        ])
    func ipv6(text: String, valid: Bool) {
        #expect(AddressSyntax.isIPv6(Substring(text)) == valid)
    }

    @Test(
        "Ports and port ranges are recognised",
        arguments: [
            ("0", true), ("65535", true), ("80-8080", true), ("65536", false), ("-1", false), ("9-8", false),
            ("", false),
            ("1-2-3", false), ("http", false),
        ])
    func ports(text: String, valid: Bool) {
        #expect(AddressSyntax.isPortOrRange(text) == valid)
    }

    @Test(
        "Host names are recognised",
        arguments: [
            ("edge.example.com", true), ("a", true), ("edge.example.com.", true), ("-a.example", false),
            ("a..b", false),
            ("a_b.example", false), (String(repeating: "a", count: 64) + ".example", false),
        ])
    func hostNames(text: String, valid: Bool) {
        #expect(AddressSyntax.isHostName(text) == valid)
    }
}
