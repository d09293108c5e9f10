import Foundation
import MECHTTP
import MECModel
import MECNotifications
import MECObservability
import MECStore
import Synchronization

/// MEC 011 service management (`/mec_service_mgmt/v1`): service registration and discovery, transports,
/// service availability subscriptions and the liveness of services that send heartbeats.
///
/// ```swift
/// let api = ServiceManagementAPI(context: context) { notifications in try await engine.enqueue(notifications) }
/// api.register(in: &router)
/// api.start()        // the liveness watchdog
/// ...
/// await api.stop()
/// ```
///
/// Authorization: an application instance reaches only its own `/applications/{appInstanceId}/...` resources (the
/// operator reaches all); discovery (`/services`, `/transports`) is open to every authenticated caller.
public final class ServiceManagementAPI: Sendable {
    let context: PlatformContext
    let configuration: ServiceManagementConfiguration
    let clock: ServiceManagementClock
    let engine: NotificationEngine
    let notify: ServiceNotificationHandOff
    let paths: ServiceManagementPaths
    let logger: Logger
    let notificationsHandedOff: CounterFamily
    /// The services as discovery answers them, per stored version.
    let renderedServices = RenderedServiceCache()
    /// The answers of `GET /services` since the last write to the services.
    let discoveryAnswers = DiscoveryAnswerCache()
    /// The decoded availability subscriptions, per stored JSON.
    let availabilityCriteria = AvailabilityCriteriaCache()
    private let watchdog = Mutex<Task<Void, Never>?>(nil)

    /// The name the notification engine knows service availability subscriptions by.
    public static let availabilityAPI = "mec011.service_availability"

    /// Creates the API; nothing runs until `start()`.
    ///
    /// - Parameters:
    ///   - context: The store, caller resolver, URLs, metrics and logger the MEC 011 APIs share.
    ///   - configuration: Liveness and query limits.
    ///   - clock: The time source of heartbeats and of the watchdog.
    ///   - engine: Keeps the service availability subscriptions and delivers their notifications.
    public convenience init(
        context: PlatformContext,
        configuration: ServiceManagementConfiguration = ServiceManagementConfiguration(),
        clock: ServiceManagementClock = .system,
        engine: NotificationEngine
    ) {
        self.init(context: context, configuration: configuration, clock: clock, engine: engine) { pending in
            try await engine.publish(pending.map { ($0.subscriptionId, $0.body) })
        }
    }

    /// Creates the API with another hand-off of the notifications each change causes (tests record them).
    init(
        context: PlatformContext,
        configuration: ServiceManagementConfiguration,
        clock: ServiceManagementClock,
        engine: NotificationEngine,
        notify: @escaping ServiceNotificationHandOff
    ) {
        self.engine = engine
        engine.register(api: NotificationAPI(name: Self.availabilityAPI))
        self.context = context
        self.configuration = configuration
        self.clock = clock
        self.notify = notify
        self.paths = ServiceManagementPaths(baseURL: context.baseURL)
        self.logger = context.logger.child(label: "mec.service-management")
        self.notificationsHandedOff = context.metrics.counter(
            "mec_service_availability_notifications_total",
            help: "Service availability notifications handed to delivery, by change type.",
            labels: ["change_type"]
        )
    }

    /// Adds every route of the API.
    public func register(in router: inout Router) {
        typealias Paths = ServiceManagementPaths
        router.on(
            .get, Paths.services,
            immediate: { [self] request in try keptServiceList(request) },
            async: { [self] request in try await listServices(request) }
        )
        router.on(.get, Paths.service) { [self] request in try await getService(request) }
        router.on(.get, Paths.transports) { [self] request in try listTransports(request) }
        router.on(.get, Paths.applicationServices) { [self] request in try await listApplicationServices(request) }
        router.on(.post, Paths.applicationServices) { [self] request in try await createService(request) }
        router.on(.get, Paths.applicationService) { [self] request in try await getApplicationService(request) }
        router.on(.put, Paths.applicationService) { [self] request in try await updateService(request) }
        router.on(.delete, Paths.applicationService) { [self] request in try await deleteService(request) }
        router.on(.get, Paths.liveness) { [self] request in try await getLiveness(request) }
        router.on(.patch, Paths.liveness) { [self] request in try await heartbeat(request) }
        router.on(.get, Paths.subscriptions) { [self] request in try await listSubscriptions(request) }
        router.on(.post, Paths.subscriptions) { [self] request in try await createSubscription(request) }
        router.on(.get, Paths.subscription) { [self] request in try await getSubscription(request) }
        router.on(.delete, Paths.subscription) { [self] request in try await deleteSubscription(request) }
    }

