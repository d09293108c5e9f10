import Foundation
import MECDataPlane
import MECObservability

/// A started dnsmasq data plane in a fresh temporary directory, with its log lines kept in memory.
struct DataPlaneFixture {
    let plane: DnsmasqDNSDataPlane
    let logs: MemoryLogSink
    let directory: String

    /// A DNS client for the data plane's address and port.
    var client: DNSQuery {
        DNSQuery(server: plane.listenAddress, port: plane.port, timeout: .seconds(1))
    }

    /// Runs `body` with a started data plane and stops it and removes its directory afterwards, also on failure.
    static func with(
        listenAddress: String = "127.0.0.1",
        adjust: (inout DnsmasqDNSDataPlane.Configuration) -> Void = { _ in },
        _ body: (DataPlaneFixture) async throws -> Void
    ) async throws {
        let directory = NSTemporaryDirectory() + "mec-dns-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var configuration = DnsmasqDNSDataPlane.Configuration(
            listenAddress: listenAddress,
            workingDirectory: directory + "/dns"
        )
        adjust(&configuration)
        let logs = MemoryLogSink()
        let logger = Logger(label: "test.dns", level: .debug, sink: logs)
        let plane = DnsmasqDNSDataPlane(configuration: configuration, logger: logger)
        try await plane.start()
        let fixture = DataPlaneFixture(plane: plane, logs: logs, directory: directory + "/dns")
        do {
            try await body(fixture)
        } catch {
            await plane.stop()
            throw error
        }
        await plane.stop()
    }

    /// Asks the data plane for `name`.
    func resolve(_ name: String, _ type: DNSQuery.RecordType = .a) async throws -> DNSResponse {
        try await client.resolve(name, type: type)
    }

    /// Whether a process with this id exists, zombies included.
    static func processExists(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno != ESRCH
    }

    /// Waits until `condition` holds, up to `limit`.
    static func eventually(within limit: Duration = .seconds(10), _ condition: () async -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if await condition() { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return await condition()
    }
}
