import MECHTTP

/// One row of the ``ScopeTable``: the permission a method on a route template needs.
public struct ScopeRule: Hashable, Sendable {
    /// The method, such as `GET`.
    public let method: HTTPMethod
    /// The route template exactly as registered, such as `/mec_service_mgmt/v1/services/{serviceId}`.
    public let template: String
    /// The fine-grained permission identifier, such as `mec_service_mgmt:v1:services:read`.
    public let permission: String

    /// Creates a row.
    public init(_ method: HTTPMethod, _ template: String, _ permission: String) {
        self.method = method
        self.template = template
        self.permission = permission
    }

    /// Every scope that grants this row: the permission, the `all` scope of its API, and the operator scope.
    public var grantingScopes: Set<String> {
        var scopes: Set<String> = [permission, MECScope.operator]
        if let api = MECScope.api(of: permission) {
            scopes.insert(MECScope.all(api: api))
        }
        return scopes
    }
}
