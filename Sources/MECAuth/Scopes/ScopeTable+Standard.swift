import MECHTTP

extension ScopeTable {
    /// The routes every host serves without a token: health, metrics, the OpenAPI descriptions and the
    /// authorization server itself.
    public static let standardPublicTemplates: Set<String> = [
        "/healthz",
        "/metrics",
        "/openapi",
        "/openapi/{file}",
        OAuthPaths.token,
        OAuthPaths.introspection,
        OAuthPaths.revocation,
        OAuthPaths.jwks,
        OAuthPaths.metadata,
    ]

    /// The table of the MEC host: public routes, then one row per method and route template of each MEC API.
    ///
    /// The rows follow the ETSI OpenAPI descriptions, so a module registering its routes needs no change here.
    public static let standard = ScopeTable(
        publicTemplates: standardPublicTemplates,
        rules: serviceManagementRules + appSupportRules + notificationRules
    )

    /// Websocket notification channels: a subscriber of any API opens its channel with a token of this API's scope
    /// (its channel id, 128 random bits, is known only to the subscriber).
    static let notificationRules: [ScopeRule] = [
        ScopeRule(.get, "/mec_notifications/v1/websockets/{channelId}", "\(MECScope.notifications):websockets:read")
    ]

    /// MEC 011 service management (`/mec_service_mgmt/v1`).
    static let serviceManagementRules: [ScopeRule] = {
        let base = "/mec_service_mgmt/v1"
        let api = MECScope.serviceManagement
        return [
            ScopeRule(.get, "\(base)/services", "\(api):services:read"),
            ScopeRule(.get, "\(base)/services/{serviceId}", "\(api):services:read"),
            ScopeRule(.get, "\(base)/transports", "\(api):services:read"),
            ScopeRule(.get, "\(base)/applications/{appInstanceId}/services", "\(api):app_services:read"),
            ScopeRule(.post, "\(base)/applications/{appInstanceId}/services", "\(api):app_services:write"),
            ScopeRule(.get, "\(base)/applications/{appInstanceId}/services/{serviceId}", "\(api):app_services:read"),
            ScopeRule(.put, "\(base)/applications/{appInstanceId}/services/{serviceId}", "\(api):app_services:write"),
            ScopeRule(
                .delete, "\(base)/applications/{appInstanceId}/services/{serviceId}", "\(api):app_services:write"),
            ScopeRule(.get, "\(base)/applications/{appInstanceId}/subscriptions", "\(api):subscriptions:read"),
            ScopeRule(.post, "\(base)/applications/{appInstanceId}/subscriptions", "\(api):subscriptions:write"),
            ScopeRule(
                .get, "\(base)/applications/{appInstanceId}/subscriptions/{subscriptionId}",
                "\(api):subscriptions:read"),
            ScopeRule(
                .delete, "\(base)/applications/{appInstanceId}/subscriptions/{subscriptionId}",
                "\(api):subscriptions:write"),
            ScopeRule(.get, "\(base)/resource_uri_allocated_by_MEC_platform", "\(api):liveness:read"),
            ScopeRule(.patch, "\(base)/resource_uri_allocated_by_MEC_platform", "\(api):liveness:write"),
            // The liveness resource this platform allocates (handed out in ServiceInfo._links.liveness).
            ScopeRule(
                .get, "\(base)/applications/{appInstanceId}/services/{serviceId}/liveness", "\(api):liveness:read"),
            ScopeRule(
                .patch, "\(base)/applications/{appInstanceId}/services/{serviceId}/liveness", "\(api):liveness:write"),
        ]
    }()

    /// MEC 011 application support (`/mec_app_support/v1`).
    static let appSupportRules: [ScopeRule] = {
        let base = "/mec_app_support/v1"
        let api = MECScope.appSupport
        let app = "\(base)/applications/{appInstanceId}"
        return [
            ScopeRule(.get, "\(app)/subscriptions", "\(api):subscriptions:read"),
            ScopeRule(.post, "\(app)/subscriptions", "\(api):subscriptions:write"),
            ScopeRule(.get, "\(app)/subscriptions/{subscriptionId}", "\(api):subscriptions:read"),
            ScopeRule(.delete, "\(app)/subscriptions/{subscriptionId}", "\(api):subscriptions:write"),
            ScopeRule(.get, "\(base)/timing/timing_caps", "\(api):timing:read"),
            ScopeRule(.get, "\(base)/timing/current_time", "\(api):timing:read"),
            ScopeRule(.get, "\(app)/traffic_rules", "\(api):traffic_rules:read"),
            ScopeRule(.get, "\(app)/traffic_rules/{trafficRuleId}", "\(api):traffic_rules:read"),
            ScopeRule(.put, "\(app)/traffic_rules/{trafficRuleId}", "\(api):traffic_rules:write"),
            ScopeRule(.get, "\(app)/dns_rules", "\(api):dns_rules:read"),
            ScopeRule(.get, "\(app)/dns_rules/{dnsRuleId}", "\(api):dns_rules:read"),
            ScopeRule(.put, "\(app)/dns_rules/{dnsRuleId}", "\(api):dns_rules:write"),
            ScopeRule(.post, "\(app)/confirm_termination", "\(api):lifecycle:write"),
            ScopeRule(.post, "\(app)/confirm_ready", "\(api):lifecycle:write"),
            ScopeRule(.post, "\(base)/registrations", "\(api):registrations:write"),
            ScopeRule(.get, "\(base)/registrations/{appInstanceId}", "\(api):registrations:read"),
            ScopeRule(.put, "\(base)/registrations/{appInstanceId}", "\(api):registrations:write"),
            ScopeRule(.delete, "\(base)/registrations/{appInstanceId}", "\(api):registrations:write"),
        ]
    }()
}
