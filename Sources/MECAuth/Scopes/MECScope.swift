/// OAuth 2.0 scope values of the MEC APIs: permission identifiers as GS MEC 009 asks for.
///
/// A permission identifier has the form `{apiName}:{apiMajorVersion}:{permission}`, where `apiName` and the major
/// version are those of the API's base path (`/mec_service_mgmt/v1` gives `mec_service_mgmt:v1`). Every API has a
/// permission `all` that grants every resource and method in it; finer permissions name a resource group and
/// `read` (GET) or `write` (POST, PUT, PATCH, DELETE). ``operator`` grants everything on the platform.
public enum MECScope {
    /// Grants every route of every API; for operators and their tooling, not for application instances.
    public static let `operator` = "mec:operator"

    /// The scope that grants everything in one API, such as `mec_service_mgmt:v1:all`.
    public static func all(api: String) -> String {
        "\(api):all"
    }

    /// The API part (`mec_service_mgmt:v1`) of a permission identifier, or nil for a scope that names no API.
    public static func api(of permission: String) -> String? {
        let parts = permission.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 3, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        return "\(parts[0]):\(parts[1])"
    }

    /// The API name of MEC 011 service management.
    public static let serviceManagement = "mec_service_mgmt:v1"
    /// The API name of MEC 011 application support.
    public static let appSupport = "mec_app_support:v1"

    /// Websocket notification channels (`/mec_notifications/v1`).
    public static let notifications = "mec_notifications:v1"

    /// Whether `text` is a syntactically valid scope token (RFC 6749 section 3.3: printable ASCII but space, `"`
    /// and `\`).
    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 128
            && text.utf8.allSatisfy { $0 == 0x21 || (0x23...0x5B).contains($0) || (0x5D...0x7E).contains($0) }
    }
}
