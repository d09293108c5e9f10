import Foundation
import MECHost
import MECObservability
import Testing

@Suite("Configuration precedence")
struct ConfigurationLoaderTests {
    static func withFile(_ text: String, _ body: (String) throws -> Void) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mec-\(UUID().uuidString).conf").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        try body(path)
    }

    @Test("defaults apply when nothing is set")
    func defaults() throws {
        let configuration = try ConfigurationLoader.load(configFile: nil, environment: ["HOME": "/home/u"], flags: [])
        #expect(configuration.dataDirectory == "/home/u/.local/share/swift-mec")
        #expect(configuration.port == 8443)
        #expect(configuration.host == "127.0.0.1")
        #expect(!configuration.insecureHTTP)
        #expect(configuration.maxBodySize == 1 << 20)
    }

    @Test("flags beat the environment, which beats the file")
    func precedence() throws {
        try Self.withFile("# comment\nport = 1000\nlog-level = debug\nhost = 0.0.0.0\n") { path in
            let environment = ["MEC_PORT": "2000", "MEC_LOG_LEVEL": "error", "HOME": "/h"]
            let configuration = try ConfigurationLoader.load(
                configFile: path,
                environment: environment,
                flags: [("port", "3000")]
            )
            #expect(configuration.port == 3000)
            #expect(configuration.logLevel == .error)
            #expect(configuration.host == "0.0.0.0")
        }
    }

    @Test("MEC_CONFIG names the file when no flag does")
    func configFromEnvironment() throws {
        try Self.withFile("data-dir = /srv/mec\n") { path in
            let configuration = try ConfigurationLoader.load(
                configFile: nil, environment: ["MEC_CONFIG": path], flags: [])
            #expect(configuration.dataDirectory == "/srv/mec")
        }
    }

    @Test(
        "bad values name the setting and where it came from",
        arguments: [
            ("port", "http", "--port: 'http' is not a port number (0-65535)"),
            ("port", "70000", "--port: '70000' is not a port number (0-65535)"),
            ("log-level", "loud", "--log-level: 'loud' is not a log level"),
            ("insecure-http", "maybe", "--insecure-http: 'maybe' is not true or false"),
            ("max-body-size", "0", "--max-body-size: '0' is not a size in bytes"),
        ])
    func badFlags(key: String, value: String, message: String) {
        do {
            _ = try ConfigurationLoader.load(configFile: nil, environment: [:], flags: [(key, value)])
            Issue.record("accepted \(key)=\(value)")
        } catch let error as ConfigurationError {
            #expect(error.description.hasPrefix(message))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("a bad environment value names the variable")
    func badEnvironment() {
        #expect(throws: ConfigurationError("MEC_PORT: 'x' is not a port number (0-65535)")) {
            try ConfigurationLoader.load(configFile: nil, environment: ["MEC_PORT": "x"], flags: [])
        }
    }

    @Test("unknown keys and malformed lines in the file are refused with their line")
    func badFile() throws {
        try Self.withFile("port = 1\nprot = 2\n") { path in
            #expect(throws: ConfigurationError("\(path):2: unknown key 'prot'")) {
                try ConfigurationLoader.load(configFile: path, environment: [:], flags: [])
            }
        }
        try Self.withFile("just words\n") { path in
            #expect(throws: ConfigurationError("\(path):1: expected 'key = value'")) {
                try ConfigurationLoader.load(configFile: path, environment: [:], flags: [])
            }
        }
    }

    @Test("server names from repeated flags add up and replace those from the file")
    func serverNames() throws {
        try Self.withFile("server-name = file.example\n") { path in
            let configuration = try ConfigurationLoader.load(
                configFile: path,
                environment: [:],
                flags: [("server-name", "a.example,b.example"), ("server-name", "10.0.0.1")]
            )
            #expect(configuration.serverNames == ["a.example", "b.example", "10.0.0.1"])
        }
    }
}
