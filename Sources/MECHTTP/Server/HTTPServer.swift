import CMicroHTTPD
import Foundation
import MECObservability
import Synchronization

/// An HTTP/1.1 server with TLS on the network threads of libmicrohttpd.
///
/// Immediate routes answer on a network thread; async routes suspend their connection, run as a Swift task and
/// resume it with the response. Bodies are collected up to `maxBodySize` before routing.
public final class HTTPServer: Sendable {
    /// Why the server could not start.
    public struct StartError: Error, CustomStringConvertible {
        /// A short reason, safe to log.
        public let description: String
    }

    /// The configuration the server runs with.
    public let configuration: HTTPServerConfiguration
    let responder: Responder
    let logger: Logger
    let openConnections: GaugeFamily
    let inFlight = Atomic<Int>(0)
    // The daemon handle is written once by `start()` and cleared by `shutdown()`, both under the lock.
    private let daemon = Mutex<CHandle?>(nil)
    private let boundPort = Atomic<Int>(0)
    let suspended = Mutex<[ObjectIdentifier: RequestState]>([:])
    let upgraded = Mutex<[ObjectIdentifier: UpgradedConnection]>([:])
    private let stopping = Atomic<Bool>(false)

    /// Creates a server; call `start()` to listen.
    public init(
        configuration: HTTPServerConfiguration,
        responder: Responder,
        metrics: MetricsRegistry,
        logger: Logger
    ) {
        self.configuration = configuration
        self.responder = responder
        self.logger = logger
        openConnections = metrics.gauge("http_open_connections", help: "Client connections currently open.")
    }

    /// The port the server listens on, once started.
    public var port: Int { boundPort.load(ordering: .acquiring) }

    /// The base URL clients use, such as `https://localhost:8443`.
    public var baseURL: String {
        let scheme = configuration.tls == nil ? "http" : "https"
        let host =
            ["0.0.0.0", "::", "127.0.0.1", "::1", ""].contains(configuration.host) ? "localhost" : configuration.host
        let bracketed = host.contains(":") ? "[\(host)]" : host
        return "\(scheme)://\(bracketed):\(port)"
    }

