import Foundation
import MECAuth
import MECHTTP
import MECObservability

/// Everything `mec serve` can be told, with defaults.
///
/// Every setting has one name, used alike as a configuration file key (`port = 8443`), an environment variable
/// (`MEC_PORT=8443`: upper case, `-` becomes `_`, prefixed `MEC_`) and a flag (`--port 8443`). Precedence, lowest
/// first: built-in default, configuration file, environment, flag.
public struct HostConfiguration: Sendable, Equatable {
    /// `data-dir`: where the CA, keys and database live. Default `$XDG_DATA_HOME/swift-mec`, else
    /// `$HOME/.local/share/swift-mec`.
    public var dataDirectory: String
    /// `host`: the address to listen on. Default `127.0.0.1`; `0.0.0.0` or `::` listen on every interface.
    public var host = "127.0.0.1"
    /// `port`: the TCP port; 0 picks a free one and logs it. Default 8443.
    public var port = 8443
    /// `insecure-http`: serve plain HTTP instead of HTTPS, for development only. Default false.
    public var insecureHTTP = false
    /// `server-name`: extra DNS names or addresses for the server certificate, comma separated; the flag may
    /// repeat. `localhost`, `127.0.0.1` and `::1` are always included.
    public var serverNames: [String] = []
    /// `log-level`: trace, debug, info, notice, warning, error or critical. Default info.
    public var logLevel = LogLevel.info
    /// `log-format`: logfmt or json. Default logfmt.
    public var logFormat = LogFormat.logfmt
    /// `max-body-size`: the largest request body in bytes. Default 1048576 (1 MiB).
    public var maxBodySize = 1 << 20
    /// `max-header-size`: the largest request head in bytes. Default 16384.
    public var maxHeaderSize = 16 << 10
    /// `max-connections`: client connections served at once. Default 1024.
    public var maxConnections = 1024
    /// `idle-timeout`: seconds a silent connection is kept. Default 60.
    public var idleTimeoutSeconds = 60
    /// `header-timeout`: seconds a client may take to send a request head. Default 10.
    public var headerTimeoutSeconds = 10
    /// `threads`: network threads. Default: the number of processors.
    public var threads = ProcessInfo.processInfo.activeProcessorCount
    /// `shutdown-grace`: seconds to let requests in flight finish at shutdown. Default 3.
    public var shutdownGraceSeconds = 3.0
    /// `dns-address`: the address the DNS data plane answers MEC 011 DNS rules on. Default 127.0.0.1.
    public var dnsAddress = "127.0.0.1"
    /// `dns-port`: its UDP and TCP port; 0 picks a free one and logs it. Default 0.
    public var dnsPort = 0
    /// `token-lifetime`: seconds an issued OAuth 2.0 access token is valid (60-86400). Default 3600.
    public var tokenLifetimeSeconds = 3600
    /// `trusted-proxy`: addresses of TLS-terminating proxies whose RFC 9440 `Client-Cert` header is believed, comma
    /// separated; the flag may repeat. Default none: only the certificate on the connection counts.
    public var trustedProxies: [String] = []

    /// The defaults, with the data directory taken from the environment.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        dataDirectory = Self.defaultDataDirectory(environment: environment)
    }

    /// `$XDG_DATA_HOME/swift-mec`, else `$HOME/.local/share/swift-mec`, else `./mec-data`.
    public static func defaultDataDirectory(environment: [String: String]) -> String {
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            return xdg + "/swift-mec"
        }
        if let home = environment["HOME"], !home.isEmpty {
            return home + "/.local/share/swift-mec"
        }
        return "mec-data"
    }

    /// The authorization settings this configuration implies.
    var authConfiguration: AuthConfiguration {
        var auth = AuthConfiguration()
        auth.tokenLifetimeSeconds = Int64(tokenLifetimeSeconds)
        auth.trustedProxies = Set(trustedProxies)
        return auth
    }

    /// The HTTP server settings this configuration implies (TLS is added by the host).
    var serverConfiguration: HTTPServerConfiguration {
        var server = HTTPServerConfiguration()
        server.host = host
        server.port = port
        server.maxBodySize = maxBodySize
        server.maxHeaderSize = maxHeaderSize
        server.maxConnections = maxConnections
        server.idleTimeoutSeconds = idleTimeoutSeconds
        server.headerTimeoutSeconds = headerTimeoutSeconds
        server.threads = threads
        server.shutdownGraceSeconds = shutdownGraceSeconds
        return server
    }
}
