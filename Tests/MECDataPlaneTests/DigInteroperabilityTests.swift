import Foundation
import MECDataPlane
import MECTestSupport
import Testing

@Suite("dnsmasq DNS data plane answers an independent DNS client")
struct DigInteroperabilityTests {
    @Test("dig gets the address of an active rule and none once the rule is inactive")
    func digSeesRuleStates() async throws {
        try await DataPlaneFixture.with { fixture in
            let rule = DNSRecord(
                domainName: "mec-app.example.org", address: "198.51.100.7", addressType: .ipv4, ttl: 30)
            try await fixture.plane.apply([rule])
            let active = try dig(fixture, "mec-app.example.org")
            #expect(active.contains("status: NOERROR"))
            #expect(active.contains("mec-app.example.org.\t30\tIN\tA\t198.51.100.7"))
            try await fixture.plane.apply([])
            let inactive = try dig(fixture, "mec-app.example.org")
            #expect(inactive.contains("status: REFUSED"))
            #expect(!inactive.contains("198.51.100.7"))
        }
    }

    @Test("dig over TCP gets the same answer")
    func digOverTCP() async throws {
        try await DataPlaneFixture.with { fixture in
            try await fixture.plane.apply([
                DNSRecord(domainName: "tcp.example", address: "fd00::44", addressType: .ipv6)
            ])
            let output = try dig(fixture, "tcp.example", type: "AAAA", extra: ["+tcp"])
            #expect(output.contains("IN\tAAAA\tfd00::44"))
        }
    }

    private func dig(_ fixture: DataPlaneFixture, _ name: String, type: String = "A", extra: [String] = []) throws
        -> String
    {
        let arguments = [
            "dig", "@\(fixture.plane.listenAddress)", "-p", String(fixture.plane.port), name, type, "+tries=1",
            "+time=2",
        ]
        return try ChildProcess.run(arguments + extra).output
    }
}