    /// Binds the socket and starts the network threads.
    public func start() throws {
        var address = try Self.resolve(configuration.host, port: configuration.port)
        // poll(2), not epoll: quiescing the listener of an epoll thread pool races inside the library and aborts
        // the process ("Failed to remove listen FD from epoll set"); with poll it is a flag each thread checks.
        var flags =
            MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_POLL.rawValue
            | MHD_ALLOW_SUSPEND_RESUME.rawValue | MHD_ALLOW_UPGRADE.rawValue | MHD_USE_ERROR_LOG.rawValue
        if address.ss_family == sa_family_t(AF_INET6) {
            flags |= MHD_USE_IPv6.rawValue
        }
        let tls = configuration.tls
        if tls != nil {
            flags |= MHD_USE_TLS.rawValue
        }
        let context = Unmanaged.passUnretained(self).toOpaque()
        let started: OpaquePointer? = withOptionalCString(tls?.privateKeyPEM) { key in
            withOptionalCString(tls?.certificatePEM) { certificate in
                withOptionalCString(tls?.clientCATrustPEM) { trust in
                    withOptionalCString(tls?.priorities) { priorities in
                        withUnsafePointer(to: &address) { storage in
                            storage.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                                var settings = mec_mhd_settings()
                                settings.flags = flags
                                settings.address = socketAddress
                                settings.port = UInt16(configuration.port)
                                settings.thread_pool_size = UInt32(max(1, configuration.threads))
                                settings.connection_limit = UInt32(configuration.maxConnections)
                                settings.connection_timeout = UInt32(configuration.idleTimeoutSeconds)
                                settings.connection_memory_limit = max(configuration.maxHeaderSize, 4096) + 16 << 10
                                settings.listen_backlog = 1024
                                settings.tls_key_pem = key
                                settings.tls_cert_pem = certificate
                                settings.tls_trust_pem = trust
                                settings.tls_priorities = priorities
                                settings.access_handler = ServerCallbacks.access
                                settings.access_context = context
                                settings.completed_handler = ServerCallbacks.completed
                                settings.completed_context = context
                                settings.connection_handler = ServerCallbacks.connection
                                settings.connection_context = context
                                settings.uri_log_handler = ServerCallbacks.requestStarted
                                settings.uri_log_context = context
                                settings.error_log_handler = ServerCallbacks.errorLog
                                settings.error_log_context = context
                                return mec_mhd_start(&settings)
                            }
                        }
                    }
                }
            }
        }
        guard let started else {
            throw StartError(description: "could not listen on \(configuration.host):\(configuration.port)")
        }
        daemon.withLock { $0 = CHandle(pointer: started) }
        boundPort.store(Int(mec_mhd_bound_port(started)), ordering: .releasing)
        logger.debug("http server listening", ["url": baseURL, "threads": String(configuration.threads)])
    }

    /// Stops accepting connections, answers new requests on open connections 503 with `Connection: close`, lets
    /// requests in flight finish within the grace period (answering the rest 503), closes upgraded connections and
    /// stops the network threads. Safe to call more than once.
    public func shutdown() async {
        guard !stopping.exchange(true, ordering: .acquiringAndReleasing) else { return }
        guard let running = daemon.withLock({ $0?.pointer }) else { return }
        let listener = MHD_quiesce_daemon(running)
        if listener >= 0 {
            close(listener)
        }
        let deadline = ContinuousClock.now + .milliseconds(Int(configuration.shutdownGraceSeconds * 1000))
        while inFlight.load(ordering: .acquiring) > 0, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        let abandoned = suspended.withLock { states in
            defer { states.removeAll() }
            return Array(states.values)
        }
        if !abandoned.isEmpty {
            logger.warning("shutdown answered unfinished requests", ["count": String(abandoned.count)])
        }
        for state in abandoned {
            let refusal = HTTPError(status: 503, detail: "The server is shutting down.")
            state.complete(with: responder.reject(state.request ?? Request(method: .get, path: "/"), with: refusal))
        }
        let settle = ContinuousClock.now + .milliseconds(500)
        while inFlight.load(ordering: .acquiring) > 0, ContinuousClock.now < settle {
            try? await Task.sleep(for: .milliseconds(5))
        }
        for connection in upgraded.withLock({ Array($0.values) }) {
            connection.close()
        }
        daemon.withLock { handle in
            if let handle {
                MHD_stop_daemon(handle.pointer)
            }
            handle = nil
        }
        logger.debug("http server stopped")
    }

    /// Whether shutdown has begun.
    public var isStopping: Bool { stopping.load(ordering: .acquiring) }

    func track(_ connection: UpgradedConnection) {
        upgraded.withLock { $0[ObjectIdentifier(connection)] = connection }
    }

    func untrack(_ connection: UpgradedConnection) {
        _ = upgraded.withLock { $0.removeValue(forKey: ObjectIdentifier(connection)) }
    }

    private static func resolve(_ host: String, port: Int) throws -> sockaddr_storage {
        guard (0...65535).contains(port) else {
            throw StartError(description: "port \(port) is out of range")
        }
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var results: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host.isEmpty ? nil : host, String(port), &hints, &results)
        guard status == 0, let first = results else {
            throw StartError(description: "cannot resolve listen address \(host)")
        }
        defer { freeaddrinfo(results) }
        var storage = sockaddr_storage()
        withUnsafeMutableBytes(of: &storage) { target in
            let length = min(Int(first.pointee.ai_addrlen), target.count)
            if let source = first.pointee.ai_addr {
                target.copyMemory(from: UnsafeRawBufferPointer(start: source, count: length))
            }
        }
        return storage
    }
}

/// Calls `body` with a C string for `value`, or with nil.
func withOptionalCString<R>(_ value: String?, _ body: (UnsafePointer<CChar>?) -> R) -> R {
    guard let value else { return body(nil) }
    return value.withCString { body($0) }
}
