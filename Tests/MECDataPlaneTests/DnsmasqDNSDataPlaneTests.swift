import Foundation
import MECDataPlane
import Testing

@Suite("dnsmasq DNS data plane answers exactly the applied records")
struct DnsmasqDNSDataPlaneTests {
    @Test("active records answer with their address and TTL, for A and AAAA")
    func answersRecords() async throws {
        try await DataPlaneFixture.with { fixture in
            try await fixture.plane.apply([
                DNSRecord(domainName: "app.example.com", address: "10.1.2.3", addressType: .ipv4, ttl: 42),
                DNSRecord(domainName: "app.example.com", address: "fd00::5", addressType: .ipv6, ttl: 43),
                DNSRecord(domainName: "other.example.com.", address: "10.9.9.9", addressType: .ipv4),
            ])
            let a = try await fixture.resolve("app.example.com", .a)
            #expect(a.responseCode == .noError)
            #expect(a.answers == [DNSResponse.Answer(name: "app.example.com", type: .a, address: "10.1.2.3", ttl: 42)])
            let aaaa = try await fixture.resolve("APP.example.com", .aaaa)
            #expect(aaaa.answers.map(\.address) == ["fd00::5"])
            #expect(aaaa.answers.map(\.ttl) == [43])
            let other = try await fixture.resolve("other.example.com", .a)
            #expect(other.answers.map(\.ttl) == [60])
        }
    }

    @Test("a name without an address of the asked type gets an empty NOERROR")
    func emptyAnswerForMissingType() async throws {
        try await DataPlaneFixture.with { fixture in
            try await fixture.plane.apply([DNSRecord(domainName: "v4.example", address: "10.0.0.4", addressType: .ipv4)]
            )
            let response = try await fixture.resolve("v4.example", .aaaa)
            #expect(response.responseCode == .noError)
            #expect(response.answers.isEmpty)
        }
    }

    @Test("a record left out of the next apply no longer answers")
    func removedRecordStopsAnswering() async throws {
        try await DataPlaneFixture.with { fixture in
            let rule = DNSRecord(domainName: "gone.example.com", address: "10.0.0.8", addressType: .ipv4, ttl: 5)
            try await fixture.plane.apply([rule])
            #expect(try await fixture.resolve("gone.example.com").addresses == ["10.0.0.8"])
            try await fixture.plane.apply([])
            let response = try await fixture.resolve("gone.example.com")
            #expect(response.responseCode == .refused)
            #expect(response.answers.isEmpty)
        }
    }

    @Test("changing a record's address takes effect when apply returns")
    func changedAddressTakesEffect() async throws {
        try await DataPlaneFixture.with { fixture in
            for last in 1...3 {
                let address = "192.0.2.\(last)"
                try await fixture.plane.apply([
                    DNSRecord(domainName: "moving.example.com", address: address, addressType: .ipv4, ttl: 1)
                ])
                #expect(try await fixture.resolve("moving.example.com").addresses == [address])
            }
        }
    }

    @Test("applying the same records again restarts nothing")
    func applyIsIdempotent() async throws {
        try await DataPlaneFixture.with { fixture in
            let records = [DNSRecord(domainName: "same.example", address: "10.0.0.1", addressType: .ipv4)]
            try await fixture.plane.apply(records)
            let pid = fixture.plane.processIdentifier
            try await fixture.plane.apply(records + records)
            #expect(pid != nil)
            #expect(fixture.plane.processIdentifier == pid)
        }
    }

    @Test("names never given are refused, not forwarded, and system files are not read")
    func unknownNamesAreRefused() async throws {
        try await DataPlaneFixture.with { fixture in
            try await fixture.plane.apply([
                DNSRecord(domainName: "app.example", address: "10.0.0.1", addressType: .ipv4)
            ])
            for name in ["example.com", "localhost", "deb.debian.org"] {
                let response = try await fixture.resolve(name)
                #expect(response.responseCode == .refused, "\(name)")
                #expect(response.answers.isEmpty, "\(name)")
            }
            let below = try await fixture.resolve("sub.app.example")
            #expect(below.responseCode == .nameError)
            #expect(below.answers.isEmpty)
            let config = try String(contentsOfFile: fixture.directory + "/dnsmasq.conf", encoding: .utf8)
            let directives = config.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.prefix { $0 != "=" } }
            #expect(Set(directives) == ["local", "host-record"])
        }
    }

    @Test("a record with an injection attempt is refused and nothing changes")
    func injectionIsRefused() async throws {
        try await DataPlaneFixture.with { fixture in
            let good = DNSRecord(domainName: "good.example", address: "10.0.0.1", addressType: .ipv4)
            try await fixture.plane.apply([good])
            let configPath = fixture.directory + "/dnsmasq.conf"
            let before = try String(contentsOfFile: configPath, encoding: .utf8)
            let attempts = [
                DNSRecord(domainName: "x.example\nserver=1.1.1.1", address: "10.0.0.2", addressType: .ipv4),
                DNSRecord(domainName: "*.example", address: "10.0.0.2", addressType: .ipv4),
                DNSRecord(domainName: "x.example,10.6.6.6", address: "10.0.0.2", addressType: .ipv4),
                DNSRecord(domainName: "x.example", address: "10.0.0.2\naddress=/#/10.6.6.6", addressType: .ipv4),
            ]
            for attempt in attempts {
                do {
                    try await fixture.plane.apply([good, attempt])
                    Issue.record("apply accepted \(attempt)")
                } catch let error as DNSDataPlaneError {
                    #expect(error.isValidationError)
                    #expect(error.recordIndex == 1)
                }
            }
            #expect(try String(contentsOfFile: configPath, encoding: .utf8) == before)
            #expect(try await fixture.resolve("good.example").addresses == ["10.0.0.1"])
            #expect(try await fixture.resolve("anything.example").responseCode == .refused)
        }
    }

    @Test("generated files are private to the host")
    func filesArePrivate() async throws {
        try await DataPlaneFixture.with { fixture in
            let directory = try FileManager.default.attributesOfItem(atPath: fixture.directory)
            let file = try FileManager.default.attributesOfItem(atPath: fixture.directory + "/dnsmasq.conf")
            #expect((directory[.posixPermissions] as? Int) == 0o700)
            #expect((file[.posixPermissions] as? Int) == 0o600)
        }
    }

    @Test("an IPv6 listen address works too")
    func listensOnIPv6() async throws {
        try await DataPlaneFixture.with(listenAddress: "::1") { fixture in
            try await fixture.plane.apply([DNSRecord(domainName: "v6.example", address: "fd00::6", addressType: .ipv6)])
            #expect(try await fixture.resolve("v6.example", .aaaa).addresses == ["fd00::6"])
        }
    }

    @Test("apply before start is refused")
    func applyBeforeStart() async {
        let plane = DnsmasqDNSDataPlane(
            configuration: .init(workingDirectory: "/nonexistent"), logger: .init(label: "t"))
        await #expect(throws: DNSDataPlaneError.self) { try await plane.apply([]) }
    }
}
