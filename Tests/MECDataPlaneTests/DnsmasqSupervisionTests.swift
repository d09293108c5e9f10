import Foundation
import MECDataPlane
import MECObservability
import Testing

@Suite("dnsmasq DNS data plane supervises its child process")
struct DnsmasqSupervisionTests {
    @Test("a dnsmasq killed from outside is restarted and serves the records again")
    func restartsAfterKill() async throws {
        try await DataPlaneFixture.with { fixture in
            try await fixture.plane.apply([
                DNSRecord(domainName: "kept.example", address: "10.0.0.9", addressType: .ipv4)
            ])
            let first = try #require(fixture.plane.processIdentifier)
            #expect(kill(first, SIGKILL) == 0)
            let restarted = await DataPlaneFixture.eventually {
                let pid = fixture.plane.processIdentifier
                let answered = (try? await fixture.resolve("kept.example").addresses) == ["10.0.0.9"]
                return pid != nil && pid != first && answered
            }
            #expect(restarted)
            #expect(!DataPlaneFixture.processExists(first))
            let errors = fixture.logs.lines.filter { $0.contains("level=error") && $0.contains("exited unexpectedly") }
            #expect(errors.count == 1)
            #expect(errors.first?.contains("exit_status=9") == true)
        }
    }

    @Test("stop leaves no dnsmasq process, not even a zombie")
    func stopLeavesNoChild() async throws {
        var pid: Int32?
        try await DataPlaneFixture.with { fixture in
            pid = fixture.plane.processIdentifier
            #expect(pid != nil)
        }
        let stopped = try #require(pid)
        #expect(!DataPlaneFixture.processExists(stopped))
        #expect(!FileManager.default.fileExists(atPath: "/proc/\(stopped)"))
    }

    @Test("apply after stop is refused")
    func applyAfterStop() async throws {
        var plane: DnsmasqDNSDataPlane?
        try await DataPlaneFixture.with { plane = $0.plane }
        let stopped = try #require(plane)
        await #expect(throws: DNSDataPlaneError.self) { try await stopped.apply([]) }
        #expect(stopped.processIdentifier == nil)
    }

    @Test("a dnsmasq that cannot start makes start fail and leaves nothing running")
    func startFailsCleanly() async throws {
        let directory = NSTemporaryDirectory() + "mec-dns-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let plane = DnsmasqDNSDataPlane(
            configuration: .init(workingDirectory: directory, executablePath: "/nonexistent/dnsmasq"),
            logger: .init(label: "test.dns", sink: MemoryLogSink())
        )
        await #expect(throws: DNSDataPlaneError.self) { try await plane.start() }
        #expect(plane.processIdentifier == nil)
    }

    @Test("dnsmasq output is forwarded to the logger, never printed")
    func forwardsOutput() async throws {
        try await DataPlaneFixture.with { fixture in
            #expect(fixture.logs.lines.contains { $0.contains("msg=\"dnsmasq output\"") && $0.contains("started") })
        }
    }
}
