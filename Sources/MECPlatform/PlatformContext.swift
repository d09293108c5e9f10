import MECHTTP
import MECObservability
import MECStore

/// What the MEC 011 APIs share: the store, who is calling, and the URLs they put in responses.
public struct PlatformContext: Sendable {
    /// Where every MEC 011 resource is kept.
    public let store: any Store
    /// Tells who sent a request.
    public let caller: CallerResolver
    /// The host's base URL, such as `https://localhost:8443`; known once the server listens.
    public let baseURL: @Sendable () -> String
    /// The OAuth 2.0 token endpoint named in `oAuth2Info` of the services the platform offers, if any.
    public let tokenEndpoint: @Sendable () -> String?
    /// Metrics of the platform.
    public let metrics: MetricsRegistry
    /// The platform's logger.
    public let logger: Logger

    /// Creates a context.
    public init(
        store: any Store,
        caller: @escaping CallerResolver,
        baseURL: @escaping @Sendable () -> String,
        tokenEndpoint: @escaping @Sendable () -> String?,
        metrics: MetricsRegistry,
        logger: Logger
    ) {
        self.store = store
        self.caller = caller
        self.baseURL = baseURL
        self.tokenEndpoint = tokenEndpoint
        self.metrics = metrics
        self.logger = logger
    }
}

/// Names of the store collections the MEC 011 APIs use; feature code refers to them only through here.
enum Collections {
    /// `AppInfo` registrations, by appInstanceId.
    static let registrations = "mec011.registrations"
    /// `ServiceInfo` documents, by serInstanceId.
    static let services = "mec011.services"
    /// Traffic rules, by `appInstanceId/trafficRuleId`.
    static let trafficRules = "mec011.traffic-rules"
    /// DNS rules, by `appInstanceId/dnsRuleId`.
    static let dnsRules = "mec011.dns-rules"
}
