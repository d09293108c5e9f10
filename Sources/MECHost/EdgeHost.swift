import Foundation
import MECAuth
import MECDataPlane
import MECHTTP
import MECModel
import MECNotifications
import MECObservability
import MECPlatform
import MECSecurity
import MECStore
import Synchronization

/// A MEC host: the data directory, local CA, store and HTTPS server of one `mec serve` process.
///
/// `start()` brings everything up and returns the base URL; `stop()` drains requests and closes the store;
/// `run()` does both around SIGTERM or SIGINT.
public final class EdgeHost: Sendable {
    /// What a running host holds.
    struct Running: Sendable {
        let server: HTTPServer
        let store: SQLiteStore
        let authorization: AuthorizationService
        let auditWriter: Task<Void, Never>
        let notifications: NotificationEngine
        let applicationSupport: ApplicationSupportAPI
        let serviceManagement: ServiceManagementAPI
        let dns: DnsmasqDNSDataPlane
        let routes: [Route]
    }

    /// The configuration the host runs with.
    public let configuration: HostConfiguration
    /// The metrics every component of the host registers in.
    public let metrics = MetricsRegistry()
    private let logger: Logger
    private let running = Mutex<Running?>(nil)
    private let storeOpen = Atomic<Bool>(false)
    private let currentBaseURL = Mutex<String>("")

