import MECDataPlane
import Testing

@Suite("DNS record validation")
struct DNSRecordValidationTests {
    @Test("a valid record comes back in canonical form")
    func canonicalForm() throws {
        let record = DNSRecord(domainName: "App-1.Example.COM.", address: "fd00:0:0::07", addressType: .ipv6, ttl: 30)
        let checked = try record.validated()
        #expect(checked.domainName == "app-1.example.com")
        #expect(checked.address == "fd00::7")
        #expect(checked.ttl == 30)
    }

    @Test(
        "domain names that are not host names are refused",
        arguments: [
            "", ".", "*.example.com", "a..example.com", "-a.example.com", "a-.example.com", "exa mple.com",
            "example.com\nserver=8.8.8.8", "example.com,10.0.0.1", "example.com/10.0.0.1", "#example.com",
            "exa_mple.com", "bücher.example", "1.2.3.4", "123", "example.com\u{0}",
            String(repeating: "a", count: 64) + ".example.com",
            Array(repeating: "abcdefghij", count: 25).joined(separator: "."),
        ]
    )
    func invalidDomainNames(name: String) {
        let record = DNSRecord(domainName: name, address: "10.0.0.1", addressType: .ipv4)
        #expect(throws: DNSDataPlaneError.self) { try record.validated() }
        #expect(code(of: record) == .invalidDomainName)
    }

    @Test(
        "addresses that are not numeric IP addresses are refused",
        arguments: [
            "", "10.0.0", "10.0.0.256", "010.0.0.1", "10.0.0.1/24", "10.0.0.1\nhost-record=x,1.1.1.1",
            "10.0.0.1,60", "fe80::1%eth0", "example.com", " 10.0.0.1",
        ]
    )
    func invalidAddresses(address: String) {
        let record = DNSRecord(domainName: "app.example.com", address: address, addressType: .ipv4)
        #expect(code(of: record) == .invalidAddress)
    }

    @Test("an address of the other family than its type is refused")
    func familyMismatch() {
        #expect(
            code(of: DNSRecord(domainName: "a.example", address: "fd00::1", addressType: .ipv4)) == .addressTypeMismatch
        )
        #expect(
            code(of: DNSRecord(domainName: "a.example", address: "10.0.0.1", addressType: .ipv6))
                == .addressTypeMismatch)
    }

    @Test("a time to live outside 0 to 2147483647 seconds is refused", arguments: [-1, 2_147_483_648])
    func invalidTTL(ttl: Int) {
        let record = DNSRecord(domainName: "app.example.com", address: "10.0.0.1", addressType: .ipv4, ttl: ttl)
        #expect(code(of: record) == .invalidTTL)
    }

    @Test("validation errors say they are the caller's fault")
    func validationErrorsAreMarked() {
        #expect(DNSDataPlaneError(.invalidTTL, "x").isValidationError)
        #expect(!DNSDataPlaneError(.notServing, "x").isValidationError)
    }

    private func code(of record: DNSRecord) -> DNSDataPlaneError.Code? {
        do {
            _ = try record.validated()
            return nil
        } catch let error as DNSDataPlaneError {
            return error.code
        } catch {
            return nil
        }
    }
}
