import Foundation

/// The route templates of the service management API and the absolute URIs put in `_links` and `Location`.
struct ServiceManagementPaths: Sendable {
    /// The API root, as in the ETSI description's server URL.
    static let root = "/mec_service_mgmt/v1"
    static let services = root + "/services"
    static let service = root + "/services/{serviceId}"
    static let transports = root + "/transports"
    static let applicationServices = root + "/applications/{appInstanceId}/services"
    static let applicationService = root + "/applications/{appInstanceId}/services/{serviceId}"
    /// The liveness resource; the specification leaves its structure to the platform.
    static let liveness = root + "/applications/{appInstanceId}/services/{serviceId}/liveness"
    static let subscriptions = root + "/applications/{appInstanceId}/subscriptions"
    static let subscription = root + "/applications/{appInstanceId}/subscriptions/{subscriptionId}"

    /// The host's base URL, such as `https://localhost:8443`.
    let baseURL: @Sendable () -> String

    func service(_ serviceId: String) -> String {
        url("services", serviceId)
    }

    func applicationService(_ appInstanceId: String, _ serviceId: String) -> String {
        url("applications", appInstanceId, "services", serviceId)
    }

    func liveness(_ appInstanceId: String, _ serviceId: String) -> String {
        url("applications", appInstanceId, "services", serviceId, "liveness")
    }

    func subscriptions(_ appInstanceId: String) -> String {
        url("applications", appInstanceId, "subscriptions")
    }

    func subscription(_ appInstanceId: String, _ subscriptionId: String) -> String {
        url("applications", appInstanceId, "subscriptions", subscriptionId)
    }

    /// The absolute URI of the path made of `segments`, each percent-encoded as one path segment.
    private func url(_ segments: String...) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/;")
        let encoded = segments.map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0 }
        var base = baseURL()
        while base.hasSuffix("/") { base.removeLast() }
        return base + Self.root + "/" + encoded.joined(separator: "/")
    }
}
