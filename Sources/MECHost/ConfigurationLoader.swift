import Foundation
import MECObservability

/// Builds a `HostConfiguration` from the file, environment and flags, in that order of precedence.
public enum ConfigurationLoader {
    /// Where a value came from, for error messages.
    public enum Source: Sendable {
        case file(path: String, line: Int)
        case environment(name: String)
        case flag

        func label(_ key: String) -> String {
            switch self {
            case .file(let path, let line): "\(path):\(line): \(key)"
            case .environment(let name): name
            case .flag: "--\(key)"
            }
        }
    }

    /// The setting names, shared by file keys, environment variables (`MEC_` + upper case) and flags.
    public static let keys: [String] = [
        "data-dir", "host", "port", "insecure-http", "server-name", "log-level", "log-format", "max-body-size",
        "max-header-size", "max-connections", "idle-timeout", "header-timeout", "threads", "shutdown-grace",
        "token-lifetime", "trusted-proxy", "dns-address", "dns-port",
    ]

    /// The environment variable for a key, such as `MEC_DATA_DIR` for `data-dir`.
    public static func environmentName(_ key: String) -> String {
        "MEC_" + key.uppercased().replacingOccurrences(of: "-", with: "_")
    }

    /// Loads the configuration: defaults, then `configFile` (or `MEC_CONFIG`), then the environment, then `flags`
    /// (pairs of key and value, in order; repeated `server-name` flags add up).
    public static func load(
        configFile: String?,
        environment: [String: String],
        flags: [(key: String, value: String)]
    ) throws -> HostConfiguration {
        var configuration = HostConfiguration(environment: environment)
        if let path = configFile ?? environment["MEC_CONFIG"] {
            for (key, value, line) in try readFile(path) {
                try apply(key, value, to: &configuration, from: .file(path: path, line: line))
            }
        }
        for key in keys {
            let name = environmentName(key)
            if let value = environment[name] {
                try apply(key, value, to: &configuration, from: .environment(name: name))
            }
        }
        var namesFromFlags: [String] = []
        var proxiesFromFlags: [String] = []
        for (key, value) in flags {
            if key == "server-name" {
                namesFromFlags += try names(value, from: .flag, key: key)
                configuration.serverNames = namesFromFlags
            } else if key == "trusted-proxy" {
                proxiesFromFlags += try names(value, from: .flag, key: key)
                configuration.trustedProxies = proxiesFromFlags
            } else {
                try apply(key, value, to: &configuration, from: .flag)
            }
        }
        return configuration
    }

    /// Parses `key = value` lines; `#` starts a comment; blank lines are skipped.
    static func readFile(_ path: String) throws -> [(String, String, Int)] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError("--config: cannot read '\(path)'")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError("\(path): not UTF-8 text")
        }
        var entries: [(String, String, Int)] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            let parts = trimmed.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else {
                throw ConfigurationError("\(path):\(index + 1): expected 'key = value'")
            }
            guard keys.contains(parts[0]) else {
                throw ConfigurationError("\(path):\(index + 1): unknown key '\(parts[0])'")
            }
            entries.append((parts[0], parts[1], index + 1))
        }
        return entries
    }

    static func apply(_ key: String, _ value: String, to c: inout HostConfiguration, from source: Source) throws {
        let label = source.label(key)
        switch key {
        case "data-dir":
            guard !value.isEmpty else { throw ConfigurationError("\(label): must not be empty") }
            c.dataDirectory = value
        case "host":
            guard !value.isEmpty, !value.contains(" ") else {
                throw ConfigurationError("\(label): '\(value)' is not a host name or address")
            }
            c.host = value
        case "port":
            c.port = try integer(value, label, in: 0...65535, what: "a port number")
        case "insecure-http":
            c.insecureHTTP = try boolean(value, label)
        case "server-name":
            c.serverNames = try names(value, from: source, key: key)
        case "log-level":
            guard let level = LogLevel(name: value) else {
                let known = LogLevel.allCases.map(\.description).joined(separator: ", ")
                throw ConfigurationError("\(label): '\(value)' is not a log level (\(known))")
            }
            c.logLevel = level
        case "log-format":
            guard let format = LogFormat(rawValue: value) else {
                throw ConfigurationError("\(label): '\(value)' is not a log format (logfmt, json)")
            }
            c.logFormat = format
        case "max-body-size":
            c.maxBodySize = try integer(value, label, in: 1...(1 << 30), what: "a size in bytes")
        case "max-header-size":
            c.maxHeaderSize = try integer(value, label, in: 1024...(1 << 20), what: "a size in bytes")
        case "max-connections":
            c.maxConnections = try integer(value, label, in: 1...100_000, what: "a connection count")
        case "idle-timeout":
            c.idleTimeoutSeconds = try integer(value, label, in: 1...86_400, what: "a number of seconds")
        case "header-timeout":
            c.headerTimeoutSeconds = try integer(value, label, in: 1...3_600, what: "a number of seconds")
        case "threads":
            c.threads = try integer(value, label, in: 1...256, what: "a thread count")
        case "dns-address":
            guard Self.isIPAddress(value) else {
                throw ConfigurationError("\(label): '\(value)' is not an IPv4 or IPv6 address")
            }
            c.dnsAddress = value
        case "dns-port":
            c.dnsPort = try integer(value, label, in: 0...65535, what: "a port number")
        case "shutdown-grace":
            guard let seconds = Double(value), seconds >= 0, seconds <= 300 else {
                throw ConfigurationError("\(label): '\(value)' is not a number of seconds (0-300)")
            }
            c.shutdownGraceSeconds = seconds
        case "token-lifetime":
            c.tokenLifetimeSeconds = try integer(value, label, in: 60...86_400, what: "a number of seconds")
        case "trusted-proxy":
            c.trustedProxies = try names(value, from: source, key: key)
        default:
            throw ConfigurationError("\(label): unknown setting")
        }
    }

    private static func integer(_ value: String, _ label: String, in range: ClosedRange<Int>, what: String) throws
        -> Int
    {
        guard let number = Int(value), range.contains(number) else {
            throw ConfigurationError(
                "\(label): '\(value)' is not \(what) (\(range.lowerBound)-\(range.upperBound))"
            )
        }
        return number
    }

    private static func isIPAddress(_ text: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }

    private static func boolean(_ value: String, _ label: String) throws -> Bool {
        switch value.lowercased() {
        case "true", "yes", "1", "on": return true
        case "false", "no", "0", "off": return false
        default: throw ConfigurationError("\(label): '\(value)' is not true or false")
        }
    }

    private static func names(_ value: String, from source: Source, key: String) throws -> [String] {
        let names = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for name in names where name.contains(where: { $0 == " " || $0 == "/" }) {
            throw ConfigurationError("\(source.label(key)): '\(name)' is not a host name or address")
        }
        return names
    }
}
