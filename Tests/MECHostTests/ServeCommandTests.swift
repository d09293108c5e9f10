import Foundation
import MECHTTP
import MECTestSupport
import Testing

@Suite("mec serve as a process")
struct ServeCommandTests {
    struct Health: Codable {
        var status: String
        var hostId: String
        var version: String
        var checks: [String: String]
    }

    static func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("mec-host-\(UUID().uuidString)")
    }

    static func client(_ data: URL) -> HTTPClient {
        var configuration = HTTPClient.Configuration()
        configuration.connectTimeout = .seconds(60)
        configuration.caFile = data.appendingPathComponent("ca.crt").path
        return HTTPClient(configuration: configuration)
    }

    static func health(_ url: String, data: URL) async throws -> Health {
        let response = try await client(data).execute(HTTPClientRequest(url: url + "/healthz"))
        #expect(response.status == 200)
        return try JSONDecoder().decode(Health.self, from: response.body)
    }

    @Test("first start makes the data directory, CA and keys, logs its URL, and SIGTERM exits 0")
    func firstStart() async throws {
        let data = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let mec = try MECProcess(["serve", "--data-dir", data.path, "--port", "0"])
        let url = try #require(try await mec.waitForLog("mec host started", key: "url"), "log: \(mec.stderr)")
        #expect(url.hasPrefix("https://localhost:"))

        let health = try await Self.health(url, data: data)
        #expect(health.status == "pass")
        #expect(health.checks == ["server": "pass", "store": "pass"])

        let manager = FileManager.default
        for (file, mode) in [("ca.key", 0o600), ("server.key", 0o600), ("ca.crt", 0o644), ("mec.sqlite", 0o600)] {
            let attributes = try manager.attributesOfItem(atPath: data.appendingPathComponent(file).path)
            #expect((attributes[.posixPermissions] as? Int) == mode, "\(file)")
        }
        let directoryMode = try manager.attributesOfItem(atPath: data.path)[.posixPermissions] as? Int
        #expect(directoryMode == 0o700)

        let verify = try await runProgram([
            "openssl", "verify", "-CAfile", data.appendingPathComponent("ca.crt").path,
            data.appendingPathComponent("server.crt").path,
        ])
        #expect(verify.status == 0)

        mec.signal(SIGTERM)
        #expect(try await mec.waitForExit() == 0)
        #expect(mec.stderr.contains(#"msg="shutdown requested""#))
        #expect(mec.stderr.contains(#"msg="mec host stopped""#))
    }

    @Test("a restart on the same data directory reuses its CA and data")
    func restartKeepsData() async throws {
        let data = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let first = try MECProcess(["serve", "--data-dir", data.path, "--port", "0"])
        let firstURL = try #require(try await first.waitForLog("mec host started", key: "url"))
        let firstHealth = try await Self.health(firstURL, data: data)
        let caBefore = try Data(contentsOf: data.appendingPathComponent("ca.crt"))
        let serverBefore = try Data(contentsOf: data.appendingPathComponent("server.crt"))
        first.signal(SIGINT)
        #expect(try await first.waitForExit() == 0)

        let second = try MECProcess(["serve", "--data-dir", data.path, "--port", "0"])
        let secondURL = try #require(try await second.waitForLog("mec host started", key: "url"))
        let secondHealth = try await Self.health(secondURL, data: data)
        #expect(secondHealth.hostId == firstHealth.hostId)
        #expect(try Data(contentsOf: data.appendingPathComponent("ca.crt")) == caBefore)
        #expect(try Data(contentsOf: data.appendingPathComponent("server.crt")) == serverBefore)
        #expect(!second.stderr.contains("certificate authority created"))
        second.signal(SIGTERM)
        #expect(try await second.waitForExit() == 0)
    }

    @Test("unknown paths get 404 and oversized bodies 413, both as problem+json; metrics count them")
    func errorsAndMetrics() async throws {
        let data = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let mec = try MECProcess(["serve", "--data-dir", data.path, "--port", "0", "--max-body-size", "2048"])
        let url = try #require(try await mec.waitForLog("mec host started", key: "url"))
        let client = Self.client(data)

        let missing = try await client.execute(HTTPClientRequest(url: url + "/no/such/path"))
        #expect(missing.status == 404)
        #expect(missing.headers["Content-Type"] == "application/problem+json")

        let large = try await client.execute(
            HTTPClientRequest(
                method: "POST",
                url: url + "/healthz",
                headers: ["Content-Type": "application/json"],
                body: Data(repeating: 0x20, count: 4096)
            )
        )
        #expect(large.status == 413)
        #expect(large.headers["Content-Type"] == "application/problem+json")

        _ = try await client.execute(HTTPClientRequest(url: url + "/healthz"))
        let metrics = try await client.execute(HTTPClientRequest(url: url + "/metrics"))
        #expect(metrics.status == 200)
        #expect(metrics.headers["Content-Type"]?.hasPrefix("text/plain") == true)
        let text = String(decoding: metrics.body, as: UTF8.self)
        #expect(text.contains(#"http_requests_total{route="/healthz",method="GET",status="200"}"#))
        #expect(text.contains(#"http_requests_total{route="unmatched",method="GET",status="404"}"#))
        #expect(text.contains(#"http_requests_total{route="unmatched",method="POST",status="413"}"#))
        #expect(text.contains("http_request_duration_seconds_bucket"))
        #expect(text.contains("http_open_connections"))
        #expect(mec.stderr.contains(#"msg="request completed""#))
        #expect(mec.stderr.contains("route=/healthz"))

        mec.signal(SIGTERM)
        #expect(try await mec.waitForExit() == 0)
    }

    @Test("insecure HTTP serves plain HTTP and warns")
    func insecureHTTP() async throws {
        let data = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let mec = try MECProcess(["serve", "--data-dir", data.path, "--port", "0", "--insecure-http"])
        let url = try #require(try await mec.waitForLog("mec host started", key: "url"))
        #expect(url.hasPrefix("http://"))
        #expect(mec.stderr.contains("level=warning"))
        let response = try await HTTPClient().execute(HTTPClientRequest(url: url + "/healthz"))
        #expect(response.status == 200)
        mec.signal(SIGTERM)
        #expect(try await mec.waitForExit() == 0)
    }

    @Test("JSON log lines are selectable")
    func jsonLogs() async throws {
        let data = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let mec = try MECProcess(
            ["serve", "--data-dir", data.path, "--port", "0"],
            environment: ["MEC_LOG_FORMAT": "json"]
        )
        for _ in 0..<500 where !mec.stderr.contains("mec host started") {
            try await Task.sleep(for: .milliseconds(20))
        }
        let line = try #require(mec.stderr.split(separator: "\n").first { $0.contains("mec host started") })
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String]
        #expect(object?["url"]?.hasPrefix("https://") == true)
        mec.signal(SIGTERM)
        #expect(try await mec.waitForExit() == 0)
    }

    @Test(
        "bad flags and values exit 2 with a one-line reason and a usage hint",
        arguments: [
            (["serve", "--prot", "1"], "mec serve: unknown option '--prot'"),
            (["serve", "--port", "http"], "mec serve: --port: 'http' is not a port number (0-65535)"),
            (["serve", "--log-level"], "mec serve: option '--log-level' needs a value"),
            (["serve", "extra"], "mec serve: unexpected argument 'extra'"),
            (["launch"], "mec: unknown command 'launch'"),
            ([], "Usage: mec <command> [options]"),
        ])
    func usageErrors(arguments: [String], message: String) async throws {
        let result = try await runProgram([MECProcess.executable.path] + arguments)
        #expect(result.status == 2)
        #expect(result.error.contains(message), "stderr: \(result.error)")
        if !arguments.isEmpty {
            #expect(result.error.contains("for usage."))
        }
    }

    @Test(
        "help and version print to standard output and exit 0",
        arguments: [
            ["help"], ["--help"], ["help", "serve"], ["serve", "--help"], ["version"], ["--version"],
        ])
    func helpAndVersion(arguments: [String]) async throws {
        let result = try await runProgram([MECProcess.executable.path] + arguments)
        #expect(result.status == 0)
        #expect(result.output.contains("mec"))
        #expect(result.error.isEmpty)
        if arguments.contains("serve") {
            #expect(result.output.contains("--data-dir DIR"))
            #expect(result.output.contains("MEC_DATA_DIR"))
        }
    }

    @Test("a data directory path that is a file is refused with exit 1")
    func dataDirectoryIsFile() async throws {
        let file = Self.temporaryDirectory()
        try Data().write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try await runProgram([MECProcess.executable.path, "serve", "--data-dir", file.path, "--port", "0"])
        #expect(result.status == 1)
        #expect(result.error.contains("host failed"))
    }
}