    /// Starts the liveness watchdog: one task that checks heartbeats every `livenessCheckPeriod` until `stop()`.
    public func start() {
        watchdog.withLock { task in
            guard task == nil else { return }
            task = Task { [self] in
                while !Task.isCancelled {
                    do {
                        try await clock.sleep(configuration.livenessCheckPeriod)
                    } catch {
                        return
                    }
                    await checkLiveness()
                }
            }
        }
    }

    /// Stops the liveness watchdog and waits until its task has ended.
    public func stop() async {
        let task = watchdog.withLock { task in
            defer { task = nil }
            return task
        }
        task?.cancel()
        await task?.value
    }

    // MARK: - Shared by the handlers

    /// The caller, refused with 403 unless authenticated; discovery needs no more than that.
    func authenticatedCaller(_ request: Request) throws -> Caller {
        let caller = context.caller(request)
        if caller == .anonymous {
            throw HTTPError.forbidden("The caller is not authenticated.")
        }
        return caller
    }

    /// The `appInstanceId` path parameter, once the caller is allowed to act for it.
    func authorizedApplication(_ request: Request) throws -> String {
        let appInstanceId = try request.pathParameter("appInstanceId")
        try context.caller(request).authorize(appInstanceId: appInstanceId)
        return appInstanceId
    }

    /// Whether a consumer may see a service: one with `consumedLocalOnly` (true when absent) only when the consumer
    /// is in the service's locality.
    func isVisible(consumedLocalOnly: Bool, to caller: Caller) -> Bool {
        !consumedLocalOnly || isLocalConsumer(caller)
    }

    /// Whether `caller` is in the locality of the services registered here. Every caller of this host's Mp1 API is
    /// an application on this host, and every service registered here runs on this host, so this holds for all.
    func isLocalConsumer(_ caller: Caller) -> Bool {
        true
    }

    /// Runs a write to the service collection, then drops the kept discovery answers, whether it succeeded or not.
    func writingServices<T>(_ write: () async throws -> T) async rethrows -> T {
        defer { discoveryAnswers.invalidate() }
        return try await write()
    }

    /// The stored service with `serviceId`, if any.
    func loadService(_ serviceId: String) async throws -> ServiceRecord? {
        guard let document = try await context.store.get(Collections.services, id: serviceId) else { return nil }
        return try ServiceRecord(document)
    }

    /// The stored service with `serviceId` produced by `appInstanceId`, else 404.
    func loadService(_ serviceId: String, of appInstanceId: String) async throws -> ServiceRecord {
        guard let record = try await loadService(serviceId), record.appInstanceId == appInstanceId else {
            throw HTTPError.notFound("The application instance has no service with this identifier.")
        }
        return record
    }

    /// `info` as the platform answers it: with `_links` (self at `selfHref`, liveness when heartbeats are
    /// required) and the platform's OAuth 2.0 parameters.
    func render(_ info: ServiceInfo, appInstanceId: String, selfHref: String) -> ServiceInfo {
        var rendered = withPlatformSecurity(info)
        var links = ServiceInfoLinks(selfLink: LinkType(href: selfHref))
        if info.livenessInterval != nil, let id = info.serInstanceId {
            links.liveness = LinkType(href: paths.liveness(appInstanceId, id))
        }
        rendered.links = links
        return rendered
    }

    /// `info` with `transportInfo.security.oAuth2Info` naming the platform's token endpoint, when there is one:
    /// consumers obtain tokens for MEC services from the platform.
    func withPlatformSecurity(_ info: ServiceInfo) -> ServiceInfo {
        guard let tokenEndpoint = context.tokenEndpoint(), var transport = info.transportInfo else { return info }
        var copy = info
        transport.security.oAuth2Info = OAuth2Info(grantTypes: [.clientCredentials], tokenEndpoint: tokenEndpoint)
        copy.transportInfo = transport
        return copy
    }

    /// A JSON response with the entity tag of a document `version`.
    func json(_ value: some Encodable, status: Int = 200, version: Int64, location: String? = nil) throws -> Response {
        var headers = HTTPHeaders()
        headers["ETag"] = EntityTag.tag(version)
        if let location {
            headers["Location"] = location
        }
        return try .json(value, status: status, headers: headers)
    }
}