    /// Creates a host; nothing happens until `start()`.
    public init(configuration: HostConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// The data directory as a URL.
    public var dataDirectory: URL { URL(fileURLWithPath: configuration.dataDirectory, isDirectory: true) }

    /// Starts the host and returns the URL it serves on.
    ///
    /// Order: data directory, store, local CA and server certificate, the parts of the host (each contributes
    /// routes and middleware), then the server. A failure undoes what was started.
    @discardableResult
    public func start() async throws -> String {
        try DataDirectory.prepare(dataDirectory)
        let store = try SQLiteStore(path: dataDirectory.appendingPathComponent("mec.sqlite").path, logger: logger)
        storeOpen.store(true, ordering: .releasing)
        do {
            let hostID = try await Self.hostIdentifier(store)
            let authority = try LocalCertificateAuthority.loadOrCreate(directory: dataDirectory, logger: logger)
            var serverConfiguration = configuration.serverConfiguration
            if configuration.insecureHTTP {
                logger.warning("serving plain HTTP: tokens and data travel unencrypted; use only for development")
            } else {
                serverConfiguration.tls = try serverTLS(authority)
            }
            // Known once the server listens (port 0 picks one); everything that puts URLs in answers reads it here.
            let baseURL: @Sendable () -> String = { [weak self] in self?.currentBaseURL.withLock { $0 } ?? "" }
            let authorization = try await AuthorizationService.make(
                configuration: configuration.authConfiguration,
                store: store,
                dataDirectory: dataDirectory,
                authority: authority.certificate,
                baseURL: baseURL,
                metrics: metrics,
                logger: logger
            )
            let notifications = NotificationEngine(
                store: store,
                client: HTTPClient(
                    configuration: HTTPClient.Configuration(
                        caFile: try CallbackTrust.write(
                            dataDirectory: dataDirectory,
                            localCAPEM: authority.certificatePEM
                        )
                    ),
                    logger: logger.child(label: "mec.notifications.client")
                ),
                baseURL: baseURL,
                metrics: metrics,
                logger: logger.child(label: "mec.notifications")
            )
            let platform = PlatformContext(
                store: store,
                caller: PlatformCaller.resolve,
                baseURL: baseURL,
                tokenEndpoint: { authorization.server.securityInfo.oAuth2Info?.tokenEndpoint },
                metrics: metrics,
                logger: logger.child(label: "mec.platform")
            )
            let serviceManagement = ServiceManagementAPI(context: platform, engine: notifications)
            let dns = DnsmasqDNSDataPlane(
                configuration: DnsmasqDNSDataPlane.Configuration(
                    listenAddress: configuration.dnsAddress,
                    port: UInt16(configuration.dnsPort),
                    workingDirectory: dataDirectory.appendingPathComponent("dns").path
                ),
                logger: logger.child(label: "mec.dns")
            )
            let applicationSupport = ApplicationSupportAPI(
                context: platform,
                engine: notifications,
                applyDNSRules: { rules in
                    do {
                        try await dns.apply(rules.map(DNSRecord.init(rule:)))
                    } catch let error as DNSDataPlaneError where error.isValidationError {
                        throw HTTPError.badRequest("The DNS rule cannot be served: \(error.reason).")
                    }
                },
                onDeregistered: { [logger] id in
                    do {
                        try await serviceManagement.removeApplicationInstance(id)
                    } catch {
                        logger.error(
                            "services of a removed application instance not removed",
                            ["app_instance_id": id, "error": String(describing: type(of: error))]
                        )
                    }
                }
            )
            var router = Router()
            HealthRoutes(
                hostID: hostID,
                startedAt: .now,
                metrics: metrics,
                isServing: { [weak self] in self?.server.map { !$0.isStopping } ?? false },
                isStoreOpen: { [weak self] in self?.storeOpen.load(ordering: .acquiring) ?? false }
            ).register(in: &router)
            authorization.server.register(in: &router)
            notifications.register(routesIn: &router)
            serviceManagement.register(in: &router)
            applicationSupport.register(in: &router)
            OpenAPIDocuments.register(in: &router)
            let middlewares: [any Middleware] = [
                RequestIDMiddleware(),
                AccessLogMiddleware(logger: logger.child(label: "mec.access")),
                MetricsMiddleware(registry: metrics),
                authorization.middleware,
            ]
            let server = HTTPServer(
                configuration: serverConfiguration,
                responder: Responder(router: router, middlewares: middlewares, logger: logger),
                metrics: metrics,
                logger: logger.child(label: "mec.http")
            )
            try await dns.start()
            do {
                try await notifications.start()
            } catch {
                await dns.stop()
                throw error
            }
            do {
                try await applicationSupport.start()
                serviceManagement.start()
                try server.start()
            } catch {
                await serviceManagement.stop()
                await applicationSupport.stop()
                await notifications.stop()
                await dns.stop()
                throw error
            }
            currentBaseURL.withLock { $0 = server.baseURL }
            let audit = authorization.audit
            let auditWriter = Task { await audit.run() }
            running.withLock {
                $0 = Running(
                    server: server,
                    store: store,
                    authorization: authorization,
                    auditWriter: auditWriter,
                    notifications: notifications,
                    applicationSupport: applicationSupport,
                    serviceManagement: serviceManagement,
                    dns: dns,
                    routes: router.routes
                )
            }
            logger.notice(
                "mec host started",
                [
                    "url": server.baseURL, "data_dir": configuration.dataDirectory, "host_id": hostID,
                    "version": MECVersion.current, "dns": "\(dns.listenAddress):\(dns.port)",
                ]
            )
            return server.baseURL
        } catch {
            await store.close()
            storeOpen.store(false, ordering: .releasing)
            throw error
        }
    }

    /// Stops serving: drains requests in flight (bounded by `shutdown-grace`), then closes the store.
    public func stop() async {
        guard
            let current = running.withLock({ state -> Running? in
                defer { state = nil }
                return state
            })
        else { return }
        await current.server.shutdown()
        await current.serviceManagement.stop()
        await current.applicationSupport.stop()
        await current.notifications.stop()
        await current.dns.stop()
        current.authorization.audit.finish()
        await current.auditWriter.value
        await current.store.close()
        storeOpen.store(false, ordering: .releasing)
        logger.notice("mec host stopped")
    }

    /// Starts, waits for SIGTERM or SIGINT, then stops.
    public func run() async throws {
        let signals = ShutdownSignals(logger: logger)
        try await start()
        await signals.wait()
        await stop()
    }

    /// The server, while running; tests use it to find the port.
    var server: HTTPServer? { running.withLock { $0?.server } }

    /// The authorization components, while running.
    public var authorization: AuthorizationService? { running.withLock { $0?.authorization } }

    /// Where the DNS data plane answers MEC 011 DNS rules, while running.
    public var dnsEndpoint: (address: String, port: UInt16)? {
        running.withLock { $0.map { ($0.dns.listenAddress, $0.dns.port) } }
    }

    /// Starts terminating a registered application instance (MEC 011 clause on termination): its termination
    /// subscribers are told, and it is removed once it confirms or `maxGracefulTimeout` seconds pass.
    public func terminateApplication(_ appInstanceId: String, maxGracefulTimeout: UInt32 = 30) async throws {
        guard let support = running.withLock({ $0?.applicationSupport }) else {
            throw HostError("the host is not running")
        }
        try await support.beginTermination(
            appInstanceId: appInstanceId,
            action: .terminating,
            maxGracefulTimeout: maxGracefulTimeout
        )
    }

    /// Every route the host serves, while running; the scope checks are tested against this list.
    public var routes: [Route] { running.withLock { $0?.routes ?? [] } }

    private func serverTLS(_ authority: LocalCertificateAuthority) throws -> TLSSettings {
        let certificate = try ServerCertificate.loadOrCreate(
            directory: dataDirectory,
            authority: authority,
            names: configuration.serverNames,
            logger: logger
        )
        return TLSSettings(
            certificatePEM: certificate.certificatePEM,
            privateKeyPEM: certificate.privateKeyPEM,
            clientCATrustPEM: authority.certificatePEM
        )
    }

    private static func hostIdentifier(_ store: some Store) async throws -> String {
        if let existing = try await store.meta("host-id") {
            return existing
        }
        let created = UUID().uuidString.lowercased()
        try await store.setMeta("host-id", created)
        return created
    }
}
